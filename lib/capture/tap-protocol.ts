/**
 * The page-world network tap hands copies of console API responses to the extension's content script as a DOM
 * event on the document, whose detail is the response body. A DOM event is delivered at once, inside the task in
 * which the page receives the response (window.postMessage would arrive as a task after the page has rendered
 * it): the store is asked for the list's badges while the page is still drawing its rows. Only these endpoints
 * are copied; nothing is ever sent anywhere. A page may dispatch such an event itself: its body is read as the
 * untrusted text it is.
 */
export type TapKind = 'qianniu' | 'tmall';

export const TAPPED: Array<{ kind: TapKind; test: RegExp }> = [
  { kind: 'qianniu', test: /\/mtop\.rm\.sellercenter\.list\.data\.pc\//i },
  { kind: 'tmall', test: /\/evaluation\/GetEvaluations\.do/i },
];

/** Bodies larger than this are not copied (a page of 1,000 reviews is about 1.5 MB). */
export const MAX_TAPPED_BYTES = 8_000_000;

/** The event carrying a copied response of this kind. */
export const tapEvent = (kind: TapKind) => `reviewdesk-tap-${kind}`;
