import { resolve } from 'node:path';
import { parseCredentials, parseFlags } from './args';
import { startTeamServer } from './start';
import { AccountName, Password } from '../../lib/team/protocol';

const USAGE = `用法 / usage: npm run team-server -- --port N [--data DIR] [--lead NAME:PASSWORD] [--shop NAME] [--host 127.0.0.1] [--extension-id ID]
  DATABASE_URL set: real PostgreSQL (--data is ignored); otherwise embedded PGlite in DIR (default ./team-data).`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main() {
  let parsed;
  try {
    parsed = parseFlags(process.argv.slice(2));
  } catch (err) {
    fail((err as Error).message);
  }
  const { flags } = parsed;
  const known = new Set(['port', 'data', 'lead', 'shop', 'host', 'extension-id']);
  for (const name of flags.keys()) if (!known.has(name)) fail(`未知参数 / unknown flag --${name}`);
  const port = Number(flags.get('port') ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port 须为端口号 / --port must be a port number`);
  let lead: { name: string; password: string } | undefined;
  const leadFlag = flags.get('lead') ?? process.env.REVIEWDESK_LEAD;
  if (leadFlag) {
    try {
      lead = parseCredentials(leadFlag, '--lead');
    } catch (err) {
      fail((err as Error).message);
    }
    if (!AccountName.safeParse(lead.name).success) fail(`组长账号名不可用 / the lead's account name is not allowed: ${lead.name}`);
    if (!Password.safeParse(lead.password).success) fail('组长密码至少 6 个字符 / the lead password needs at least 6 characters');
  }
  // npm runs this from server/; a relative --data means relative to where the command was typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const server = await startTeamServer({
    port,
    host: flags.get('host') ?? '127.0.0.1',
    dataDir: databaseUrl ? undefined : resolve(base, flags.get('data') ?? 'team-data'),
    databaseUrl,
    lead,
    shopName: flags.get('shop') ?? '我的店铺',
    extensionId: flags.get('extension-id') ?? process.env.REVIEWDESK_EXTENSION_ID,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`ReviewDesk 团队服务器已启动 / team server listening on ${server.url} (${server.db.kind})`);
  const stop = () => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`团队服务器启动失败 / team server failed to start: ${err.message}`);
  process.exit(1);
});
