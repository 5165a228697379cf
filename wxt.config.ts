import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PRESET_HOST_PERMISSIONS } from './utils/core/presets';
import { firefoxSettings } from './scripts/firefox-manifest';
import { inlineStyles } from './scripts/inline-styles';

const BLOCK_PAGE = /entrypoints\/block\/index\.html$/;

// The gate redirects with declarativeNetRequest, which needs host access to the gated sites.
// We ask for the preset webmail hosts up front and for any other site only when a person adds it
// (optional_host_permissions, requested from the commitment form).
export default defineConfig({
  // Tests build a second copy pointed at the local emulators (tests/e2e/partners.spec.ts) without touching .output.
  outDir: process.env.TANDEM_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // The block page's first frame waits for nothing it can do without: its stylesheet is inline and none of its app's
  // modules are preloaded (they load once that frame is in, entrypoints/block/main.tsx; docs/architecture.md).
  vite: () => ({
    plugins: [preact(), inlineStyles(BLOCK_PAGE)],
    build: { modulePreload: { resolveDependencies: (_file, deps, { hostId }) => (BLOCK_PAGE.test(hostId) ? [] : deps) } },
  }),
  // `npm run zip`: Firefox's sources archive (for addons.mozilla.org's review) holds what `git ls-files` would,
  // less the hidden files WXT leaves out (.env, .ci): no test output, benchmark figures, logs or profiles.
  zip: {
    excludeSources: ['bench-results.json', 'test-results/**', 'playwright-report/**', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    // Words from public/_locales (en, de), in the browser's language.
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // unlimitedStorage (Chromium only): exempts the extension's IndexedDB from eviction when the disk runs low, which
    // navigator.storage.persist() alone does not get an extension there (Chromium answers no); no install warning.
    // Firefox never evicts an extension's storage, and would list this permission at install, so it is left out.
    permissions: ['declarativeNetRequestWithHostAccess', 'storage', 'alarms', 'idle', ...(browser === 'firefox' ? [] : ['unlimitedStorage'])],
    host_permissions: PRESET_HOST_PERMISSIONS,
    optional_host_permissions: ['*://*/*'],
    // Only for the opt-in "tell me when my partner is done" notification, asked for when it is turned on.
    optional_permissions: ['notifications'],
    // The block page is where the gate redirects (DNR needs it web-accessible). `use_dynamic_url`: a site cannot load
    // it by its fixed address, so it cannot tell that Tandem is installed; the redirect still reaches it
    // (tests/e2e/gate.spec.ts checks both).
    web_accessible_resources: [{ resources: ['block.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    // A keyboard shortcut for the check-in (people can change it at chrome://extensions/shortcuts). Not Alt+Shift+T:
    // Chrome keeps that one (focus the toolbar) and silently leaves a suggested key it keeps unassigned.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_command_open_checkin__' },
      // utils/services/focus-command.ts: the first pending commitment kept with focus sessions.
      'start-focus': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_command_start_focus__' },
    },
    // Firefox (built as MV3 too: `npm run build:firefox`): the add-on id (TANDEM_FIREFOX_ID), the minimum versions
    // and what the build transmits — nothing for a local-only build, the partner summary for a sync build
    // (scripts/firefox-manifest.ts; README.md, "Publishing").
    ...(browser === 'firefox' && { browser_specific_settings: firefoxSettings(process.env) }),
  }),
});
