import { request } from '@/lib/messaging/protocol';
import type { TeamView } from '@/lib/team/connection';
import type { Language } from '@/lib/i18n';
import { TeamSettings, type TeamActions } from './TeamSettings';
import { useTeamView } from './use-team';

/** The background signs in and syncs; the panel only carries what the agent typed there. */
const actions = (setView: (v: TeamView) => void): TeamActions => ({
  async connect(req) {
    const reply = await request({ type: 'teamConnect', url: req.origin, allowLanHttp: req.allowLanHttp, user: req.user, password: req.password });
    setView(reply.view);
    return reply.failure;
  },
  async disconnect() {
    setView(await request({ type: 'teamDisconnect' }));
  },
});

/** Settings → 团队服务器, kept in step with the background's connection and sync state. */
export function TeamPanel({ lang }: { lang: Language }) {
  const [view, setView] = useTeamView();
  if (!view) return null;
  return <TeamSettings lang={lang} view={view} actions={actions(setView)} />;
}
