import { startPageReader } from '@/lib/capture/page-reader';
import { CONSOLE_MATCHES } from '@/lib/console/matches';

/** Reads the console page and keeps the badges; starts early so no tapped response is missed. */
export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    startPageReader(ctx);
  },
});
