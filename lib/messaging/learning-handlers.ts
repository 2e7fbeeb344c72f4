import type { Request, ResponseMap } from './protocol';
import type { BackgroundPorts } from './handlers';
import { activeCauseModel } from '../causes/active-model';
import { classifyWith } from '../causes/classify';
import type { CauseModel } from '../causes/model';
import { RETRAIN_EVERY, ShopLearner, type LearnerOptions, type LearningView } from '../causes/shop-learner';
import { asCaseCauses, causeText } from '../cases/causes';
import { CaseStatus, CLOSED_STATUSES } from '../cases/schema';
import { RequestRefused } from '../errors/refused';
import { reportError, reportingTo } from '../errors/report';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

const OPEN_STATUSES: CaseStatus[] = CaseStatus.options.filter((s) => !CLOSED_STATUSES.includes(s));
/** What the panel is told when the learning state itself cannot be read. */
const FALLBACK_VIEW: LearningView = {
  model: 'shipped', labels: 0, corrections: 0, pending: 0, retrainEvery: RETRAIN_EVERY, training: false, trainedAt: null, trainMs: null, resetAt: null, offers: 0,
};

/** Open cases checked between two pauses while offers are worked out. */
const OFFER_BATCH = 100;

let current: ShopLearner | null = null;
/** The learner of this background (the team sync passes other browsers' correction records to its importRecords). */
export const shopLearner = (): ShopLearner | null => current;

/**
 * Handlers about the shop's cause model. The learner starts reading the stored shop model as soon as the handlers
 * are made (the background's start), so new cases are classified with it; until the shop has one, the shipped
 * model classifies them. `learner` replaces the storage and pacing in tests.
 */
export function createLearningHandlers(p: BackgroundPorts, learner: Partial<LearnerOptions> = {}) {
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  /** Open cases whose main cause the classifier set and `model` would set differently. */
  const offersFor = async (model: CauseModel): Promise<string[]> => {
    const open = await p.db.cases.where('status').anyOf(OPEN_STATUSES).filter((c) => c.causesBy === 'auto').toArray();
    const offers: string[] = [];
    for (let i = 0; i < open.length; i += OFFER_BATCH) {
      const batch = open.slice(i, i + OFFER_BATCH);
      const reviews = await p.db.reviews.bulkGet(batch.map((c) => c.id));
      batch.forEach((c, j) => {
        const text = reviews[j] ? causeText(reviews[j]) : '';
        if (text.trim() && classifyWith(model, text).primary !== c.causes[0]?.code) offers.push(c.id);
      });
      await pause();
    }
    return offers;
  };

  const shop = new ShopLearner({ area: browser.storage.local, offersFor, pause, ...learner });
  current = shop;
  void shop.load().catch(reportingTo('causes.learning.load'));

  const caseAndText = async (caseId: string) => {
    const [c, review] = await Promise.all([p.db.cases.get(caseId), p.db.reviews.get(caseId)]);
    if (!c) throw new RequestRefused({ field: 'caseId', rule: 'not_found' }, 'case not found');
    return { c, text: review ? causeText(review) : '' };
  };

  return {
    causeModelState: (_req: Req<'causeModelState'>): Promise<ResponseMap['causeModelState']> => shop.view(),

    async causeChoices(req: Req<'causeChoices'>): Promise<ResponseMap['causeChoices']> {
      await shop.load();
      const [c, review] = await Promise.all([p.db.cases.get(req.caseId), p.db.reviews.get(req.caseId)]);
      if (!c) return null;
      const text = review ? causeText(review) : '';
      const { model, source } = activeCauseModel();
      if (!text.trim()) return { chips: [], others: [], model: source, offer: null };
      const result = classifyWith(model, text);
      const chips = asCaseCauses(result.chips);
      const open = !CLOSED_STATUSES.includes(c.status);
      const offer = source === 'shop' && open && c.causesBy === 'auto' && result.primary !== c.causes[0]?.code ? chips[0]! : null;
      const others = result.ranked.slice(chips.length).map((code) => ({ code, triggers: (result.words[code] ?? []).slice(0, 6) }));
      return { chips, others, model: source, offer };
    },

    async correctCauses(req: Req<'correctCauses'>): Promise<ResponseMap['correctCauses']> {
      const { c, text } = await caseAndText(req.caseId);
      const agent = await p.agentName();
      // The history and the case first: a record that cannot be written must not lose the agent's choice.
      // (The contact advisor reads a case's causes at each request; its cached calls do not depend on them.)
      await p.workflow.setCauses(req.caseId, req.causes, agent);
      p.changed('cases', [req.caseId]);
      if (req.causes.length === 0 || !text.trim()) return { kind: null, learning: await shop.view() };
      try {
        const { record, view } = await shop.record({
          caseId: req.caseId,
          text,
          causes: req.causes.map((x) => x.code),
          was: c.causes[0]?.code ?? null,
          wasBy: c.causesBy,
          agent,
        });
        return { kind: record.kind, learning: view };
      } catch (error) {
        // The case keeps the agent's choice; only the lesson for the model is lost, and that is reported.
        reportError('causes.learning.record', error);
        return { kind: null, learning: await shop.view().catch(() => FALLBACK_VIEW) };
      }
    },

    learnCausesNow: (_req: Req<'learnCausesNow'>): Promise<ResponseMap['learnCausesNow']> => shop.learnNow(),
    resetCauseModel: (_req: Req<'resetCauseModel'>): Promise<ResponseMap['resetCauseModel']> => shop.reset(),
  };
}
