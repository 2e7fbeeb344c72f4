import { describe, expect, it } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { PageReport, QueueQueryResult } from '@/lib/messaging/protocol';
import { DEFAULT_FILTER, filterChoices, matchesFilter, sortQueue, statusCounts, type QueueFilter } from '@/lib/cases/queue';
import { CaseStatus } from '@/lib/cases/schema';
import { OUTCOMES } from '@/lib/cases/outcomes';
import { CAUSE_CODES } from '@/lib/causes/taxonomy';
import { DAY_MS, HOUR_MS } from '@/lib/time/beijing';
import { observation } from './helpers';

/**
 * The indexed queue must answer exactly what the reference functions (sortQueue, matchesFilter, statusCounts,
 * filterChoices) give over every case, on a store large and varied enough to exercise ties, stale ranks and
 * every filter. Built through the real ingest and workflow paths, with a set clock.
 */
const CASES = 2000;
const PAGE = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const START = Date.UTC(2026, 10, 1, 2);

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['发错颜色了', '快递太慢', '质量很差 起球', 'Size XL 偏小', '客服不理人', '包装破损', '一般般', '和描述不符', '退款太慢', '味道很大'];
const AGENTS = ['小王', '小李', 'Amy', '老张', ''];

async function buildStore(seed: number) {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  let clock = START;
  const db = new ReviewDeskDB(`scale-${seed}-${Math.random()}`);
  const store = new CaseStore(db, () => clock);
  let agent = '小王';
  const workflow = new WorkflowStore(db, () => clock);
  const handlers = createHandlers({
    db, store, workflow, advisor: new ContactAdvisor(db), reschedule: async () => undefined, language: async () => 'zh-CN',
    agentName: async () => agent, openSidePanel: async () => true, focusCase: async () => undefined,
    pageReports: new Map<number, PageReport>(), lastConsoleTab: { id: null }, changed: () => undefined, now: () => clock,
  });
  const reviews = Array.from({ length: CASES }, (_, i) => {
    const item = Math.floor(rnd() * 40);
    const followUp = rnd() < 0.1 ? { content: pick(WORDS), sentiment: pick(['negative', 'neutral'] as const) } : undefined;
    return observation({
      platformReviewId: String(100000 + i),
      sentiment: followUp && rnd() < 0.5 ? 'positive' : pick(['negative', 'negative', 'neutral'] as const),
      content: `${pick(WORDS)}，${pick(WORDS)}`,
      followUp,
      // Coarse times make ties, which the order breaks on the case id as the index does.
      reviewTime: rnd() < 0.05 ? null : START - Math.floor(rnd() * 120) * 6 * HOUR_MS,
      pageReplyDaysLeft: rnd() < 0.2 ? Math.floor(rnd() * 40) - 5 : undefined,
      orderId: String(4500000000000000 + Math.floor(rnd() * 1e9)),
      buyerNick: `${pick(['t', 'w', 'x', 'm'])}**`,
      buyerKey: `buyer-${Math.floor(rnd() * 2000)}`,
      itemId: item < 35 ? `item-${item}` : undefined,
      itemTitle: `商品${item}`,
    });
  });
  for (let i = 0; i < reviews.length; i += 250) await store.ingest(reviews.slice(i, i + 250), PAGE);
  const ids = (await db.cases.toCollection().primaryKeys()) as string[];
  // The agents' work over the following days, in random order.
  for (let step = 0; step < 600; step++) {
    clock += Math.floor(rnd() * 20 * 60_000);
    agent = pick(AGENTS);
    const id = pick(ids);
    const r = rnd();
    if (r < 0.35) {
      const outcome = pick(OUTCOMES).code;
      await workflow.logOutcome({ caseId: id, outcome, ...(outcome === 'agreed_time' ? { agreedAt: clock + Math.floor(rnd() * 4 * DAY_MS) } : {}) }, agent);
    } else if (r < 0.5) await workflow.setStatus(id, pick(CaseStatus.options), agent);
    else if (r < 0.65) await store.markOpened(id, agent);
    else if (r < 0.8) {
      const p = await workflow.addPromise({ caseId: id, kind: 'reship', amountFen: null, dueAt: clock + Math.floor((rnd() * 6 - 1) * DAY_MS), note: '' }, agent);
      const then = rnd();
      if (then < 0.2) await workflow.fulfilPromise(p.id!, 'ref', agent);
      else if (then < 0.35) await workflow.cancelPromise(p.id!, '买家不要', agent);
      else if (then < 0.5) await workflow.changePromise(p.id!, { kind: 'gift', amountFen: null, note: '', dueAt: clock + Math.floor(rnd() * 2 * DAY_MS) }, agent);
    } else if (r < 0.9) await workflow.setCauses(id, [{ code: pick(CAUSE_CODES), triggers: [] }], agent);
    else {
      const outcome = pick(OUTCOMES).code;
      const { eventSeq } = await workflow.logOutcome({ caseId: id, outcome, ...(outcome === 'agreed_time' ? { agreedAt: clock + HOUR_MS } : {}) }, agent);
      if (rnd() < 0.5) await workflow.undo(eventSeq);
    }
  }
  // Some reviews seen again, edited or revised.
  await store.ingest(reviews.slice(0, 400).map((r, i) => (i % 7 === 0 ? { ...r, sentiment: 'positive' as const, followUp: undefined } : i % 5 === 0 ? { ...r, content: `${r.content} 追加：Size XL` } : r)), PAGE);
  const query = async (filter: QueueFilter, offset: number, limit: number) => {
    const reply = await dispatch(handlers, { type: 'queryQueue', filter, offset, limit }, { fromExtensionPage: true });
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as QueueQueryResult;
  };
  return { db, store, query, rnd, pick, setClock: (t: number) => (clock = t), clock: () => clock };
}

const sortedChoices = (c: QueueQueryResult['choices']) => ({ items: [...c.items].sort((a, b) => (a.id < b.id ? -1 : 1)), agents: c.agents });

async function expectSameAsReference(env: Awaited<ReturnType<typeof buildStore>>, filters: QueueFilter[]) {
  const now = env.clock();
  const all = await env.store.allCases();
  const counts = statusCounts(all);
  const choices = sortedChoices(filterChoices(all));
  let nonEmpty = 0;
  for (const filter of filters) {
    const expected = sortQueue(all.filter((v) => matchesFilter(v, filter)), now).map((v) => v.case.id);
    if (expected.length) nonEmpty++;
    const offsets = [env.pick([0, 50]), env.pick([Math.floor(env.rnd() * Math.max(1, expected.length)), Math.max(0, expected.length - 3), expected.length + 10])];
    for (const offset of offsets) {
      const limit = env.pick([1, 7, 50, 200]);
      const got = await env.query(filter, offset, limit);
      expect(got.items.map((v) => v.case.id), JSON.stringify({ filter, offset, limit })).toEqual(expected.slice(offset, offset + limit));
      expect(got.total, JSON.stringify(filter)).toBe(expected.length);
      expect(got.counts).toEqual(counts);
      expect(sortedChoices(got.choices)).toEqual(choices);
    }
  }
  // The filters must actually select something, or the comparison proves little.
  expect(nonEmpty).toBeGreaterThan(filters.length / 2);
}

function filtersFor(env: Awaited<ReturnType<typeof buildStore>>, n: number): QueueFilter[] {
  const { pick, rnd } = env;
  const texts = ['', '', '', '起球', 'size xl', 'XL', '4500000', 't**', '商品1', '100123', '不存在的词', '快递'];
  const base: QueueFilter[] = [
    DEFAULT_FILTER,
    ...(['all', ...CaseStatus.options] as const).map((status) => ({ ...DEFAULT_FILTER, status })),
    { ...DEFAULT_FILTER, assignee: 'unassigned' },
    { ...DEFAULT_FILTER, status: 'all', text: '商品3' },
  ];
  for (let i = 0; i < n; i++) {
    base.push({
      status: pick(['open', 'open', 'all', ...CaseStatus.options] as const),
      sentiment: pick(['all', 'all', 'negative', 'neutral'] as const),
      cause: rnd() < 0.6 ? 'all' : pick(CAUSE_CODES),
      itemId: rnd() < 0.7 ? 'all' : pick([`item-${Math.floor(rnd() * 35)}`, `商品${35 + Math.floor(rnd() * 5)}`, 'item-none']),
      assignee: rnd() < 0.6 ? 'all' : pick(['unassigned', ...AGENTS.filter(Boolean), '无此人']),
      text: pick(texts),
    });
  }
  return base;
}

describe('queue on a large generated store (indexed query equals the reference over all cases)', () => {
  it('same items, totals, counts and menus for many filters and windows', async () => {
    const env = await buildStore(7);
    await expectSameAsReference(env, filtersFor(env, 24));
  }, 240_000);

  it('stays right as the clock passes due times (ranks that went stale are recomputed)', async () => {
    const env = await buildStore(11);
    const filters = filtersFor(env, 4);
    for (const later of [9 * HOUR_MS, 2 * DAY_MS, 31 * DAY_MS]) {
      env.setClock(env.clock() + later);
      await expectSameAsReference(env, filters);
    }
    // Nothing is left stale after a query.
    expect(await env.db.cases.where('rankStaleAt').belowOrEqual(env.clock()).count()).toBe(0);
  }, 240_000);
});
