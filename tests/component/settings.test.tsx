import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from './panel-harness';
import { loadPreferences, savePreferences } from '@/lib/settings/preferences';
import { parseContactTimingSettings } from '@/lib/contact-timing/policy';

const openSettings = async (user: ReturnType<typeof userEvent.setup>, name = '设置') => {
  await user.click(await screen.findByRole('button', { name }));
  return screen.findByRole('heading', { name: name === '设置' ? '设置' : 'Settings' });
};

describe('settings', () => {
  it('saves the agent, shop and contact-timing rules, and refuses rules the recommender cannot use', async () => {
    const user = userEvent.setup();
    await renderPanel([]);
    await openSettings(user);
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
    // Nothing refused is stored: the rules still read as before (only the attempts were ever changed).
    expect(parseContactTimingSettings((await loadPreferences()).contactTiming)).toMatchObject({ maxPhoneAttempts: 2, quietHours: { callsFrom: 9 } });
  });

  it('switching the language changes nothing else: name, shop and contact rules stay', async () => {
    const user = userEvent.setup();
    await savePreferences({ agentName: '小李', shopName: '暖暖小店', promiseDueHours: 48, contactTiming: { maxPhoneAttempts: 2 } });
    await renderPanel([]);
    await user.click(await screen.findByRole('button', { name: 'English' }));
    await screen.findByRole('button', { name: '中文' });
    expect(await loadPreferences()).toMatchObject({ language: 'en', agentName: '小李', shopName: '暖暖小店', promiseDueHours: 48, contactTiming: { maxPhoneAttempts: 2 } });
    await openSettings(user, 'Settings');
    expect((screen.getByLabelText('My name (recorded in case history)') as HTMLInputElement).value).toBe('小李');
    // Saving one field while in English keeps the language and every other field.
    const shop = screen.getByLabelText('Shop name (used in wording)');
    await user.clear(shop);
    await user.type(shop, '暖暖旗舰店');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved');
    expect(await loadPreferences()).toMatchObject({ language: 'en', agentName: '小李', shopName: '暖暖旗舰店', promiseDueHours: 48, contactTiming: { maxPhoneAttempts: 2 } });
  });

  it('says which setting is wrong and why, in the panel language, never as raw JSON', async () => {
    const user = userEvent.setup();
    await renderPanel([]);
    await openSettings(user);
    const from = screen.getByLabelText('最早拨打时间（点，北京时间）');
    await user.clear(from);
    await user.type(from, '30');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    expect((await screen.findByRole('status')).textContent).toBe('设置无效：最早拨打时间不能超过 24。');
    await user.clear(from);
    await user.type(from, '22');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('设置无效：最早拨打时间必须早于停止拨打时间。'));
    const hours = screen.getByLabelText('承诺默认兑现时限（小时）');
    await user.clear(hours);
    await user.type(hours, '0');
    await user.clear(from);
    await user.type(from, '9');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('设置无效：承诺默认兑现时限不能小于 1。'));
    await user.clear(hours);
    await user.type(hours, '一天');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('设置无效：承诺默认兑现时限请填数字。'));
    expect((await loadPreferences()).promiseDueHours).toBe(24);

    await user.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('button', { name: '中文' });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Invalid settings: Default time to keep a promise must be a number.'));
  });

  it('reads full-width digits typed with a Chinese IME', async () => {
    const user = userEvent.setup();
    await renderPanel([]);
    await openSettings(user);
    const max = screen.getByLabelText('每个案例最多拨打次数');
    await user.clear(max);
    await user.type(max, '２');
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(async () => expect((await loadPreferences()).contactTiming).toMatchObject({ maxPhoneAttempts: 2 }));
  });

  it('Esc leaves settings; with unsaved changes it first says so', async () => {
    const user = userEvent.setup();
    await renderPanel([]);
    await openSettings(user);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('heading', { name: '设置' })).toBeNull());
    await openSettings(user);
    await user.type(screen.getByLabelText('店铺名称（用于话术）'), '暖暖小店');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('status').textContent).toMatch(/未保存/);
    expect(screen.getByRole('heading', { name: '设置' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('heading', { name: '设置' })).toBeNull());
    expect((await loadPreferences()).shopName).toBe('');
  });

  it('asks for the agent name on first use until one is given; the old default 客服 counts as none', async () => {
    const user = userEvent.setup();
    await savePreferences({ agentName: '客服' });
    await renderPanel([]);
    await user.click(await screen.findByRole('button', { name: '填写名字' }));
    const name = screen.getByLabelText('我的名字（记录在处理记录里）') as HTMLInputElement;
    expect(name.value).toBe('');
    expect(document.activeElement).toBe(name);
    await user.type(name, '小李{Enter}');
    await screen.findByText('设置已保存');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('heading', { name: '设置' })).toBeNull());
    expect(screen.queryByTestId('ask-name')).toBeNull();
    expect((await loadPreferences()).agentName).toBe('小李');
  });
});
