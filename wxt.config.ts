import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { contentScriptGate, portalMatches } from './rules/portals/registry';

/**
 * The popup's stylesheet goes inline into popup.html: one request fewer before its first paint, and its
 * script need not wait for a stylesheet to load. Extension pages' default CSP restricts scripts only,
 * so a <style> element is allowed. Other pages keep their linked stylesheets.
 */
function inlinePopupStylesheet(): Plugin {
  return {
    name: 'oon-inline-popup-stylesheet',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['entrypoints/popup/index.html'];
      if (html?.type !== 'asset') return;
      html.source = String(html.source).replace(
        /<link rel="stylesheet"[^>]* href="\/([^"]+\.css)">/g,
        (link, file: string) => {
          const css = bundle[file];
          return css?.type === 'asset' ? `<style>${String(css.source)}</style>` : link;
        },
      );
    },
  };
}

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
      // In-app (history.pushState) navigation in a portal frame that had nothing to read: the background
      // sees it and injects the reader when the new address is one a rule reads, so the content script
      // itself need not watch navigation on every page. Its install prompt is the one 'tabs' already
      // gives ("Read your browsing history").
      'webNavigation',
    ].filter((p) => browser !== 'firefox' || p !== 'sidePanel'),
    host_permissions: portalMatches(),
    // The portal content script (entrypoints/portal.ts) is listed here rather than defined with
    // defineContentScript: it is small and runs in every portal frame, so it goes without WXT's
    // content-script wrapper; the reader it loads on demand carries WXT's context (entrypoints/portal-reader.ts).
    // Started before the page's markup exists, so the reader is asked for at once; reading waits for the DOM.
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
  hooks: {
    // The popup is built on its own, so its first paint needs one script and no chunk shared with the
    // other pages (issue 6: popup open to content under 100 ms). Built with the pages, its entry
    // imported Preact, the browser shim and Vite's preload helper from shared chunks: four requests
    // the extension's page loader answered one after another before any of its code could run.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group)) continue;
        const popup = group.findIndex((e) => e.type === 'popup');
        if (popup === -1 || group.length === 1) continue;
        const [entry] = group.splice(popup, 1);
        groups.push([entry!]);
        return;
      }
    },
  },
  vite: () => ({
    // The portal content script carries only the rules' hosts and address prefixes; the background
    // checks the URL patterns and the reader it injects has the rest.
    define: { __OON_PORTAL_GATE__: JSON.stringify(contentScriptGate()) },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
    build: { sourcemap: false },
    plugins: [inlinePopupStylesheet()],
  }),
});
