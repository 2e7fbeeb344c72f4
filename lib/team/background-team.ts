import type { ReviewDeskDB } from '../db/database';
import { savePreferences } from '../settings/preferences';
import { reportError } from '../errors/report';
import { alarmName } from '../reminders/plan';
import type { TeamView } from './connection';
import { LocalSync } from './local-sync';
import { TeamService, type ConnectionStore } from './team-service';
import type { PushResult } from './protocol';
import { newRecord } from '../causes/corrections';
import type { CauseCode } from '../causes/taxonomy';
import { shopLearner } from '../messaging/learning-handlers';

const CONNECTION_KEY = 'teamConnection';
/** How often the worker syncs when nothing keeps it awake (the alarm's minimum in Chrome is 30 s). */
const SYNC_EVERY_MINUTES = 1;

/** The connection kept in the extension's own storage (never synced by the browser to other devices). */
const connectionStore: ConnectionStore = {
  load: async () => (await browser.storage.local.get(CONNECTION_KEY))[CONNECTION_KEY],
  save: (connection) => browser.storage.local.set({ [CONNECTION_KEY]: connection }),
  clear: () => browser.storage.local.remove(CONNECTION_KEY),
};

export interface TeamWiring {
  /** The team changed these cases: the panel and the console tabs showing them are told. */
  casesChanged: (ids: string[]) => void;
  /** The connection or the sync state changed: the panel shows it. */
  viewChanged: (view: TeamView) => void;
}

/**
 * The background's team service on the extension's store: solo until the agent connects; connected, it records
 * local writes for the team, keeps a held pull open while the worker lives, and an alarm resumes it every minute.
 */
export function startTeam(db: ReviewDeskDB, wiring: TeamWiring): TeamService {
  const team = new TeamService({
    store: connectionStore,
    local: (connection) => new LocalSync(db, connection.shop.id, {
      casesChanged: wiring.casesChanged,
      // The lead's shop settings replace the shared ones here; the language stays the agent's own.
      shopSettings: async ({ shopName, promiseDueHours, contactRetentionDays, contactTiming }) => {
        await savePreferences({ shopName, promiseDueHours, contactRetentionDays, contactTiming });
      },
      // The shop learns from every agent's choices: a colleague's arrives as a record, the same one in every browser.
      colleagueCauses: async (choices) => {
        const records = choices.map((c) => newRecord({
          caseId: c.caseId, text: c.text, causes: c.causes.map((x) => x.code), was: c.was.code as CauseCode | null, wasBy: c.was.by, agent: c.agent,
        }, c.at, `team:${c.caseId}:${c.at}`.slice(0, 64)));
        await shopLearner()?.importRecords(records);
      },
      refused: (results: PushResult[]) => {
        for (const r of results) if (r.status === 'rejected') reportError('team.push', new Error(r.error ?? r.status));
      },
    }),
    onView: (view) => {
      wiring.viewChanged(view);
      void keepAlarm(view).catch((e: unknown) => reportError('team.alarm', e));
    },
  });
  void team.resume().catch((e: unknown) => reportError('team.resume', e));
  return team;
}

/** The sync alarm exists exactly while connected: solo, the worker never wakes for the team. */
async function keepAlarm(view: TeamView): Promise<void> {
  const have = await browser.alarms.get(alarmName.teamSync);
  if (view.connection && !have) await browser.alarms.create(alarmName.teamSync, { periodInMinutes: SYNC_EVERY_MINUTES });
  if (!view.connection && have) await browser.alarms.clear(alarmName.teamSync);
}
