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
