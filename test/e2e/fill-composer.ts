import type { Page } from 'playwright-core';

/**
 * Types a message into the open composer as a user does: the address into To, taken as a chip with Enter, then
 * the subject and the text. Sending (or not) is the test's own step.
 */
export async function fillComposer(page: Page, message: { to: string; subject: string; body: string }): Promise<void> {
  const to = page.getByTestId('compose-to').getByRole('combobox');
  await to.fill(message.to);
  await to.press('Enter');
  await page.getByTestId('compose-subject').fill(message.subject);
  await page.getByTestId('compose-body').fill(message.body);
}
