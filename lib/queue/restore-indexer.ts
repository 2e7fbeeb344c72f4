import type { ReviewDeskDB } from '../db/database';
import type { RestoreIndexer } from '../backup/restore';
import { openDues, sourcesFromReview, withOpenDue, withQueueFields, type IndexedCase } from './fields';
import { announceCases } from './feed';

/** How a restore writes cases and promises with the store's derived queue fields (database v3), and announces them. */
export function queueIndexer(db: ReviewDeskDB): RestoreIndexer {
  return {
    case: (c, review, promises, now) => withQueueFields(c, sourcesFromReview(review, openDues(promises)), now),
    promise: (p) => withOpenDue(p),
    written: (cases) => announceCases(db.name, cases as IndexedCase[]),
  };
}
