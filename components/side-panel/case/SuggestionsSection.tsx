import { useState } from 'react';
import type { CaseDetail } from '@/lib/cases/case-store';
import { suggestionsFor } from '@/lib/replies/fill';
import { checkCompliance, countChars } from '@/lib/replies/compliance';
import { fillDataFor } from '@/lib/replies/case-data';
import type { Channel } from '@/lib/replies/schema';
import { t, type Language } from '@/lib/i18n';
import { reportError } from '@/lib/errors/report';
import { usePanel } from '../store';

const CHANNELS: Channel[] = ['explanation', 'chat', 'phone'];

/**
 * Ready wording for the case's causes in three channels. The agent may edit; every text is checked before it can
 * be copied (no reward tied to a review change, no pressure, ≤500 characters in public, no blanks left).
 */
export function SuggestionsSection({ lang, detail }: { lang: Language; detail: CaseDetail }) {
  const { settings, act } = usePanel();
  const [channel, setChannel] = useState<Channel>('chat');
  const [variant, setVariant] = useState(0);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [copied, setCopied] = useState(false);
  /** The clipboard refused the text (no focus, no permission): the agent must know nothing was copied. */
  const [copyFailed, setCopyFailed] = useState(false);
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const data = fillDataFor(detail, settings.shopName, settings.agentName);
  // Cheap (a few dozen templates): computed on every render, so it always follows the case and the settings.
  // The causes go with their trigger words, so the wording names the buyer's actual problem.
  const suggestions = suggestionsFor(detail.case.causes, channel, data, l);
  const current = suggestions[Math.min(variant, suggestions.length - 1)];
  const key = current ? `${current.template.id}:${l}` : '';
  const text = edits[key] ?? current?.text ?? '';
  const check = checkCompliance(text, { channel, lang: l, buyerNick: detail.review.buyerNick });

  const copy = async () => {
    if (!check.ok || !current) return;
    setCopied(false);
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      reportError('panel.copySuggestion', error);
      setCopyFailed(true);
      return;
    }
    setCopyFailed(false);
    const edited = edits[key] !== undefined && edits[key] !== current.text;
    await act('recordCopy', { caseId: detail.case.id, what: `${t(lang, `reply.${channel}`)} · ${current.template.id}${edited ? ` ${t(lang, 'reply.edited')}` : ''}` });
    setCopied(true);
  };

  return (
    <section aria-labelledby="reply-title" className="suggestions">
      <h3 id="reply-title">{t(lang, 'reply.title')}</h3>
      <div className="row" role="tablist">
        {CHANNELS.map((c) => (
          <button key={c} type="button" role="tab" aria-selected={channel === c} data-channel-tab={c}
            onClick={() => { setChannel(c); setVariant(0); setCopied(false); setCopyFailed(false); }}>
            {t(lang, `reply.${c}`)}
          </button>
        ))}
      </div>
      {suggestions.length > 1 && (
        <label className="small">{t(lang, 'reply.variant')}
          <select value={variant} onChange={(e) => { setVariant(Number(e.target.value)); setCopied(false); }}>
            {suggestions.map((s, i) => <option key={s.template.id} value={i}>{s.template.variant[l]}</option>)}
          </select>
        </label>
      )}
      <textarea data-testid="suggestion-text" aria-label={t(lang, 'reply.title')} rows={channel === 'phone' ? 10 : 6} value={text}
        onChange={(e) => { setEdits({ ...edits, [key]: e.target.value }); setCopied(false); }} />
      <div className="row">
        {channel === 'explanation' && <span className={`small ${countChars(text) > 500 ? 'danger' : 'muted'}`}>{t(lang, 'reply.count', { n: countChars(text) })}</span>}
        <button type="button" data-action="copy-suggestion" disabled={!check.ok} onClick={() => void copy()}>{t(lang, 'reply.copy')}</button>
        {copied && <span className="small ok" role="status">{t(lang, 'reply.copied')}</span>}
        {copyFailed && <span className="small danger" role="alert" data-testid="copy-failed">{t(lang, 'reply.copyFailed')}</span>}
        {!check.ok && <span className="small danger">{t(lang, 'reply.blocked')}</span>}
      </div>
      {check.issues.length > 0 && (
        <ul className="issues" data-testid="compliance-issues">
          {distinctIssues(check.issues).map((issue, i) => (
            <li key={`${issue.code}-${i}`} data-issue={issue.code} className={issue.severity}>
              <strong>{issue.message[l]}</strong>{issue.excerpt && <> 「{issue.excerpt}」</>}
              <div className="small">{t(lang, 'reply.suggest', { text: issue.suggestion[l] })}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The same problem with the same words (e.g. {remedy} twice) is listed once. */
function distinctIssues<T extends { code: string; excerpt: string }>(issues: T[]): T[] {
  return issues.filter((x, i) => issues.findIndex((y) => y.code === x.code && y.excerpt === x.excerpt) === i);
}
