import type { Language, MessageKey } from '../i18n';
import { explainDaysLeft } from '../cases/deadlines';
import { DAY_MS, HOUR_MS } from '../time/beijing';

/**
 * The lines a badge shows, copied from lib/i18n (tests/unit/badge-text.test.ts keeps every copy equal to its
 * original, and the labels equal to lib/cases/labels.ts): the console page's bundle then carries these lines
 * instead of every line of the side panel in both languages.
 */
const zh = {
  'sentiment.negative': '差评',
  'sentiment.neutral': '中评',
  'sentiment.inferred': '疑似{sentiment}',
  'sentiment.followUp': '{sentiment}追评',
  'status.new': '新',
  'status.contacting': '联系中',
  'status.agreed': '已约定',
  'status.resolved': '已解决',
  'status.revised': '已改评',
  'status.unresolvable': '无法解决',
  'status.complained': '已投诉评价',
  'age.justNow': '刚刚',
  'age.minutes': '{n}分钟前',
  'age.hours': '{n}小时前',
  'age.days': '{n}天前',
  'deadline.daysLeft': '解释剩{n}天',
  'deadline.today': '解释期不足1天',
  'deadline.passed': '已过解释期',
  'badge.title': '{sentiment} · {status} · 评价于 {time} · {deadline}。点击在侧边栏打开此案例',
  'badge.promiseOverdue': '承诺逾期',
} satisfies Partial<Record<MessageKey, string>>;

export type BadgeTextKey = keyof typeof zh;

const en: Record<BadgeTextKey, string> = {
  'sentiment.negative': 'Negative',
  'sentiment.neutral': 'Neutral',
  'sentiment.inferred': 'Likely {sentiment}',
  'sentiment.followUp': '{sentiment} follow-up',
  'status.new': 'New',
  'status.contacting': 'Contacting',
  'status.agreed': 'Agreed',
  'status.resolved': 'Resolved',
  'status.revised': 'Revised',
  'status.unresolvable': 'Unresolvable',
  'status.complained': 'Reported as malicious',
  'age.justNow': 'just now',
  'age.minutes': '{n} min ago',
  'age.hours': '{n} h ago',
  'age.days': '{n} d ago',
  'deadline.daysLeft': '{n} d to reply',
  'deadline.today': 'under a day to reply',
  'deadline.passed': 'reply window over',
  'badge.title': '{sentiment} · {status} · reviewed {time} · {deadline}. Click to open this case in the side panel',
  'badge.promiseOverdue': 'promise overdue',
};

export const BADGE_TEXT: Record<Language, Record<BadgeTextKey, string>> = { 'zh-CN': zh, en };

/** As lib/i18n's t(), over the badge's lines only. */
export function badgeT(lang: Language, key: BadgeTextKey, params: Record<string, string | number> = {}): string {
  const template = BADGE_TEXT[lang]?.[key] ?? zh[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** lib/cases/labels.ts ageLabel, on the badge's lines. */
export function badgeAge(lang: Language, since: number | null, now: number): string {
  if (since === null) return '';
  const ms = Math.max(0, now - since);
  if (ms < 60_000) return badgeT(lang, 'age.justNow');
  if (ms < HOUR_MS) return badgeT(lang, 'age.minutes', { n: Math.floor(ms / 60_000) });
  if (ms < DAY_MS) return badgeT(lang, 'age.hours', { n: Math.floor(ms / HOUR_MS) });
  return badgeT(lang, 'age.days', { n: Math.floor(ms / DAY_MS) });
}

/** lib/cases/labels.ts deadlineLabel, on the badge's lines. */
export function badgeDeadline(lang: Language, deadlineAt: number | null, now: number): string {
  const days = explainDaysLeft(deadlineAt, now);
  if (days === null) return '';
  if (days === 0) return badgeT(lang, 'deadline.passed');
  if (days === 1) return badgeT(lang, 'deadline.today');
  return badgeT(lang, 'deadline.daysLeft', { n: days });
}

/** lib/cases/labels.ts sentimentLabel, on the badge's lines. */
export function badgeSentiment(lang: Language, sentiment: 'negative' | 'neutral', inferred: boolean): string {
  const label = badgeT(lang, `sentiment.${sentiment}`);
  return inferred ? badgeT(lang, 'sentiment.inferred', { sentiment: label }) : label;
}
