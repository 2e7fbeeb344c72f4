import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/protocol';
import type { ContactRecommendation } from '@/lib/contact-timing/recommend';
import { formatBeijing } from '@/lib/time/beijing';
import { t, type Language } from '@/lib/i18n';
import { reportError } from '@/lib/errors/report';
import { ContactTimingSettingsSchema } from '@/lib/contact-timing/policy';
import { usePanel } from '../store';

const countdown = (ms: number, lang: Language) => {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return lang === 'zh-CN' ? `${h ? `${h}小时` : ''}${m}分` : `${h ? `${h} h ` : ''}${m} min`;
};
const clock = (at: number) => formatBeijing(at).slice(11);
const day = (at: number) => formatBeijing(at).slice(5, 10);

/** When and how to contact this buyer next, and why; or which limit forbids it. */
export function ContactTimingSection({ lang, caseId, version, now }: { lang: Language; caseId: string; version: number; now: number }) {
  const [online, setOnline] = useState(false);
  const [advice, setAdvice] = useState<ContactRecommendation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const minute = Math.floor(now / 60_000); // ask again every minute, and whenever the case changes
  useEffect(() => {
    let live = true;
    request({ type: 'contactAdvice', caseId, buyerOnlineNow: online })
      .then((a) => { if (live) { setAdvice(a); setError(null); } })
      .catch((e: unknown) => {
        reportError('contactTiming.advice', e);
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => { live = false; };
  }, [caseId, online, version, minute]);
  const say = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  // Send the agent to Settings only when the rules stored there are what is broken.
  const rulesBroken = !ContactTimingSettingsSchema.safeParse(usePanel((s) => s.settings.contactTiming)).success;

  return (
    <section aria-labelledby="contact-title" data-testid="contact-timing">
      <h3 id="contact-title">{t(lang, 'contact.title')}</h3>
      <label className="check small"><input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} /> {t(lang, 'contact.online')}</label>
      {error && <p className="danger small" role="alert">{t(lang, rulesBroken ? 'contact.error' : 'contact.unavailable', { error })}</p>}
      {advice?.kind === 'blocked' && <p className="blocked" data-testid="contact-blocked">⛔ {say(advice.explanation)}</p>}
      {advice?.kind === 'contact' && (
        <>
          {/* One moment: the headline, its countdown and (for a call) the first window listed. */}
          <p data-testid="contact-advice" data-channel={advice.channel} data-suggested-at={advice.suggestedAt}>
            <strong>{t(lang, advice.channel === 'chat' ? 'contact.chat' : 'contact.phone')}</strong>
            {' · '}
            {advice.suggestedAt <= now + 60_000 ? (
              t(lang, 'contact.now')
            ) : (
              <>
                {t(lang, 'contact.from', { time: `${day(advice.suggestedAt)} ${clock(advice.suggestedAt)}` })}
                {' '}<span className="deadline" data-testid="countdown">{t(lang, 'contact.startsIn', { time: countdown(advice.suggestedAt - now, lang) })}</span>
              </>
            )}
            <br /><span className="small">{say(advice.explanation)}</span>
          </p>
          {advice.windows.length > 0 && (
            <>
              <h4 className="small">{t(lang, advice.channel === 'chat' ? 'contact.callWindowsAfterChat' : 'contact.windows')}</h4>
              <ol className="windows">
                {advice.windows.map((w, i) => (
                  <li key={w.start} data-window-start={w.start}>
                    <strong>{day(w.start)} {clock(w.start)}–{clock(w.end)}</strong>
                    {i === 0 && advice.channel === 'phone' && <span className="chip" data-testid="suggested-window">{t(lang, 'contact.suggested')}</span>}
                    {w.explored && <span className="chip">{t(lang, 'contact.explored')}</span>}
                    {w.start <= now && <span className="deadline">{t(lang, 'contact.openNow')}</span>}
                    <div className="small muted">{say(w.explanation)}</div>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}
