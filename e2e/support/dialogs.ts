import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The open dialog once its opening animation has ended. antd zooms a dialog in; on a loaded machine a click
 * that Playwright found "stable" during the zoom was lost (the dialog stayed open, no request was sent), where a
 * person clicks only once the dialog stands still.
 */
export const openedDialog = async (page: Page, name?: string): Promise<Locator> => {
  const dialog = name === undefined ? page.getByRole('dialog') : page.getByRole('dialog', { name, exact: true });
  await dialog.waitFor();
  await expect.poll(async () => (await dialog.getAttribute('class')) ?? '').not.toMatch(/-(appear|enter)\b/u);
  return dialog;
};
