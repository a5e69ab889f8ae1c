/** Small helpers for driving Ant Design controls the way a user does (click, type, pick). */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the antd Select labelled `label` inside `scope` and picks the option whose text is `option`. */
export async function pickOption(page: Page, scope: Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByLabel(label, { exact: typeof label === 'string' }).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
  await expect(dropdown).toBeHidden();
}

/** The open modal or drawer whose title matches. */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog').filter({ has: page.getByText(title) }).last();
}

/** Fixes both clocks: the host's (`ROUNDS_NOW`, given at launch) and the browser's. */
export async function fixBrowserClock(page: Page, now: string): Promise<void> {
  await page.clock.install({ time: new Date(now) });
}
