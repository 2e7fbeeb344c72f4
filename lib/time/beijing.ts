/**
 * Hour, weekday and calendar-day arithmetic in Beijing time (Asia/Shanghai), independent of the
 * zone the agent's computer is set to.
 *
 * China has not observed daylight saving time since 1991, so Asia/Shanghai is always UTC+08:00 and a
 * fixed offset is exact for every instant this extension will ever handle. Using the offset (rather
 * than Intl with a time-zone name) keeps the result identical on every machine and in every runtime,
 * whatever TZ or ICU data it has.
 *
 * All instants are epoch milliseconds. Weekdays are numbered the Chinese/ISO way: 0 = Monday (周一)
 * … 6 = Sunday (周日).
 */

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;

export const WEEKDAY_LABELS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export const WEEKDAY_LABELS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface BeijingParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

/** The wall-clock reading in Beijing at an instant. */
export function beijingParts(at: number): BeijingParts {
  const d = new Date(at + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: (d.getUTCDay() + 6) % 7,
  };
}

export function beijingHour(at: number): number {
  return Math.floor(mod(at + BEIJING_OFFSET_MS, DAY_MS) / HOUR_MS);
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday (index 3). */
export function beijingWeekday(at: number): number {
  const dayNumber = Math.floor((at + BEIJING_OFFSET_MS) / DAY_MS);
  return mod(dayNumber + 3, 7);
}

/** 00:00 Beijing time of the day containing `at`. */
export function startOfBeijingDay(at: number): number {
  return at - mod(at + BEIJING_OFFSET_MS, DAY_MS);
}

/** 00:00 Beijing time of the day after the one containing `at`. */
export function startOfNextBeijingDay(at: number): number {
  return startOfBeijingDay(at) + DAY_MS;
}

/** The start of the Beijing clock hour containing `at` (the offset is whole hours, so this is also UTC's). */
export function startOfHour(at: number): number {
  return at - mod(at, HOUR_MS);
}

/** `hour`:`minute` Beijing time on the day containing `at` (hour may be 24 for the end of the day). */
export function beijingTimeOnDay(at: number, hour: number, minute = 0): number {
  return startOfBeijingDay(at) + hour * HOUR_MS + minute * 60_000;
}

/** A Beijing wall-clock reading as an instant: beijingInstant(2026, 3, 2, 18) is 2026-03-02 18:00 +08:00. */
export function beijingInstant(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return utcInstant(year, month, day, hour, minute) - BEIJING_OFFSET_MS;
}

/** Date.UTC, except that years 0–99 stay themselves (Date.UTC would read 1 as 1901). */
function utcInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/**
 * The times an agent can mean for a due date or an agreed time: from 2000 to 2100 (Beijing). Anything outside is a
 * typo (year 0001, 275760) and is refused at the input and by the protocol.
 */
export const SANE_TIME_RANGE = { from: beijingInstant(2000, 1, 1), until: beijingInstant(2100, 1, 1) } as const;

export const isSaneTime = (at: number): boolean => Number.isFinite(at) && at >= SANE_TIME_RANGE.from && at < SANE_TIME_RANGE.until;

const pad = (n: number) => String(n).padStart(2, '0');

/** "18:05" */
export function formatClock(at: number): string {
  const p = beijingParts(at);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}


/** "18:00–19:00" for a whole-hour range (endHour may be 24). */
export function formatHourRange(startHour: number, endHour: number): string {
  return `${pad(startHour)}:00–${pad(endHour)}:00`;
}

/** Whole Beijing calendar days from the day of `from` to the day of `to` (0 = same day, 1 = next day). */
export function beijingDaysBetween(from: number, to: number): number {
  return Math.round((startOfBeijingDay(to) - startOfBeijingDay(from)) / DAY_MS);
}

/** "2026-03-31 16:24" in Beijing time. */
export function formatBeijing(epochMs: number, withSeconds = false): string {
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return withSeconds ? `${date} ${time}:${pad(d.getUTCSeconds())}` : `${date} ${time}`;
}

/**
 * Parses "YYYY-MM-DD HH:mm[:ss]" (optionally in [brackets] or after a label) as Beijing time; null when it is not one.
 * The year is exactly four digits (275760-01-01 is no date, not 5760-01-01) and every part must exist on the
 * calendar and the clock (no 02-31, no 25:00).
 */
export function parseBeijing(text: string): number | null {
  const m = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?!\d)/.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = utcInstant(year, month, day, hour, minute, second);
  if (new Date(utc).getUTCDate() !== day) return null; // 02-31 would roll over into March
  return utc - BEIJING_OFFSET_MS;
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}
