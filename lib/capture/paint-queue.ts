/** When no animation frame comes (a hidden tab), the queued badges are drawn after this long anyway. */
const NO_FRAME_MS = 250;

/**
 * Rows whose badge is to be drawn, written together at the next animation frame: the page then lays itself out
 * once for many badges instead of once per badge or per batch, and nothing of ours reads layout between writes
 * (no forced reflow). A frame writes at most `perFrame` rows, so a page of thousands never gets one long task.
 */
export class PaintQueue {
  private rows = new Set<Element>();
  private planned = false;

  /**
   * `around` wraps each frame's writes (the reader stops watching the page meanwhile, so its own badges do not
   * come back to it as mutations).
   */
  constructor(
    private readonly paint: (row: Element) => void,
    private readonly perFrame: number,
    private readonly stillValid: () => boolean = () => true,
    private readonly around: (writes: () => void) => void = (writes) => writes(),
  ) {}

  add(row: Element): void {
    this.rows.add(row);
    this.plan();
  }

  get size(): number {
    return this.rows.size;
  }

  private plan(): void {
    if (this.planned) return;
    this.planned = true;
    let frame: number | undefined;
    const timer = setTimeout(() => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      this.flush();
    }, NO_FRAME_MS);
    if (typeof requestAnimationFrame === 'function') {
      frame = requestAnimationFrame(() => {
        clearTimeout(timer);
        this.flush();
      });
    }
  }

  private flush(): void {
    this.planned = false;
    if (!this.stillValid()) {
      this.rows.clear();
      return;
    }
    this.around(() => {
      let written = 0;
      for (const row of this.rows) {
        this.rows.delete(row);
        this.paint(row);
        if (++written >= this.perFrame) break;
      }
    });
    if (this.rows.size) this.plan();
  }
}
