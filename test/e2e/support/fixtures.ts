import { test as base, expect, type Page } from '@playwright/test';
import { type ApiClient, createApiClient } from '../../../src/web/api-client.js';
import { type AppServer, startAppServer } from './app-server.js';
import { whenInteractive } from './interactive.js';

type AppInfo = Pick<AppServer, 'url'>;

type Fixtures = {
  /** The hearback this test talks to: the shared one from global setup, or its own when `freshServer`. */
  app: AppInfo;
  /** The UI's own typed API client, pointed at that server, for seeding and checking what was stored. */
  api: ApiClient;
  /** Errors the page raised or logged; the test fails if any is left unexpected at its end. */
  pageErrors: string[];
};

type Options = {
  /** Start a separate hearback with an empty database for this test (a new user's first day). */
  freshServer: boolean;
  /** With `freshServer`: start it with HEARBACK_ALLOW_PRIVATE_FETCH=1 (a fake posting site on 127.0.0.1). */
  allowPrivateFetch: boolean;
  /** With `freshServer`: the server machine's time zone, a new user's default (Europe/Berlin unless set). */
  serverTimeZone: string | undefined;
  /** With `freshServer`: leave the first-run set-up to be offered (every other test starts set up). */
  firstRun: boolean;
  /** With `freshServer`: HEARBACK_PUBLIC_URL set to the server's own address (the employer response link). */
  publicUrl: boolean;
};

/** Network failures the tests cause on purpose (409 duplicates, 400 refusals) are logged by Chromium too. */
function isExpectedConsoleError(text: string): boolean {
  return /^Failed to load resource: the server responded with a status of 4\d\d/.test(text);
}

export const test = base.extend<Fixtures & Options>({
  freshServer: [false, { option: true }],
  allowPrivateFetch: [false, { option: true }],
  serverTimeZone: [undefined, { option: true }],
  firstRun: [false, { option: true }],
  publicUrl: [false, { option: true }],
  app: async ({ freshServer, allowPrivateFetch, serverTimeZone, firstRun, publicUrl }, use) => {
    if (!freshServer) {
      const url = process.env.HEARBACK_E2E_URL;
      if (!url)
        throw new Error('HEARBACK_E2E_URL is not set: run through playwright.config.ts (global setup)');
      await use({ url });
      return;
    }
    const server = await startAppServer({ allowPrivateFetch, timeZone: serverTimeZone, firstRun, publicUrl });
    await use(server);
    await server.stop();
  },
  baseURL: async ({ app }, use) => use(app.url),
  page: async ({ page }, use) => use(whenInteractive(page)),
  api: async ({ app }, use) => use(createApiClient({ baseUrl: app.url })),
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !isExpectedConsoleError(message.text())) {
          errors.push(`console error: ${message.text()}`);
        }
      });
      await use(errors);
      expect(errors, 'the page raised or logged errors (CSP violations included)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect, whenInteractive };

/** Describes the element that has keyboard focus, for keyboard-only checks and their failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) return 'nothing';
  const tag = await page.evaluate<string>('document.activeElement.tagName.toLowerCase()');
  const label =
    (await focused.getAttribute('aria-label')) ?? ((await focused.textContent()) ?? '').trim().slice(0, 60);
  return `${tag}: ${label}`;
}
