import { startPageReader } from '@/lib/capture/page-reader';
import { CONSOLE_MATCHES } from '@/lib/console/matches';
import { reportError } from '@/lib/errors/report';

/** Reads the console page and keeps the badges; starts early so no tapped response is missed. */
export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    // Nothing of ours may raise an error on the seller's page: a failed start is reported, not thrown.
    try {
      startPageReader(ctx);
    } catch (error) {
      reportError('start', error);
    }
  },
});
