// Issue 12: a review that arrives while the background is still reading the shop's cause model (the worker has just
// started) is filed under the shop model's cause, not the shipped one's. The handler awaits causeModelReady(); here
// the storage read is held back by hand, so the ingest provably arrives before the model is known.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch, type BackgroundPorts } from '@/lib/messaging/handlers';
import type { PageReport } from '@/lib/messaging/protocol';
import { activeCauseModel, setShopCauseModel } from '@/lib/causes/active-model';
import { classifyCauses, shippedModel } from '@/lib/causes/classify';
import { LearningStorage, EMPTY_STATE } from '@/lib/causes/learning-storage';
import type { CauseModel } from '@/lib/causes/model';
import { CAUSE_CODES } from '@/lib/causes/taxonomy';
import { observation } from './helpers';

const page = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';
const contentScript = { tabId: 3, fromExtensionPage: false };
const TEXT = '发错颜色了';

function ports(): BackgroundPorts {
  const db = new ReviewDeskDB(`loading-${Math.random()}`);
  return {
    db, store: new CaseStore(db), workflow: new WorkflowStore(db), advisor: new ContactAdvisor(db),
    reschedule: vi.fn(async () => undefined), language: async () => 'zh-CN', agentName: async () => '小王',
    openSidePanel: vi.fn(async () => true), focusCase: vi.fn(async () => undefined), pageReports: new Map<number, PageReport>(),
    lastConsoleTab: { id: null }, changed: vi.fn(),
  };
}

/** A shop model that reads every review as `code`: the shipped one with that cause's bias raised far above the rest. */
function shopModelFor(code: (typeof CAUSE_CODES)[number]): CauseModel {
  const shipped = shippedModel();
  const bias = shipped.bias.map((b, c) => (CAUSE_CODES[c] === code ? b + 40 : b));
  return { ...shipped, bias };
}

/** Holds every browser.storage.local read back until release() (the worker's first read of the shop model). */
function holdStorageReads() {
  const area = browser.storage.local;
  const original = area.get.bind(area) as (keys: string[]) => Promise<Record<string, unknown>>;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  vi.spyOn(area, 'get').mockImplementation((async (keys: string[]) => {
    held++;
    await gate;
    return original(keys);
  }) as unknown as typeof area.get);
  return { release, held: () => held };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

afterEach(() => {
  vi.restoreAllMocks();
  setShopCauseModel(null);
});

describe('a review ingested while the shop model is still being read', () => {
  it('waits for the shop model and is filed under its cause', async () => {
    expect(classifyCauses(TEXT).primary).toBe('fulfillment_error'); // what the shipped model would file it under
    const storage = new LearningStorage(browser.storage.local);
    await storage.saveModel(shopModelFor('price_value'), { ...EMPTY_STATE, records: 25, seen: 25, model: { trainedAt: 1, labels: 25, corrections: 25, ms: 1 } });

    const reads = holdStorageReads();
    const p = ports();
    const h = createHandlers(p); // the background starts: the learner begins reading the stored model
    const ingest = dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation({ content: TEXT })] }, contentScript);
    await settle();
    // The read is still held: no case yet, and the shipped model is the one in use.
    expect(reads.held()).toBeGreaterThan(0);
    expect(activeCauseModel().source).toBe('shipped');
    expect(await p.db.cases.get('qianniu:1001')).toBeUndefined();

    reads.release();
    expect(await ingest).toMatchObject({ ok: true });
    expect(activeCauseModel().source).toBe('shop');
    const filed = await p.db.cases.get('qianniu:1001');
    expect(filed?.causesBy).toBe('auto');
    expect(filed?.causes[0]?.code).toBe('price_value');
  });

  it('without a stored shop model, goes on with the shipped one once the read is done', async () => {
    const reads = holdStorageReads();
    const p = ports();
    const h = createHandlers(p);
    const ingest = dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation({ content: TEXT })] }, contentScript);
    await settle();
    expect(await p.db.cases.get('qianniu:1001')).toBeUndefined();
    reads.release();
    expect(await ingest).toMatchObject({ ok: true });
    expect(activeCauseModel().source).toBe('shipped');
    expect((await p.db.cases.get('qianniu:1001'))?.causes[0]?.code).toBe('fulfillment_error');
  });

  it('a failed read does not hold reviews back: they are filed with the shipped model', async () => {
    const area = browser.storage.local;
    vi.spyOn(area, 'get').mockRejectedValue(new Error('storage unavailable'));
    const p = ports();
    const h = createHandlers(p);
    expect(await dispatch(h, { type: 'ingest', pageUrl: page, reviews: [observation({ content: TEXT })] }, contentScript)).toMatchObject({ ok: true });
    expect((await p.db.cases.get('qianniu:1001'))?.causes[0]?.code).toBe('fulfillment_error');
  });
});
