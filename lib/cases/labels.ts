import { t, type Language } from '../i18n';
import { DAY_MS, HOUR_MS } from '../time/beijing';
import { explainDaysLeft } from './deadlines';

/** "3小时前" for the badge and the list; times are differences, so no time zone is involved. */
export function ageLabel(lang: Language, since: number | null, now: number): string {
  if (since === null) return '';
  const ms = Math.max(0, now - since);
  if (ms < 60_000) return t(lang, 'age.justNow');
  if (ms < HOUR_MS) return t(lang, 'age.minutes', { n: Math.floor(ms / 60_000) });
  if (ms < DAY_MS) return t(lang, 'age.hours', { n: Math.floor(ms / HOUR_MS) });
  return t(lang, 'age.days', { n: Math.floor(ms / DAY_MS) });
}

/** The days-left figure of badge, queue and panel alike (explainDaysLeft), worded. */
export function deadlineLabel(lang: Language, deadlineAt: number | null, now: number): string {
  const days = explainDaysLeft(deadlineAt, now);
  if (days === null) return '';
  if (days === 0) return t(lang, 'deadline.passed');
  // The console's 还有1天可回复: the last, started day.
  if (days === 1) return t(lang, 'deadline.today');
  return t(lang, 'deadline.daysLeft', { n: days });
}

/** 差评, or 疑似差评 when the sentiment was read from the review text rather than given by the platform. */
export function sentimentLabel(lang: Language, sentiment: 'negative' | 'neutral', source: 'platform' | 'page' | 'text'): string {
  const label = t(lang, `sentiment.${sentiment}`);
  return source === 'text' ? t(lang, 'sentiment.inferred', { sentiment: label }) : label;
}
