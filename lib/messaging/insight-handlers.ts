import type { Request, ResponseMap } from './protocol';
import type { BackgroundPorts } from './handlers';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

/** Handlers of the dashboard, export and backup: read through indexes, never load the whole store into a page. */
export function createInsightHandlers(p: BackgroundPorts) {
  return {
    storeSummary: async (_req: Req<'storeSummary'>): Promise<ResponseMap['storeSummary']> => {
      const [reviews, cases] = await Promise.all([p.db.reviews.count(), p.db.cases.count()]);
      return { reviews, cases };
    },
  };
}
