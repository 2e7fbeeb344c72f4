/**
 * Wakes this process's held pulls of a shop right after one of its pushes commits. Pulls held by other
 * processes find the change by looking at the database again (see wait.ts), so this is only a shortcut.
 */
export class ChangeSignal {
  private waiting = new Map<string, Set<() => void>>();

  notify(shopId: string): void {
    const set = this.waiting.get(shopId);
    if (!set) return;
    this.waiting.delete(shopId);
    for (const wake of set) wake();
  }

  /** Resolves on a notify for the shop, after `ms`, or when `signal` aborts, whichever comes first. */
  wait(shopId: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiting.get(shopId) ?? new Set();
      this.waiting.set(shopId, set);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        set.delete(done);
        if (!set.size && this.waiting.get(shopId) === set) this.waiting.delete(shopId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }
}
