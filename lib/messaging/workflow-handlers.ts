import type { Request, ResponseMap } from './protocol';
import type { BackgroundPorts } from './handlers';
import { loadPreferences, savePreferences } from '../settings/preferences';
import { parseContactTimingSettings } from '../contact-timing/policy';
import { RequestRefused } from '../errors/refused';
import { shopSettingsMutation } from '../team/mutations';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

/** Handlers for what an agent does in the side panel; each change notifies pages and reschedules reminders. */
export function createWorkflowHandlers(p: BackgroundPorts) {
  /** ids: the cases changed (null: none in particular, e.g. settings: pages re-read what they show). */
  const after = async <T>(result: T, ids: string[] | null): Promise<T> => {
    p.changed('cases', ids);
    await p.reschedule();
    return result;
  };
  const agent = () => p.agentName();
  /** Team: a call on a case a colleague holds would contact the buyer twice; the agent takes it over first. */
  const refuseIfHeld = async (caseId: string) => {
    const me = await p.team?.account();
    if (!me) return;
    const holder = (await p.db.cases.get(caseId))?.assignee ?? null;
    if (holder && holder !== me.name) throw new RequestRefused({ request: 'logOutcome', field: 'caseId', rule: 'held' }, `held by ${holder}`);
  };
  return {
    async takeCase(req: Req<'takeCase'>): Promise<ResponseMap['takeCase']> {
      const me = await p.team?.account();
      if (!me) return { case: null };
      const taken = await p.workflow.claim(req.caseId, me.name, true);
      return after({ case: taken }, [req.caseId]);
    },
    // Only a logged or undone call changes what the shop's answer rates learn from: that case's calls are re-read.
    async logOutcome(req: Req<'logOutcome'>): Promise<ResponseMap['logOutcome']> {
      await refuseIfHeld(req.caseId);
      const logged = await p.workflow.logOutcome(req, await agent());
      await p.advisor.callsChanged(req.caseId);
      return after(logged, [req.caseId]);
    },
    async undo(req: Req<'undo'>): Promise<ResponseMap['undo']> {
      const caseId = (await p.db.events.get(req.eventSeq))?.caseId;
      const undone = await p.workflow.undo(req.eventSeq);
      if (undone && caseId) await p.advisor.callsChanged(caseId);
      return after({ undone }, undone && caseId ? [caseId] : []);
    },
    setStatus: async (req: Req<'setStatus'>): Promise<ResponseMap['setStatus']> =>
      after({ case: (await p.workflow.setStatus(req.caseId, req.status, await agent())).case }, [req.caseId]),
    recordCopy: async (req: Req<'recordCopy'>): Promise<null> => {
      await p.workflow.recordCopy(req.caseId, req.what, await agent());
      return after(null, [req.caseId]);
    },
    addNote: async (req: Req<'addNote'>): Promise<null> => {
      await p.workflow.addNote(req.caseId, req.note, await agent());
      return after(null, [req.caseId]);
    },
    setCauses: async (req: Req<'setCauses'>): Promise<null> => {
      await p.workflow.setCauses(req.caseId, req.causes, await agent());
      return after(null, [req.caseId]);
    },
    addPromise: async (req: Req<'addPromise'>): Promise<ResponseMap['addPromise']> => {
      const { type: _type, ...input } = req;
      return after(await p.workflow.addPromise(input, await agent()), [req.caseId]);
    },
    changePromise: async (req: Req<'changePromise'>): Promise<ResponseMap['changePromise']> => {
      const { type: _type, promiseId, ...terms } = req;
      const changed = await p.workflow.changePromise(promiseId, terms, await agent());
      return after(changed, [changed.caseId]);
    },
    cancelPromise: async (req: Req<'cancelPromise'>): Promise<ResponseMap['cancelPromise']> => {
      const cancelled = await p.workflow.cancelPromise(req.promiseId, req.reason, await agent());
      return after(cancelled, [cancelled.caseId]);
    },
    fulfilPromise: async (req: Req<'fulfilPromise'>): Promise<ResponseMap['fulfilPromise']> => {
      const done = await p.workflow.fulfilPromise(req.promiseId, req.reference, await agent());
      return after(done, [done.caseId]);
    },
    // A buyer note (do not contact) shows on every case of that buyer: the ones the background knows of are named.
    saveBuyerNote: async (req: Req<'saveBuyerNote'>): Promise<ResponseMap['saveBuyerNote']> => {
      const saved = await p.workflow.saveBuyerNote(req.note, await agent());
      return after(saved, (await p.db.cases.where('buyerKey').equals(req.note.buyerKey).primaryKeys()) as string[]);
    },
    async contactAdvice(req: Req<'contactAdvice'>): Promise<ResponseMap['contactAdvice']> {
      // Broken stored overrides are reported, never silently replaced (the panel shows the error).
      const settings = parseContactTimingSettings((await loadPreferences()).contactTiming);
      return p.advisor.advise(req.caseId, req.buyerOnlineNow, settings, Date.now());
    },
    getSettings: (): Promise<ResponseMap['getSettings']> => loadPreferences(),
    // The language or the agent's name may change what every page shows.
    async saveSettings(req: Req<'saveSettings'>): Promise<ResponseMap['saveSettings']> {
      const saved = await savePreferences(req.settings);
      // The lead's shop settings are the team's: queued like any change (an agent's stay on their browser).
      if ((await p.team?.account())?.role === 'lead') {
        const shared = shopSettingsMutation(req.settings, Date.now(), () => crypto.randomUUID());
        if (shared) await p.db.outbox.add({ mutation: shared });
      }
      p.advisor.invalidate();
      return after(saved, null);
    },
  };
}
