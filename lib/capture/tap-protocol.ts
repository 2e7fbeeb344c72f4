/**
 * The page-world network tap hands copies of console API responses to the extension's content script
 * through window.postMessage. Only these endpoints are copied; nothing is ever sent anywhere.
 */
export const TAP_MARK = '__reviewdesk_tap__';

export type TapKind = 'qianniu' | 'tmall';

export const TAPPED: Array<{ kind: TapKind; test: RegExp }> = [
  { kind: 'qianniu', test: /\/mtop\.rm\.sellercenter\.list\.data\.pc\//i },
  { kind: 'tmall', test: /\/evaluation\/GetEvaluations\.do/i },
];

/** Bodies larger than this are not copied (a page of 1,000 reviews is about 1.5 MB). */
export const MAX_TAPPED_BYTES = 8_000_000;

export interface TapMessage {
  [TAP_MARK]: true;
  kind: TapKind;
  body: string;
}

export function isTapMessage(data: unknown): data is TapMessage {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d[TAP_MARK] === true && (d.kind === 'qianniu' || d.kind === 'tmall') && typeof d.body === 'string';
}
