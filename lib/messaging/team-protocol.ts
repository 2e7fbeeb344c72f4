import * as z from 'zod/mini';
import type { TeamView } from '../team/connection';

/**
 * Requests about the team connection (the side panel's Settings only). Kept apart from protocol.ts so that the team
 * feature owns its messages; protocol.ts joins them into the one Request union. The password travels once, to the
 * background, which sends it to the server and never stores it.
 */
export const TEAM_REQUESTS = [
  z.object({ type: z.literal('teamView') }),
  z.object({
    type: z.literal('teamConnect'),
    url: z.string().check(z.minLength(1), z.maxLength(300)),
    allowLanHttp: z.boolean(),
    user: z.string().check(z.minLength(1), z.maxLength(40)),
    password: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
  z.object({ type: z.literal('teamDisconnect') }),
] as const;

export interface TeamResponses {
  teamView: TeamView;
  /** failure: why the server or the address refused, in the server's words (Chinese / English); null once connected. */
  teamConnect: { failure: string | null; view: TeamView };
  teamDisconnect: TeamView;
}
