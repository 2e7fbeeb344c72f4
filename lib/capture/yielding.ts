interface TaskScheduler {
  yield?: () => Promise<void>;
  postTask?: (fn: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background'; delay?: number; signal?: AbortSignal }) => Promise<unknown>;
}
const scheduler = (): TaskScheduler | undefined => (globalThis as { scheduler?: TaskScheduler }).scheduler;

/**
 * Runs `fn` after `delay` ms as a task the browser runs before the page's ordinary ones (scheduler.postTask,
 * user-blocking): a console busy loading a thousand thumbnails must not push the reading of its rows, and so the
 * badges, back by seconds. Our tasks are short slices, so the page's own work only waits a slice. Where postTask
 * is missing, a plain timer. Returns a function that cancels it.
 */
export function runSoon(fn: () => void, delay = 0): () => void {
  const s = scheduler();
  if (typeof s?.postTask === 'function' && typeof AbortController === 'function') {
    const controller = new AbortController();
    s.postTask.call(s, fn, { priority: 'user-blocking', delay, signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }
  const timer = setTimeout(fn, delay);
  return () => clearTimeout(timer);
}

/**
 * Gives the page a turn between slices of our work; where the browser has scheduler.yield, our work then goes on
 * ahead of the tasks the page queued meanwhile (with the priority of the task that yields).
 */
export function yieldToPage(): Promise<void> {
  const s = scheduler();
  if (typeof s?.yield === 'function') return s.yield.call(s).catch(() => undefined);
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Gives the page and the tasks already queued (ours included) a turn: no priority for this continuation. */
export function yieldBehind(): Promise<void> {
  return new Promise((resolve) => runSoon(resolve));
}

/**
 * Gives way to everything queued, the page's ordinary tasks and the answers to our own messages included: work
 * that is not in a hurry while an answer it waits for is on its way (a task of ours at our usual priority would
 * run before that answer is taken in).
 */
export function yieldToAll(): Promise<void> {
  const s = scheduler();
  if (typeof s?.postTask === 'function') return s.postTask.call(s, () => undefined, { priority: 'user-visible' }).then(() => undefined, () => undefined);
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Work in slices of at most `budgetMs`: `due()` says when to yield. */
export class TimeSlice {
  private start = performance.now();
  constructor(private readonly budgetMs: number) {}

  due(): boolean {
    return performance.now() - this.start >= this.budgetMs;
  }

  async yield(behind = false): Promise<void> {
    await (behind ? yieldBehind() : yieldToPage());
    this.start = performance.now();
  }

  async yieldToAll(): Promise<void> {
    await yieldToAll();
    this.start = performance.now();
  }
}

/** When no animation frame comes (a hidden tab), `afterPaint` runs its function after this long anyway. */
const NO_FRAME_MS = 200;

/**
 * Runs `fn` right after the page has painted its next frame: what the page just rendered (its rows) is on screen
 * before our work on it starts, without waiting for an idle moment a busy page may never have.
 */
export function afterPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  setTimeout(run, NO_FRAME_MS);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => runSoon(run));
}
