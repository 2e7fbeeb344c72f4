import type { BadgeInfo } from '../cases/badge-info';
import type { Language } from '../i18n';
import { formatBeijing } from '../time/beijing';
import { badgeAge, badgeDeadline, badgeSentiment, badgeT } from './badge-text';
import { BADGE_CSS } from './badge-style';

/** Tag of the badge host; the only element ReviewDesk adds that carries data-review-id and data-sentiment. */
export const BADGE_TAG = 'reviewdesk-badge';

export interface BadgeContext {
  lang: Language;
  now: number;
  onOpen: (info: BadgeInfo) => void;
}

interface BadgeParts {
  /** What was last drawn, so an unchanged badge costs nothing on the next scan. */
  drawn: string;
  button: HTMLButtonElement;
  sentiment: HTMLElement;
  status: HTMLElement;
  age: HTMLElement;
  deadline: HTMLElement;
  overdue: HTMLElement;
  info: BadgeInfo;
}

const parts = new WeakMap<Element, BadgeParts>();

let shared: CSSStyleSheet | null | undefined;

/**
 * One constructed stylesheet shared by every badge: a page of 1,000 reviews then parses the CSS once,
 * not once per badge. Where constructed sheets are not available, each badge gets its own <style>.
 */
function applyStyles(shadow: ShadowRoot): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(BADGE_CSS);
      shadow.adoptedStyleSheets = [shared];
      return;
    } catch {
      // Feature detection, not a failure: without constructed sheets every badge gets its own <style> below.
      shared = null;
    }
  }
  if (shared) {
    shadow.adoptedStyleSheets = [shared];
    return;
  }
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.append(style);
}

function build(host: HTMLElement, ctx: BadgeContext): BadgeParts {
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow);
  const button = document.createElement('button');
  button.type = 'button';
  const span = (cls: string) => {
    const el = document.createElement('span');
    el.className = cls;
    button.append(el);
    return el;
  };
  const p: BadgeParts = { drawn: '', button, sentiment: span('s'), status: span('st'), age: span('a'), deadline: span('d'), overdue: span('o'), info: null as never };
  button.addEventListener('click', (event) => {
    // The console row may react to clicks (expand, select): this one is ours.
    event.stopPropagation();
    event.preventDefault();
    ctx.onOpen(p.info);
  });
  shadow.append(button);
  return p;
}

/** Creates or refreshes the badge in a row's slot. Only text is ever written: no page text reaches it as HTML. */
export function renderBadge(slot: Element, info: BadgeInfo, ctx: BadgeContext): HTMLElement {
  const { host, attach } = prepareBadge(slot, info, ctx);
  attach?.();
  return host;
}

/**
 * The badge of a row's slot, refreshed in place; or, when the slot has none, built and filled while detached,
 * with `attach` to put it into the page (in one insertion, when the caller writes to the page).
 */
export function prepareBadge(slot: Element, info: BadgeInfo, ctx: BadgeContext): { host: HTMLElement; attach?: () => void } {
  const found = slot.querySelector(`:scope > ${BADGE_TAG}`) as HTMLElement | null;
  const host = found ?? document.createElement(BADGE_TAG);
  const p = parts.get(host) ?? build(host, ctx);
  parts.set(host, p);
  fill(host, p, info, ctx);
  return found ? { host } : { host, attach: () => slot.append(host) };
}

function fill(host: HTMLElement, p: BadgeParts, info: BadgeInfo, ctx: BadgeContext): void {
  p.info = info;
  const sentimentWord = badgeSentiment(ctx.lang, info.sentiment, info.inferred);
  const sentiment = info.part === 'followUp' ? badgeT(ctx.lang, 'sentiment.followUp', { sentiment: sentimentWord }) : sentimentWord;
  const status = badgeT(ctx.lang, `status.${info.status}`);
  const age = badgeAge(ctx.lang, info.reviewTime, ctx.now);
  const deadline = badgeDeadline(ctx.lang, info.deadlineAt, ctx.now);
  // A broken promise turns into a complaint: the badge says so, as the queue puts it first.
  const overdue = info.promiseDueAt !== null && info.promiseDueAt <= ctx.now ? badgeT(ctx.lang, 'badge.promiseOverdue') : '';
  const className = `b ${info.sentiment}${info.unopened ? ' unopened' : ''}`;
  // What is on screen decides: a badge drawn the same (another minute, a deadline a moment apart) is not written.
  const drawn = [info.platformReviewId, info.sentiment, info.status, className, sentiment, status, age, deadline, overdue, info.reviewTime].join('\u0001');
  if (p.drawn === drawn) return;
  p.drawn = drawn;
  host.setAttribute('data-review-id', info.platformReviewId);
  host.setAttribute('data-sentiment', info.sentiment);
  host.setAttribute('data-status', info.status);
  p.button.className = className;
  p.sentiment.textContent = sentiment;
  p.status.textContent = status;
  p.age.textContent = age;
  p.deadline.textContent = deadline;
  p.overdue.textContent = overdue;
  p.button.title = badgeT(ctx.lang, 'badge.title', {
    sentiment, status,
    time: info.reviewTime === null ? '—' : formatBeijing(info.reviewTime),
    deadline: [deadline, overdue].filter(Boolean).join(' · ') || '—',
  });
}

/** Everything a badge shows from its info, as one string (cheaper than JSON for telling a change). */
export function badgeKey(i: BadgeInfo): string {
  return `${i.platformReviewId}|${i.caseId}|${i.sentiment}|${i.status}|${i.unopened}|${i.inferred}|${i.part}|${i.reviewTime}|${i.deadlineAt}|${i.promiseDueAt}`;
}

/** Removes the badges inside `row`, except `keep` (the one just drawn, when a badge moved within a row). */
export function removeBadge(row: Element, keep?: Element): void {
  row.querySelectorAll(BADGE_TAG).forEach((el) => {
    if (el !== keep) el.remove();
  });
}

export const isBadgeHost = (node: Node) => node.nodeName.toLowerCase() === BADGE_TAG;
