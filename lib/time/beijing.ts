/**
 * Beijing time (Asia/Shanghai) whatever the computer's zone. China has no daylight saving time,
 * so a fixed +08:00 offset is exact and avoids depending on the runtime's time-zone data.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-31 16:24" in Beijing time. */
export function formatBeijing(epochMs: number, withSeconds = false): string {
  const d = new Date(epochMs + OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return withSeconds ? `${date} ${time}:${pad(d.getUTCSeconds())}` : `${date} ${time}`;
}

/**
 * Parses "YYYY-MM-DD HH:mm[:ss]" (optionally in [brackets]) as Beijing time; null when it is not one.
 */
export function parseBeijing(text: string): number | null {
  const m = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isFinite(utc) ? utc - OFFSET_MS : null;
}
