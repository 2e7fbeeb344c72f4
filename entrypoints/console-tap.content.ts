import { installNetworkTap } from '@/lib/capture/network-tap';
import { CONSOLE_MATCHES } from '@/lib/console/matches';

/** Page world, before the console's own scripts: copies the review-list API responses it receives. */
export default defineContentScript({
  matches: CONSOLE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installNetworkTap(window);
  },
});
