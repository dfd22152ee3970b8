import { defineConfig } from 'wxt';

/**
 * The hearback browser clipper (docs/extension.md). `npm run build:extension` writes the unpacked builds to
 * dist/extension/chrome-mv3 and dist/extension/firefox-mv3, with a zip of each beside them.
 */

/**
 * The public half of the key that fixes the Chromium extension's id (cgdnccfioehiegodnddlbiblafpfgmdk, in
 * src/core/browser-extension.ts), so hearback knows the Origin of its requests. Only the public key is here;
 * an unpacked or zipped build needs no private one.
 */
const chromiumKey =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAurAX4BhRpoUmVv9HGKuKNo6ZSSoa9zbO4dw3ADobBRL0FyR2grr3OKGCylNpgdVCbQs7FjrmEQbf7vgPSpFaBSws8QJW/OBDQBMlmw8P63dworByuo5Pv0ad6A6qIsnKSp3k9m+0UlxIBINDTllvTCok/YfFFcNL0brLs/qYeTUfwPP8TwSKQYSUs8aM9cRacHMeXY2cNv8aKEij56aQGX0wsff2IUflasGqRRNZlzoogErX50xclQynP+32NRdD8NRbo48Lt/N/OeDD9HbS3lEhFMLYN3qXWzFaWWS5kYabOluP4z5Kq1POTsFxcNoIVGF7BdEFuXJM+CO21bMOpQIDAQAB';

/** Local mode: hearback on this machine, any port. Any other address is asked for when pairing. */
const loopbackHosts = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  outDir: '../dist/extension',
  imports: false,
  zip: { name: 'hearback-clipper', zipSources: false },
  manifest: ({ browser }) => ({
    name: 'hearback clipper',
    description: 'Save the job posting you are looking at into your own hearback.',
    version: '0.1.0',
    permissions: ['activeTab', 'scripting'],
    host_permissions: loopbackHosts,
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Clip to hearback' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Clip this posting to hearback',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clipper@hearback.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { key: chromiumKey }),
  }),
});
