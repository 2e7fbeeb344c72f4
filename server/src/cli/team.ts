import { parseCredentials, parseFlags } from '../args';
import { CliError, TeamClient } from './client';

const USAGE = `用法 / usage:
  npm run -s team -- add-agent NAME --password PW --server http://127.0.0.1:8787 --as LEAD:PASSWORD [--role lead]
  npm run -s team -- revoke NAME --server URL --as LEAD:PASSWORD
  npm run -s team -- list --server URL --as LEAD:PASSWORD
  (--server defaults to REVIEWDESK_SERVER or http://127.0.0.1:8787; --as to REVIEWDESK_LEAD)`;

async function run(argv: string[]): Promise<string> {
  const { positional, flags } = parseFlags(argv);
  const [command, name] = positional;
  const server = flags.get('server') ?? process.env.REVIEWDESK_SERVER ?? 'http://127.0.0.1:8787';
  const as = flags.get('as') ?? process.env.REVIEWDESK_LEAD;
  if (!command || !['add-agent', 'revoke', 'list'].includes(command)) throw new CliError(USAGE);
  if (command !== 'list' && !name) throw new CliError(`缺少账号名 / missing the account NAME\n${USAGE}`);
  if (!as) throw new CliError(`缺少 --as LEAD:PASSWORD / missing --as LEAD:PASSWORD\n${USAGE}`);
  const lead = parseCredentials(as, '--as');
  const client = await TeamClient.login(server, lead.name, lead.password);
  try {
    if (command === 'add-agent') {
      const password = flags.get('password');
      if (!password) throw new CliError(`缺少 --password / missing --password\n${USAGE}`);
      const role = flags.get('role') ?? 'agent';
      await client.request('/api/accounts', { method: 'POST', body: { name, password, role } });
      return `已创建${role === 'lead' ? '组长' : '客服'}账号 ${name} / created ${role} account ${name}`;
    }
    if (command === 'revoke') {
      await client.request(`/api/accounts/${encodeURIComponent(name!)}/revoke`, { method: 'POST' });
      return `已停用账号 ${name}，其登录已失效 / disabled account ${name} and ended its sessions`;
    }
    const accounts = await client.list();
    return accounts.map((a) => `${a.name}\t${a.role}\t${a.active ? 'active' : 'disabled'}`).join('\n');
  } finally {
    // The token would end by itself in 90 days; say so rather than hide it.
    await client.logout().catch((err: Error) => console.error(`注销失败 / sign-out failed: ${err.message}`));
  }
}

run(process.argv.slice(2)).then(
  (line) => console.log(line),
  (err: Error) => {
    console.error(err instanceof CliError ? err.message : `错误 / error: ${err.message}`);
    process.exit(2);
  },
);
