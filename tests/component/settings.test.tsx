import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { loadPreferences } from '@/lib/settings/preferences';

describe('settings', () => {
  it('saves the agent, shop and contact-timing rules, and refuses rules the recommender cannot use', async () => {
    const user = userEvent.setup();
    await renderPanel([]);
    await user.click(screen.getByRole('button', { name: '设置' }));
    const name = screen.getByLabelText('我的名字（记录在处理记录里）');
    await user.clear(name);
    await user.type(name, '小李');
    const max = screen.getByLabelText('每个案例最多拨打次数');
    await user.clear(max);
    await user.type(max, '2');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(async () => expect(await loadPreferences()).toMatchObject({ agentName: '小李', contactTiming: { maxPhoneAttempts: 2 } }));
    const from = screen.getByLabelText('最早拨打时间（点，北京时间）');
    await user.clear(from);
    await user.type(from, '30');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/设置无效/);
    expect((await loadPreferences()).contactTiming).toMatchObject({ maxPhoneAttempts: 2, quietHours: { callsFrom: 9 } });
  });
});
