import type { ReviewDeskDB } from '../db/database';
import { openDues, sourcesFromReview, withOpenDue, withQueueFields, type IndexedCase } from '../queue/fields';
import { announceCases } from '../queue/feed';
import type { RestoreIndexer } from './restore';

/**
 * Restored records get the store's derived fields exactly as a normal write gives them (database v3: the queue's
 * fields on cases, openDue on unkept promises), and the queue's in-memory facets hear of the restored cases.
 */
export function storeIndexer(db: ReviewDeskDB): RestoreIndexer {
  return {
    case: (c, review, promises, now) => withQueueFields(c, sourcesFromReview(review, openDues(promises)), now),
    promise: (p) => withOpenDue(p),
    written: (cases) => announceCases(db.name, cases as IndexedCase[]),
  };
}
