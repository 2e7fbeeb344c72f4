import { describe, expect, it } from 'vitest';
import { sortQueue } from '@/lib/cases/queue';
import { compareRanks, rankCase } from '@/lib/queue/rank';
import { seededRandom } from '@/lib/random/seeded';
import type { CaseView } from '@/lib/cases/case-store';
import type { CaseStatus } from '@/lib/cases/schema';
import { caseRecord, caseView } from './helpers';

const NOW = Date.UTC(2026, 11, 3, 4); // 12:00 Beijing
const HOUR = 3_600_000;
const STATUSES: CaseStatus[] = ['new', 'new', 'contacting', 'agreed', 'resolved', 'revised'];

/** Cases whose times crowd around NOW, so that overdue, due-now and just-passed all occur. */
function generate(n: number, seed: number): CaseView[] {
  const rnd = seededRandom(seed);
  const around = () => NOW + Math.round((rnd() - 0.5) * 48) * HOUR + (rnd() < 0.2 ? 0 : Math.round(rnd() * 1000));
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const status = pick(STATUSES);
    const c = caseRecord({
      id: `qianniu:${String(i).padStart(5, '0')}`, status, createdAt: NOW - Math.round(rnd() * 90) * HOUR,
      reviewTime: rnd() < 0.1 ? null : NOW - Math.round(rnd() * 200) * HOUR,
      openedAt: status === 'new' && rnd() < 0.5 ? null : NOW - HOUR, agreedAt: rnd() < 0.3 ? around() : null,
    });
    const promises = Array.from({ length: Math.floor(rnd() * 3) }, () => ({ dueAt: around() }));
    return caseView(c, {}, {
      deadlineAt: rnd() < 0.15 ? null : around(),
      openPromises: promises.map((p, k) => ({ id: k, caseId: c.id, kind: 'reship' as const, amountFen: null, dueAt: p.dueAt, createdAt: 0, createdBy: '', fulfilledAt: null, fulfilledRef: null, note: '' })),
    });
  });
}

const byRank = (views: CaseView[], now: number) =>
  views.map((v) => ({ id: v.case.id, rank: rankCase(v, now).rank }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.id);

describe('queue rank', () => {
  it('orders cases exactly as the queue does', () => {
    for (const seed of [1, 2, 3]) {
      const views = generate(400, seed);
      expect(byRank(views, NOW)).toEqual(sortQueue(views, NOW).map((v) => v.case.id));
    }
  });

  it('stays right until its stale moment, for every case', () => {
    const views = generate(300, 7);
    for (const v of views) {
      const { rank, staleAt } = rankCase(v, NOW);
      const until = staleAt ?? NOW + 1000 * HOUR;
      for (const t of [NOW + 1, Math.floor((NOW + until) / 2), until - 1]) {
        if (t > NOW && t < until) expect(rankCase(v, t).rank).toEqual(rank);
      }
      if (staleAt !== null) expect(staleAt).toBeGreaterThan(NOW);
    }
  });

  it('puts a promise first from the moment it is due', () => {
    const v = caseView(caseRecord({ id: 'p', status: 'contacting', openedAt: 1 }), {}, {
      openPromises: [{ id: 1, caseId: 'p', kind: 'reship', amountFen: null, dueAt: NOW + HOUR, createdAt: 0, createdBy: '', fulfilledAt: null, fulfilledRef: null, note: '' }],
    });
    const before = rankCase(v, NOW);
    expect(before.rank[0]).toBe(1);
    expect(before.staleAt).toBe(NOW + HOUR);
    expect(rankCase(v, NOW + HOUR).rank[0]).toBe(0);
  });
});
