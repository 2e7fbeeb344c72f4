import { MAX_TAPPED_BYTES, TAPPED, tapEvent, type TapKind } from './tap-protocol';

/**
 * Runs in the page's own world: wraps fetch and XMLHttpRequest to copy the review-list responses the page
 * already receives. It never changes a request or a response, and any failure of ours is swallowed so the
 * console keeps working exactly as without ReviewDesk.
 */
export function installNetworkTap(win: Window & typeof globalThis): void {
  const kindOf = (url: string): TapKind | null => TAPPED.find((t) => t.test.test(url))?.kind ?? null;
  const hand = (kind: TapKind, body: string) => {
    if (body.length > MAX_TAPPED_BYTES) return;
    // The content script's listener runs now, before the page's own handler renders the response.
    win.document.dispatchEvent(new CustomEvent(tapEvent(kind), { detail: body }));
  };

  const originalFetch = win.fetch;
  if (typeof originalFetch === 'function') {
    win.fetch = function tappedFetch(this: unknown, ...args: Parameters<typeof fetch>) {
      const result = originalFetch.apply(this, args);
      try {
        const input = args[0];
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const kind = kindOf(url);
        if (kind) {
          result.then((res) => res.clone().text()).then((body) => hand(kind, body)).catch(() => undefined);
        }
      } catch {
        /* never disturb the page */
      }
      return result;
    } as typeof fetch;
  }

  const proto = win.XMLHttpRequest?.prototype;
  if (proto) {
    const originalOpen = proto.open;
    proto.open = function tappedOpen(this: XMLHttpRequest, ...args: unknown[]) {
      try {
        const kind = kindOf(String(args[1]));
        if (kind) {
          this.addEventListener('load', () => {
            try {
              const body = this.responseType === '' || this.responseType === 'text'
                ? this.responseText
                : this.responseType === 'json' ? JSON.stringify(this.response) : null;
              if (body) hand(kind, body);
            } catch {
              /* never disturb the page */
            }
          });
        }
      } catch {
        /* never disturb the page */
      }
      return (originalOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.open;
  }
}
