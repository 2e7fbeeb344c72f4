// The console shows times in Beijing time (UTC+8, no daylight saving) whatever the agent's machine uses.
// Client scripts carry their own copy of this formatting (they run in the page, not in Node).

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

const pad = (n) => String(n).padStart(2, '0');

/** @param {number} ms epoch milliseconds @param {boolean} [seconds] @returns {string} "YYYY-MM-DD HH:mm[:ss]" */
export function beijingDateTime(ms, seconds = false) {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` + (seconds ? `:${pad(d.getUTCSeconds())}` : '');
  return `${date} ${time}`;
}
