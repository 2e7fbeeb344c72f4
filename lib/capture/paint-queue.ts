import { TimeSlice, runSoon } from './yielding';

/** When no animation frame comes (a hidden tab), the prepared badges go in after this long anyway. */
const NO_FRAME_MS = 250;

/**
 * Rows whose badge is to be drawn. Badges are built first, detached from the page, in short slices (nothing the
 * page lays out changes meanwhile); then, at the next animation frame, every prepared badge goes into the page at
 * once. The page so lays itself out once for a whole batch of badges, never once per badge or per slice, and
 * nothing of ours reads layout between the writes (no forced reflow).
 */
export class PaintQueue {
  private todo = new Set<Element>();
  private ready = new Map<Element, () => void>();
  private preparing = false;
  private framePlanned = false;

  /**
   * `prepare` builds a row's badge detached and returns the writes that put it in place (or nothing to write);
   * `around` wraps each frame's writes (the reader stops watching the page meanwhile, so its own badges do not
   * come back to it as mutations).
   */
  constructor(
    private readonly prepare: (row: Element) => (() => void) | undefined,
    private readonly sliceMs: number,
    private readonly stillValid: () => boolean = () => true,
    private readonly around: (writes: () => void) => void = (writes) => writes(),
  ) {}

  add(row: Element): void {
    this.todo.add(row);
    if (this.preparing) return;
    this.preparing = true;
    runSoon(() => void this.prepareAll());
  }

  private async prepareAll(): Promise<void> {
    const slice = new TimeSlice(this.sliceMs);
    try {
      while (this.todo.size && this.stillValid()) {
        for (const row of this.todo) {
          this.todo.delete(row);
          const writes = this.prepare(row);
          if (writes) this.ready.set(row, writes);
          if (slice.due()) break;
        }
        if (this.todo.size) await slice.yield();
      }
    } finally {
      this.preparing = false;
    }
    if (this.ready.size) this.planFrame();
  }

  private planFrame(): void {
    if (this.framePlanned) return;
    this.framePlanned = true;
    let frame: number | undefined;
    const timer = setTimeout(() => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      this.commit();
    }, NO_FRAME_MS);
    if (typeof requestAnimationFrame === 'function') {
      frame = requestAnimationFrame(() => {
        clearTimeout(timer);
        this.commit();
      });
    }
  }

  private commit(): void {
    this.framePlanned = false;
    const writes = [...this.ready.values()];
    this.ready.clear();
    if (!this.stillValid()) return;
    this.around(() => {
      for (const write of writes) write();
    });
  }
}
