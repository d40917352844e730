import { defineConfig } from 'wxt';
import { portalMatches, portalUrlRules } from './rules/portals/registry';

// Host permissions are exactly the supported portals; portals the biller adds are granted at run time
// through optional_host_permissions, never "<all_urls>" at install (issue 4).
export default defineConfig({
  imports: false,
  // Parallel work on one machine builds into separate folders (OON_OUT_DIR); the default is .output.
  outDir: process.env.OON_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'OON Guard',
    description:
      'Checks out-of-network payments on payer portals against your fee schedules. Claim data never leaves this computer.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'sidePanel',
      'tabs',
      'alarms',
      'notifications',
      'contextMenus',
      'clipboardWrite',
      'scripting',
    ].filter((p) => browser !== 'firefox' || p !== 'sidePanel'),
    host_permissions: portalMatches(),
    // The portal content script (entrypoints/portal.ts) is listed here rather than defined with
    // defineContentScript: it is small and runs in every portal frame, so it goes without WXT's
    // content-script wrapper; the reader it loads on demand carries WXT's context (entrypoints/portal-reader.ts).
    // Started before the page's markup exists, so named elements (<form name="chrome">) cannot shadow
    // the extension API globals it pins; reading waits for the DOM.
    content_scripts: [
      { matches: portalMatches(), all_frames: true, run_at: 'document_start', js: ['portal.js'] },
    ],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'OON Guard' },
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: 'Open the OON Guard side panel',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'oon-guard@example.org' } } }
      : {}),
  }),
  vite: () => ({
    // The portal content script carries only the rules' URL side; the reader it loads has the rest.
    define: { __OON_PORTAL_URL_RULES__: JSON.stringify(portalUrlRules()) },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
    build: { sourcemap: false },
  }),
});
