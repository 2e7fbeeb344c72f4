import { useEffect, useState } from 'react';
import { request, type Broadcast } from '@/lib/messaging/protocol';
import type { TeamView } from '@/lib/team/connection';
import { reportError } from '@/lib/errors/report';

const SOLO: TeamView = { connection: null, sync: null };

/** The team connection as the background has it, kept in step (solo: no connection, and nothing team-only shows). */
export function useTeamView(): [TeamView | null, (view: TeamView) => void] {
  const [view, setView] = useState<TeamView | null>(null);
  useEffect(() => {
    let live = true;
    request({ type: 'teamView' }).then((v) => live && setView(v), (e: unknown) => {
      reportError('team.view', e);
      if (live) setView(SOLO);
    });
    const listener = (msg: Broadcast) => {
      if (msg?.type === 'teamChanged' && live) setView(msg.view);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(listener);
    };
  }, []);
  return [view, setView];
}

/** The signed-in account's name, null solo. */
export const useTeamAccount = (): string | null => useTeamView()[0]?.connection?.account.name ?? null;
