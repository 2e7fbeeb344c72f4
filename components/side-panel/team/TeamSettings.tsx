import { useState } from 'react';
import { t, type Language, type MessageKey } from '@/lib/i18n';
import { checkServerAddress } from '@/lib/team/server-address';
import type { ConnectRequest, TeamView } from '@/lib/team/connection';
import type { SyncState } from '@/lib/team/sync-engine';
import { formatBeijing } from '@/lib/time/beijing';

export interface TeamActions {
  /** Resolves to the failure to show (the server's own words), null once connected. */
  connect: (req: ConnectRequest) => Promise<string | null>;
  disconnect: () => Promise<void>;
}

const PROBLEM_TEXT: Record<'invalid' | 'insecure' | 'insecure-lan', MessageKey> = {
  invalid: 'team.invalidUrl', insecure: 'team.insecure', 'insecure-lan': 'team.insecureLan',
};

export function syncStatusText(lang: Language, sync: SyncState): string {
  const line = sync.status === 'synced'
    ? sync.lastSyncedAt ? t(lang, 'team.status.syncedAgo', { time: formatBeijing(sync.lastSyncedAt).slice(5) }) : t(lang, 'team.status.synced')
    : sync.status === 'syncing' ? t(lang, 'team.status.syncing')
      : sync.status === 'offline' ? t(lang, 'team.status.offline') : t(lang, 'team.status.signedOut');
  return sync.pending > 0 ? `${line}（${t(lang, 'team.pending', { n: sync.pending })}）` : line;
}

/**
 * Settings → 团队服务器: connect with the address, account and password the lead gave; then the sync state. No host
 * permission is needed (the team server answers CORS for the extension's origin); solo mode never sends a request.
 */
export function TeamSettings({ lang, view, actions }: { lang: Language; view: TeamView; actions: TeamActions }) {
  const [url, setUrl] = useState(view.connection?.origin ?? '');
  const [user, setUser] = useState(view.connection?.account.name ?? '');
  const [password, setPassword] = useState('');
  const [allowLan, setAllowLan] = useState(view.connection?.allowLanHttp ?? false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const check = checkServerAddress(url, allowLan);
  const lanQuestion = !check.ok && check.problem === 'insecure-lan' || (allowLan && check.ok && check.origin.startsWith('http:'));

  const connect = async () => {
    if (!check.ok) return setProblem(t(lang, PROBLEM_TEXT[check.problem]));
    if (!user.trim() || !password) return setProblem(t(lang, 'team.needAccount'));
    setBusy(true);
    try {
      const failure = await actions.connect({ origin: check.origin, allowLanHttp: allowLan, user: user.trim(), password });
      setProblem(failure && t(lang, 'team.failed', { error: failure }));
      if (!failure) setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const { connection, sync } = view;
  return (
    <section aria-labelledby="team-title" className="team-settings">
      <h3 id="team-title">{t(lang, 'team.title')}</h3>
      {connection && sync?.status !== 'signed-out' ? (
        <>
          <p data-testid="team-account">
            {t(lang, 'team.as', { account: connection.account.name, role: t(lang, `team.role.${connection.account.role}`), shop: connection.shop.name })}
            <span className="muted small"> {connection.origin}</span>
          </p>
          {sync && <p role="status" data-testid="team-status" data-sync={sync.status}>{syncStatusText(lang, sync)}</p>}
          <button type="button" onClick={() => void actions.disconnect()} data-testid="team-disconnect">{t(lang, 'team.disconnect')}</button>
        </>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); void connect(); }}>
          <p className="muted small">{t(lang, 'team.intro')}</p>
          {sync?.status === 'signed-out' && <p role="status" data-testid="team-status" data-sync="signed-out">{syncStatusText(lang, sync)}</p>}
          <label>
            {t(lang, 'team.url')}
            <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t(lang, 'team.urlHint')} maxLength={300} data-testid="team-url" />
          </label>
          {lanQuestion && (
            <label className="small">
              <input type="checkbox" checked={allowLan} onChange={(e) => setAllowLan(e.target.checked)} data-testid="team-allow-lan" />
              {t(lang, 'team.allowLan')}
            </label>
          )}
          <label>
            {t(lang, 'team.user')}
            <input value={user} onChange={(e) => setUser(e.target.value)} maxLength={40} autoComplete="username" data-testid="team-user" />
          </label>
          <label>
            {t(lang, 'team.password')}
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} maxLength={200} autoComplete="current-password" data-testid="team-password" />
          </label>
          <button type="submit" disabled={busy} data-testid="team-connect">{busy ? t(lang, 'team.connecting') : t(lang, 'team.connect')}</button>
          {problem && <p className="danger small" role="alert">{problem}</p>}
        </form>
      )}
    </section>
  );
}
