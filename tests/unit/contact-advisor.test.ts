/**
 * The shop's answer rates are kept in step per case: after calls are logged and undone they are exactly what a
 * fresh read of the whole store gives, while an action re-reads only the case it touched.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { DEFAULT_CONTACT_TIMING_SETTINGS } from '@/lib/contact-timing/policy';
import { beijingInstant } from '@/lib/time/beijing';
import { observation } from './helpers';

afterEach(() => vi.useRealTimers());

describe('the contact advisor\'s answer rates', () => {
  it('stay equal to a fresh read after calls are logged and undone, without rereading every case', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(beijingInstant(2026, 12, 2, 8, 0));
    const db = new ReviewDeskDB(`advisor-${Math.random()}`);
    await new CaseStore(db).ingest(['2001', '2002', '2003'].map((id) => observation({ platformReviewId: id })), 'https://myseller.taobao.com/home.htm');
    const workflow = new WorkflowStore(db);
    const advisor = new ContactAdvisor(db);
    const settings = DEFAULT_CONTACT_TIMING_SETTINGS;
    await advisor.shopRates(settings); // loaded once, before any call
    const wholeStore = vi.spyOn(db.cases, 'toArray');

    const log = async (caseId: string, hour: number, outcome: 'no_answer' | 'talked_follow_up' | 'rejected') => {
      vi.setSystemTime(beijingInstant(2026, 12, 2, hour, 0));
      const { eventSeq } = await workflow.logOutcome({ caseId, outcome }, '小李');
      await advisor.callsChanged(caseId);
      return eventSeq;
    };
    await log('qianniu:2001', 10, 'no_answer');
    await log('qianniu:2001', 14, 'talked_follow_up');
    await log('qianniu:2003', 19, 'talked_follow_up');
    const undoMe = await log('qianniu:2002', 20, 'rejected');
    expect(await advisor.shopRates(settings)).toEqual(await new ContactAdvisor(db).shopRates(settings));

    expect(await workflow.undo(undoMe)).toBe(true);
    await advisor.callsChanged('qianniu:2002');
    const kept = await advisor.shopRates(settings);
    expect(kept).toEqual(await new ContactAdvisor(db).shopRates(settings));
    expect(kept).not.toEqual(await (async () => {
      // The same store before the undo would have learnt from the rejected call: the undo must show.
      const before = new ContactAdvisor(db);
      await log('qianniu:2002', 20, 'rejected');
      return before.shopRates(settings);
    })());
    expect(wholeStore).not.toHaveBeenCalled();
  });
});
