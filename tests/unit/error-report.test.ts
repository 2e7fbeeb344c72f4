import { errorCounts, onErrorsChanged, reportError, reportingTo, resetErrors } from '@/lib/errors/report';

describe('error reports', () => {
  beforeEach(() => resetErrors());

  it('logs a place once and counts every occurrence', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    reportError('ingest', new Error('quota exceeded'));
    reportError('ingest', new Error('quota exceeded'));
    reportError('toolbar', 'no action');
    expect(errorCounts()).toEqual([
      { place: 'ingest', count: 2, message: 'quota exceeded' },
      { place: 'toolbar', count: 1, message: 'no action' },
    ]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('ignores a reloaded extension and tells listeners about real failures', async () => {
    const seen: number[] = [];
    const stop = onErrorsChanged((c) => seen.push(c.length));
    reportError('scan', new Error('Extension context invalidated.'));
    await Promise.reject(new Error('boom')).catch(reportingTo('scan'));
    stop();
    expect(seen).toEqual([1]);
    expect(errorCounts()[0]).toMatchObject({ place: 'scan', count: 1 });
  });
});
