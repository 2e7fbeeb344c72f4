import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TeamSettings, type TeamActions } from '@/components/side-panel/team/TeamSettings';
import type { TeamView } from '@/lib/team/connection';

const SOLO: TeamView = { connection: null, sync: null };
const CONNECTED: TeamView = {
  connection: { origin: 'https://team.example.cn', allowLanHttp: false, account: { name: '小李', role: 'agent' }, shop: { id: 's1', name: '好物小店' }, connectedAt: 0 },
  sync: { status: 'offline', pending: 3, lastSyncedAt: null, error: null },
};

function actions(over: Partial<TeamActions> = {}): TeamActions {
  return { connect: vi.fn(async () => null), disconnect: vi.fn(async () => undefined), ...over };
}

async function fill(url: string, user = '小李', password = 'secret-pw') {
  const u = userEvent.setup();
  await u.type(screen.getByTestId('team-url'), url);
  if (user) await u.type(screen.getByTestId('team-user'), user);
  if (password) await u.type(screen.getByTestId('team-password'), password);
  return u;
}

describe('connecting to the team server', () => {
  it('signs in with what the agent typed, to the address as the server\'s origin', async () => {
    const a = actions();
    render(<TeamSettings lang="zh-CN" view={SOLO} actions={a} />);
    const u = await fill(' https://team.example.cn/ ');
    await u.click(screen.getByTestId('team-connect'));
    expect(a.connect).toHaveBeenCalledWith({ origin: 'https://team.example.cn', allowLanHttp: false, user: '小李', password: 'secret-pw' });
    expect(screen.getByTestId('team-password')).toHaveProperty('value', '');
  });

  it('refuses a public address over plain HTTP, in Chinese, without sending anything', async () => {
    const a = actions();
    render(<TeamSettings lang="zh-CN" view={SOLO} actions={a} />);
    const u = await fill('http://team.example.cn');
    await u.click(screen.getByTestId('team-connect'));
    expect(screen.getByRole('alert').textContent).toContain('不是 HTTPS');
    expect(a.connect).not.toHaveBeenCalled();
  });

  it('a LAN address over HTTP needs the lead\'s tick first', async () => {
    const a = actions();
    render(<TeamSettings lang="zh-CN" view={SOLO} actions={a} />);
    const u = await fill('http://192.168.1.20:8787');
    await u.click(screen.getByTestId('team-connect'));
    expect(screen.getByRole('alert').textContent).toContain('局域网');
    await u.click(screen.getByTestId('team-allow-lan'));
    await u.click(screen.getByTestId('team-connect'));
    expect(a.connect).toHaveBeenCalledWith(expect.objectContaining({ origin: 'http://192.168.1.20:8787', allowLanHttp: true }));
  });

  it('says so when the server refuses the password; the form keeps what was typed', async () => {
    const refused = actions({ connect: vi.fn(async () => '账号或密码错误 / Wrong account name or password') });
    render(<TeamSettings lang="zh-CN" view={SOLO} actions={refused} />);
    const u = await fill('localhost:8787');
    await u.click(screen.getByTestId('team-connect'));
    expect(screen.getByRole('alert').textContent).toContain('账号或密码错误');
    expect(screen.getByTestId('team-user')).toHaveProperty('value', '小李');
    expect(screen.getByTestId('team-password')).toHaveProperty('value', 'secret-pw');
  });

  it('connected: who and where, the sync state with what waits to be sent, and a way out', async () => {
    const a = actions();
    render(<TeamSettings lang="zh-CN" view={CONNECTED} actions={a} />);
    expect(screen.getByTestId('team-account').textContent).toContain('小李（客服）· 好物小店');
    expect(screen.getByTestId('team-status').textContent).toBe('离线：改动保存在本机，恢复连接后自动发送（3 条改动待发送）');
    await userEvent.setup().click(screen.getByTestId('team-disconnect'));
    expect(a.disconnect).toHaveBeenCalled();
  });

  it('a session that ended shows 登录已失效 and the form again, with the account filled in', () => {
    render(<TeamSettings lang="zh-CN" view={{ ...CONNECTED, sync: { status: 'signed-out', pending: 1, lastSyncedAt: null, error: '此账号已停用' } }} actions={actions()} />);
    expect(screen.getByTestId('team-status').textContent).toContain('登录已失效');
    expect(screen.getByTestId('team-user')).toHaveProperty('value', '小李');
    expect(screen.getByTestId('team-url')).toHaveProperty('value', 'https://team.example.cn');
  });
});
