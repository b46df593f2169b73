import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * antd's Select: open the combobox labelled `label` inside `scope` and click the option titled `option` once the
 * dropdown has finished sliding in. A click during the slide was lost on a loaded machine (the option stayed
 * listed for the whole wait), as clicks on a zooming dialog were (support/dialogs.ts).
 */
export const chooseOption = async (page: Page, scope: Locator, label: string, option: string): Promise<void> => {
  await scope.getByLabel(label, { exact: true }).click();
  const optionSelector = `.ant-select-item-option[title="${option}"]`;
  const dropdown = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .filter({ has: page.locator(optionSelector) });
  await dropdown.waitFor();
  await expect.poll(async () => (await dropdown.getAttribute('class')) ?? '').not.toMatch(/-(appear|enter)\b/u);
  const item = dropdown.locator(optionSelector);
  await item.click();
  await item.waitFor({ state: 'hidden' });
};
