import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaintQueue } from '@/lib/capture/paint-queue';

// Badges are built before the frame and written together in it: the page lays itself out once per batch.
// The clock is faked: the queue's no-frame fallback (a hidden tab) must not fire while the test holds the frame.
describe('paint queue', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    frames = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  /** Runs the queue's own tasks (each a timer of 0 ms here), well short of its 250 ms fallback. */
  const runTasks = async () => {
    for (let i = 0; i < 50; i++) await vi.advanceTimersByTimeAsync(1);
  };
  const row = (id: string) => Object.assign(document.createElement('tr'), { id });

  it('prepares every queued row first, then writes them all in one animation frame', async () => {
    const log: string[] = [];
    const rows = Array.from({ length: 40 }, (_, i) => row(`r${i}`));
    const queue = new PaintQueue((r) => {
      log.push(`prepare ${r.id}`);
      return () => log.push(`write ${r.id}`);
    }, 1);
    rows.slice(0, 20).forEach((r) => queue.add(r));
    await vi.advanceTimersByTimeAsync(1);
    rows.slice(20).forEach((r) => queue.add(r)); // arrives while the first ones are being prepared
    await runTasks();
    expect(log).toEqual(rows.map((r) => `prepare ${r.id}`));
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    expect(log.slice(40)).toEqual(rows.map((r) => `write ${r.id}`));
    await runTasks();
    expect(frames).toHaveLength(0);
  });

  it('asks for no frame when nothing is to be written, and writes nothing once the page is left', async () => {
    let valid = true;
    const writes: string[] = [];
    const queue = new PaintQueue((r) => (r.id === 'skip' ? undefined : () => writes.push(r.id)), 5, () => valid);
    queue.add(row('skip'));
    await runTasks();
    expect(frames).toHaveLength(0);
    queue.add(row('a'));
    await runTasks();
    expect(frames).toHaveLength(1);
    valid = false;
    frames.shift()!(0);
    expect(writes).toEqual([]);
  });

  it('still writes in a tab that gets no animation frame (hidden), after a while', async () => {
    const writes: string[] = [];
    const queue = new PaintQueue((r) => () => writes.push(r.id), 5);
    queue.add(row('a'));
    await runTasks();
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(writes).toEqual(['a']);
  });
});
