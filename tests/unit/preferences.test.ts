import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPreferences, savePreferences } from '@/lib/settings/preferences';
import { Request } from '@/lib/messaging/protocol';

describe('preferences', () => {
  it('a patch changes only what it names: switching the language keeps the name, the shop and the contact rules', async () => {
    await savePreferences({ agentName: '小李', shopName: '暖暖小店', promiseDueHours: 48, contactTiming: { maxPhoneAttempts: 2 } });
    // The panel's request goes through the protocol's schema, which must not fill in defaults either.
    const req = Request.parse({ type: 'saveSettings', settings: { language: 'en' } });
    await savePreferences(req.type === 'saveSettings' ? req.settings : {});
    expect(await loadPreferences()).toMatchObject({
      language: 'en', agentName: '小李', shopName: '暖暖小店', promiseDueHours: 48, contactTiming: { maxPhoneAttempts: 2 },
    });
  });

  it('has no agent name until the agent gives one; the old default 客服 counts as none', async () => {
    expect((await loadPreferences()).agentName).toBe('');
    await fakeBrowser.storage.local.set({ preferences: { agentName: '客服', shopName: '暖暖小店' } });
    expect(await loadPreferences()).toMatchObject({ agentName: '', shopName: '暖暖小店' });
  });

  it('keeps a broken stored setting as it was (never reset) while saving another', async () => {
    await fakeBrowser.storage.local.set({ preferences: { agentName: '小李', promiseDueHours: -3 } });
    await savePreferences({ shopName: '暖暖小店' });
    expect((await fakeBrowser.storage.local.get('preferences')).preferences).toMatchObject({ agentName: '小李', promiseDueHours: -3, shopName: '暖暖小店' });
    expect(await loadPreferences()).toMatchObject({ agentName: '小李', promiseDueHours: 24, shopName: '暖暖小店' });
  });
});
