import { defineConfig } from 'wxt';

// Manifest strings come from public/_locales (zh_CN is the default locale).
export default defineConfig({
  // WXT_OUT_DIR lets a second build (a benchmark, a parallel e2e run) write elsewhere than .output.
  outDir: process.env.WXT_OUT_DIR || '.output',
  modules: ['@wxt-dev/module-react'],
  hooks: {
    // Content scripts bundle as anonymous functions: a named one (wxt 0.20's default, `var consoleTap = …`)
    // leaves its name on the seller's page and, in the reader's world, replaces `console` itself.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type === 'content-script') entrypoint.options.globalName ??= false;
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Only what the features need: local storage, the side panel, alarms and notifications for reminders, and the
    // toolbar icon's right-click menu item that opens the dashboard.
    permissions: browser === 'firefox'
      ? ['storage', 'alarms', 'notifications', 'contextMenus']
      : ['storage', 'sidePanel', 'alarms', 'notifications', 'contextMenus'],
    // No host permission, now or at connect: the shop's team server answers CORS for this extension's origin.
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'reviewdesk@reviewdesk.local',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
