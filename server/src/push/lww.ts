/**
 * Last-writer-wins per field. Each field keeps the stamp of the write that set it: [client time, mutation id].
 * The mutation id breaks ties between writes made in the same millisecond, so every server and every replay
 * order reach the same result.
 */
export type Stamp = readonly [at: number, mutationId: string];
export type FieldTimes = Record<string, Stamp>;

export const isNewer = (a: Stamp, b: Stamp | undefined) => !b || a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

export interface Merged<T> { data: T; times: FieldTimes; changed: boolean }

/** Writes each given field whose stamp is newer than the field's own; older writes change nothing there. */
export function mergeFields<T extends object>(data: T, times: FieldTimes, fields: Partial<T>, stamp: Stamp): Merged<T> {
  const next = { ...data } as Record<string, unknown>;
  const nextTimes: FieldTimes = { ...times };
  let changed = false;
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || !isNewer(stamp, times[field])) continue;
    nextTimes[field] = stamp;
    if (JSON.stringify(next[field]) !== JSON.stringify(value)) {
      next[field] = value;
      changed = true;
    }
  }
  // A newer stamp on an unchanged value still counts: a later, older write must not win over it.
  return { data: next as T, times: nextTimes, changed: changed || JSON.stringify(nextTimes) !== JSON.stringify(times) };
}
