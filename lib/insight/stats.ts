/** The middle value (the mean of the two middle ones for an even count); null for no values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** part / whole, null when there is nothing to divide by (shown as "–", never as 0 %). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "42.9 %" / "–" */
export function percentText(r: number | null): string {
  if (r === null) return '–';
  return `${(Math.round(r * 1000) / 10).toFixed(1)} %`;
}

/** Hours with one decimal ("3.5"), "–" for none. */
export function hoursText(ms: number | null): string {
  if (ms === null) return '–';
  return (Math.round(ms / 360_000) / 10).toFixed(1);
}

/** Adds to a counter held in a map, creating it on first use. */
export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The entry for `key`, made with `make` the first time. */
export function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}
