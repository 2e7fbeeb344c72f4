import { describe, expect, it } from 'vitest';
import { BadgeLookup } from '@/lib/capture/badge-lookup';
import { BadgeCache } from '@/lib/badges/badge-cache';
import type { BadgeInfo } from '@/lib/cases/badge-info';
import type { ReviewObservation } from '@/lib/reviews/schema';

const NOON = Date.UTC(2026, 11, 3, 4, 0); // 12:00 Beijing time

const reading = (id: string): ReviewObservation => ({
  platform: 'qianniu', platformReviewId: id, sentiment: 'negative', sentimentSource: 'platform', content: `内容${id}`,
  placeholder: false, reviewTime: NOON - 3_600_000, buyerNick: 'k**', pictureCount: 0,
});
const stored = (id: string, status: BadgeInfo['status']): BadgeInfo => ({
  platformReviewId: id, caseId: `qianniu:${id}`, sentiment: 'negative', status, unopened: false,
  inferred: false, part: 'review', reviewTime: NOON - 86_400_000, deadlineAt: null, promiseDueAt: null,
});

/** A lookup whose every question waits until the test answers it; answered() kicks the next one, as the page does. */
function harness() {
  const cache = new BadgeCache();
  const asked: string[][] = [];
  const answers: Array<(infos: BadgeInfo[]) => void> = [];
  const redraws: string[][] = [];
  const lookup: BadgeLookup = new BadgeLookup(cache, {
    ask: (caseIds) => {
      asked.push(caseIds);
      return new Promise((resolve) => answers.push(resolve));
    },
    redraw: (ids) => redraws.push(ids),
    answered: () => lookup.kick(),
    failed: () => undefined,
    now: () => NOON,
  });
  return {
    cache, lookup, asked, redraws,
    answer: async (i: number, infos: BadgeInfo[]) => {
      answers[i]!(infos);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('badge lookup and changes made elsewhere', () => {
  it('does not draw an answer read before a case changed in the side panel: it asks again and draws the new state', async () => {
    const h = harness();
    h.lookup.want(reading('1'));
    h.lookup.want(reading('2'));
    h.lookup.kick();
    expect(h.asked).toEqual([['qianniu:1', 'qianniu:2']]);
    // The agent closes case 1 while the page's lookup is on its way; the store had read it before.
    h.lookup.noticed();
    await h.answer(0, [stored('1', 'contacting')]);
    expect(h.redraws).toEqual([]);
    expect(h.cache.get('1')).toBeUndefined();
    expect(h.lookup.busy).toBe(true); // the page's writes still wait for the lookup
    expect(h.asked[1]).toEqual(['qianniu:1', 'qianniu:2']);
    await h.answer(1, [stored('1', 'resolved')]);
    expect(h.redraws).toEqual([['1', '2']]);
    expect(h.cache.get('1')?.status).toBe('resolved');
    expect(h.cache.get('2')).toMatchObject({ status: 'new', unopened: true });
    expect(h.lookup.busy).toBe(false);
  });

  it('uses the answer of a lookup asked after the change, and never asks a review twice', async () => {
    const h = harness();
    h.lookup.noticed();
    h.lookup.want(reading('1'));
    h.lookup.kick();
    await h.answer(0, [stored('1', 'agreed')]);
    expect(h.cache.get('1')?.status).toBe('agreed');
    h.lookup.want(reading('1'));
    h.lookup.kick();
    expect(h.asked).toHaveLength(1);
  });
});

/** As harness(), but the test calls answered()'s work itself: it sees what the page would flush, and when. */
function quietHarness() {
  const cache = new BadgeCache();
  const asked: string[][] = [];
  const answers: Array<(infos: BadgeInfo[] | Error) => void> = [];
  const redraws: string[][] = [];
  let now = NOON;
  let answeredCount = 0;
  const lookup = new BadgeLookup(cache, {
    ask: (caseIds) => {
      asked.push(caseIds);
      return new Promise((resolve, reject) => answers.push((a) => (a instanceof Error ? reject(a) : resolve(a))));
    },
    redraw: (ids) => redraws.push(ids),
    answered: () => answeredCount++,
    failed: () => undefined,
    now: () => now,
  });
  return {
    cache, lookup, asked, redraws,
    answer: async (i: number, infos: BadgeInfo[] | Error) => {
      answers[i]!(infos);
      await new Promise((r) => setTimeout(r, 0));
    },
    answered: () => answeredCount,
    later: (ms: number) => (now += ms),
  };
}

describe('badge lookup of a tapped list, asked as the page receives it', () => {
  it('asks once for the whole list, and draws every row shown after the answer in one go, as stored or as a new case', async () => {
    const h = quietHarness();
    h.lookup.prefetch('qianniu', ['1', '2', '3']);
    expect(h.asked).toEqual([['qianniu:1', 'qianniu:2', 'qianniu:3']]);
    expect(h.lookup.busy).toBe(true); // the page's writes wait for it
    await h.answer(0, [stored('1', 'contacting')]);
    expect(h.lookup.busy).toBe(false);
    expect(h.answered()).toBe(1);
    // The rows come: none is asked for again, and they are drawn together when the page flushes.
    h.lookup.want(reading('1'));
    h.lookup.want(reading('2'));
    h.lookup.want({ ...reading('3'), sentiment: 'positive' });
    expect(h.lookup.kick()).toBe(false);
    expect(h.asked).toHaveLength(1);
    expect(h.redraws).toEqual([]);
    // Not even known to the page before the flush: a row matched meanwhile is not drawn on its own.
    expect(h.cache.get('2')).toBeUndefined();
    expect(h.lookup.flush()).toBe(true);
    expect(h.redraws).toEqual([['1', '2']]);
    expect(h.cache.get('1')?.status).toBe('contacting');
    expect(h.cache.get('2')).toMatchObject({ status: 'new', unopened: true });
    expect(h.cache.get('3')).toBeUndefined(); // praise: no badge
    expect(h.lookup.flush()).toBe(false);
  });

  it('gives the rows matched while the answer was on its way their badges at the flush after it', async () => {
    const h = quietHarness();
    h.lookup.prefetch('qianniu', ['1', '2']);
    h.lookup.want(reading('1'));
    h.lookup.want(reading('2'));
    expect(h.lookup.kick()).toBe(false);
    await h.answer(0, []);
    expect(h.redraws).toEqual([]);
    h.lookup.flush();
    expect(h.redraws).toEqual([['1', '2']]);
    expect(h.cache.get('2')?.status).toBe('new');
  });

  it('does not use what it asked before a change elsewhere, nor an answer older than a minute: those are asked again', async () => {
    const h = quietHarness();
    h.lookup.prefetch('qianniu', ['1', '2']);
    h.lookup.want(reading('1'));
    h.lookup.noticed();
    await h.answer(0, [stored('1', 'contacting'), stored('2', 'contacting')]);
    h.lookup.prefetch('qianniu', ['3']);
    await h.answer(1, []);
    h.later(61_000);
    h.lookup.want(reading('2'));
    h.lookup.want(reading('3'));
    expect(h.lookup.flush()).toBe(false);
    h.lookup.kick();
    expect(h.asked[2]).toEqual(['qianniu:1', 'qianniu:2', 'qianniu:3']);
  });

  it('asks again for badges waiting for the flush when a case changes elsewhere', async () => {
    const h = quietHarness();
    h.lookup.prefetch('qianniu', ['1']);
    await h.answer(0, [stored('1', 'contacting')]);
    h.lookup.want(reading('1'));
    h.lookup.noticed();
    expect(h.lookup.flush()).toBe(false);
    h.lookup.kick();
    expect(h.asked[1]).toEqual(['qianniu:1']);
    await h.answer(1, [stored('1', 'resolved')]);
    expect(h.cache.get('1')?.status).toBe('resolved');
  });

  it('asks nothing the page knows or asked already; a failed lookup is not asked again', async () => {
    const h = quietHarness();
    h.cache.stored(['1'], [stored('1', 'agreed')]);
    h.lookup.prefetch('qianniu', ['1', '2', '2']);
    expect(h.asked).toEqual([['qianniu:2']]);
    h.lookup.prefetch('qianniu', ['2']);
    expect(h.asked).toHaveLength(1);
    await h.answer(0, new Error('worker restarted'));
    expect(h.lookup.busy).toBe(false);
    h.lookup.want(reading('2'));
    h.lookup.kick();
    expect(h.lookup.flush()).toBe(false);
    expect(h.asked).toHaveLength(1); // its badge comes with the ingest's answer
  });
});
