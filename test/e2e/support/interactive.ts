import type { Page } from '@playwright/test';

/**
 * Today, the board and insights arrive drawn by the server (data-rendered-at) and answer to input once the
 * browser has hydrated them (data-interactive). A test acting at once could click a button that does nothing
 * yet, so after each goto and reload this page waits for that moment; a page the browser draws itself is
 * waited for by what the test looks for, as before.
 */
export function whenInteractive(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const settle = () =>
    page.locator('html:not([data-rendered-at]), html[data-interactive]').waitFor({ state: 'attached' });
  page.goto = async (...args) => {
    const response = await goto(...args);
    await settle();
    return response;
  };
  page.reload = async (...args) => {
    const response = await reload(...args);
    await settle();
    return response;
  };
  return page;
}
