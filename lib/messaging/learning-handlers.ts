import type { Request, ResponseMap } from './protocol';
import type { BackgroundPorts } from './handlers';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

/** Handlers about the shop's cause model. Until the shop has retrained one, new cases use the shipped model. */
export function createLearningHandlers(_p: BackgroundPorts) {
  return {
    causeModelState: async (_req: Req<'causeModelState'>): Promise<ResponseMap['causeModelState']> =>
      ({ model: 'shipped', corrections: 0, trainedAt: null }),
  };
}
