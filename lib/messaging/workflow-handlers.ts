import type { Request, ResponseMap } from './protocol';
import type { BackgroundPorts } from './handlers';
import { loadPreferences, savePreferences } from '../settings/preferences';
import { parseContactTimingSettings } from '../contact-timing/policy';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

/** Handlers for what an agent does in the side panel; each change notifies pages and reschedules reminders. */
export function createWorkflowHandlers(p: BackgroundPorts) {
  const after = async <T>(result: T): Promise<T> => {
    p.advisor.invalidate();
    p.changed('cases');
    await p.reschedule();
    return result;
  };
  const agent = () => p.agentName();
  return {
    logOutcome: async (req: Req<'logOutcome'>): Promise<ResponseMap['logOutcome']> =>
      after(await p.workflow.logOutcome(req, await agent())),
    undo: async (req: Req<'undo'>): Promise<ResponseMap['undo']> => after({ undone: await p.workflow.undo(req.eventSeq) }),
    setStatus: async (req: Req<'setStatus'>): Promise<ResponseMap['setStatus']> =>
      after({ case: (await p.workflow.setStatus(req.caseId, req.status, await agent())).case }),
    recordCopy: async (req: Req<'recordCopy'>): Promise<null> => {
      await p.workflow.recordCopy(req.caseId, req.what, await agent());
      return after(null);
    },
    addNote: async (req: Req<'addNote'>): Promise<null> => {
      await p.workflow.addNote(req.caseId, req.note, await agent());
      return after(null);
    },
    setCauses: async (req: Req<'setCauses'>): Promise<null> => {
      await p.workflow.setCauses(req.caseId, req.causes, await agent());
      return after(null);
    },
    addPromise: async (req: Req<'addPromise'>): Promise<ResponseMap['addPromise']> => {
      const { type: _type, ...input } = req;
      return after(await p.workflow.addPromise(input, await agent()));
    },
    changePromise: async (req: Req<'changePromise'>): Promise<ResponseMap['changePromise']> => {
      const { type: _type, promiseId, ...terms } = req;
      return after(await p.workflow.changePromise(promiseId, terms, await agent()));
    },
    cancelPromise: async (req: Req<'cancelPromise'>): Promise<ResponseMap['cancelPromise']> =>
      after(await p.workflow.cancelPromise(req.promiseId, req.reason, await agent())),
    fulfilPromise: async (req: Req<'fulfilPromise'>): Promise<ResponseMap['fulfilPromise']> =>
      after(await p.workflow.fulfilPromise(req.promiseId, req.reference, await agent())),
    saveBuyerNote: async (req: Req<'saveBuyerNote'>): Promise<ResponseMap['saveBuyerNote']> =>
      after(await p.workflow.saveBuyerNote(req.note, await agent())),
    async contactAdvice(req: Req<'contactAdvice'>): Promise<ResponseMap['contactAdvice']> {
      // Broken stored overrides are reported, never silently replaced (the panel shows the error).
      const settings = parseContactTimingSettings((await loadPreferences()).contactTiming);
      return p.advisor.advise(req.caseId, req.buyerOnlineNow, settings, Date.now());
    },
    getSettings: (): Promise<ResponseMap['getSettings']> => loadPreferences(),
    saveSettings: async (req: Req<'saveSettings'>): Promise<ResponseMap['saveSettings']> => after(await savePreferences(req.settings)),
  };
}
