import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { loadPreferences } from '@/lib/settings/preferences';
import { loadBackupState } from '@/lib/backup/state';
import { DAY_MS } from '@/lib/time/beijing';
import { observation } from '../unit/helpers';

/** The pay scheme and backup in the side panel's settings (the dashboard reads the scheme; the panel is where it is set). */
afterEach(() => {
  vi.useRealTimers();
});

const openSettings = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(await screen.findByRole('button', { name: '设置' }));
  await screen.findByRole('heading', { name: '设置' });
};

describe('settings: pay scheme and backup', () => {
  it('sets the bonus per revised 中评 and 差评 in yuan, and refuses what is not an amount', async () => {
    const user = userEvent.setup();
    await renderPanel([]);
    await openSettings(user);
    await user.click(screen.getByLabelText('按改评发奖励'));
    const neutral = screen.getByLabelText('每条改评的中评（元）');
    await user.clear(neutral);
    await user.type(neutral, '２.５');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(async () => expect((await loadPreferences()).payScheme).toEqual({ enabled: true, perRevisedNeutralFen: 250, perRevisedNegativeFen: 500 }));
    const negative = screen.getByLabelText('每条改评的差评（元）');
    await user.clear(negative);
    await user.type(negative, '五元');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    expect((await screen.findByText(/奖励金额须为 0 到/)).textContent).toMatch(/¥1000\.00/);
    expect((await loadPreferences()).payScheme.perRevisedNegativeFen).toBe(500);
  });

  it('reminds to back up once the oldest case is a week old with no backup, and a backup clears it', async () => {
    const user = userEvent.setup();
    const start = Date.UTC(2026, 2, 1, 4);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    await renderPanel([observation({ platformReviewId: '1', reviewTime: start - 3_600_000 })]);
    vi.setSystemTime(start + 8 * DAY_MS);
    URL.createObjectURL = () => 'blob:test/1';
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = () => undefined;
    await openSettings(user);
    expect((await screen.findByTestId('backup-reminder')).textContent).toMatch(/已超过 7 天没有备份/);
    expect(screen.getByTestId('backup-last').textContent).toBe('还没有备份过');
    await user.click(screen.getByRole('button', { name: '下载备份文件' }));
    // The status first counts what is being written ("正在备份… 3 条"); on a busy machine that shows for a while.
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toMatch(/已备份：评价回访台备份-2026-03-09-\d{4}\.json（1 个案例/));
    await waitFor(() => expect(screen.queryByTestId('backup-reminder')).toBeNull());
    expect((await loadBackupState()).lastBackupAt).toBe(start + 8 * DAY_MS);
  });
});
