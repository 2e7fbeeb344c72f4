import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderPanel } from './panel-harness';
import { savePreferences } from '@/lib/settings/preferences';

// The side panel's header opens the dashboard (dashboard.html) in a new tab, in the panel's language.
describe('the side panel links to the dashboard', () => {
  it('统计看板 in the header opens dashboard.html in a new tab, and the panel stays on its queue', async () => {
    const user = userEvent.setup();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await renderPanel([]);
    const link = await screen.findByRole('button', { name: '统计看板' });
    expect(link.closest('header')).not.toBeNull();
    expect(link.getAttribute('title')).toMatch(/新标签页/);
    expect(create).not.toHaveBeenCalled();
    await user.click(link);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    const [props] = create.mock.calls[0]!;
    expect(props).toEqual({ url: fakeBrowser.runtime.getURL('/dashboard.html') });
    expect(props.url).toMatch(/\/dashboard\.html$/);
    // Nothing in the panel changed: still the queue, no settings opened.
    expect(screen.queryByRole('heading', { name: '设置' })).toBeNull();
  });

  it('reads Dashboard in English', async () => {
    await savePreferences({ language: 'en' });
    await renderPanel([]);
    expect(await screen.findByRole('button', { name: 'Dashboard' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '统计看板' })).toBeNull();
  });
});
