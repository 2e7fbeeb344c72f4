import type { Request, ResponseMap } from './protocol';
import type { TeamService } from '../team/team-service';
import { checkServerAddress } from '../team/server-address';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

const SOLO = { connection: null, sync: null };

/** Handlers of the team connection; solo (no team service, as in tests of other features) they say so. */
export function createTeamHandlers(team: TeamService | undefined) {
  return {
    teamView: async (): Promise<ResponseMap['teamView']> => (team ? team.view() : SOLO),
    async teamConnect(req: Req<'teamConnect'>): Promise<ResponseMap['teamConnect']> {
      if (!team) return { failure: '此版本不支持团队服务器 / No team support in this build', view: SOLO };
      // The panel checked the address too; the background does not take a page's word for it.
      const address = checkServerAddress(req.url, req.allowLanHttp);
      if (!address.ok) return { failure: '服务器地址不可用（需要 https，本机或已允许的局域网地址除外）/ The server address cannot be used (https is required except on this computer or an allowed LAN address)', view: await team.view() };
      const failure = await team.connect({ origin: address.origin, allowLanHttp: req.allowLanHttp, user: req.user, password: req.password });
      return { failure, view: await team.view() };
    },
    async teamDisconnect(): Promise<ResponseMap['teamDisconnect']> {
      if (team) await team.disconnect();
      return team ? team.view() : SOLO;
    },
  };
}
