import { beforeAll, describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

type Box = { x: number; y: number; width: number; height: number };
const bottomOf = (box: Box) => box.y + box.height;

describe('web mode at 1024 × 700 in Chinese: the composer fits, and toasts cover as little as they can', () => {
  const web = webSession({ page: { viewport: { width: 1024, height: 700 } } });
  let user: LabUser;

  const composer = () => web.page.getByTestId('composer');
  const boxOf = async (testId: string) => (await web.page.getByTestId(testId).first().boundingBox())!;
  const addChips = async (field: string, addresses: string) => {
    const input = web.page.getByTestId(field).getByRole('combobox');
    await input.fill(addresses);
    await input.press('Enter');
  };

  beforeAll(async () => {
    user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'INBOX', [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => simpleMessage(n, { subject: 'Note', to: user.email })));
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await web.page.getByTestId('message-row').filter({ hasText: 'Note 9' }).waitFor();
    await web.page.getByTestId('language').selectOption('zh');
  });

  it('with To on two rows, Cc, Bcc, two files and Send later open, Discard and the time can still be reached', async () => {
    await web.page.keyboard.press('c');
    await composer().waitFor();
    await addChips('compose-to', '张伟 <zw@example.test>, bob@example.test, "Very Long Display Name For Someone Important" <vip@example.test>, carol@example.test');
    // One press on 抄送/密送 while an address is typed in To: it opens them (the chip made on leaving To moved the button before).
    await web.page.getByTestId('compose-to').getByRole('combobox').fill('dave@example.test');
    await web.page.getByTestId('compose-show-cc').click();
    await web.page.getByTestId('compose-cc').waitFor();
    await addChips('compose-cc', 'erin@example.test');
    await addChips('compose-bcc', 'frank@example.test');
    await web.page.getByTestId('compose-subject').fill('这是一个很长的中文主题，用来测试窄窗口下的显示效果');
    await web.page.getByTestId('compose-body').fill('正文内容。\n附件见下。');
    await web.page.getByTestId('compose-file-input').setInputFiles([
      { name: '季度报告 2026.txt', mimeType: 'text/plain', buffer: Buffer.from('报告\n'.repeat(100)) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes\n'.repeat(100)) },
    ]);
    await expect.poll(() => web.page.getByTestId('compose-attachment').count()).toBe(2);
    await web.page.getByTestId('compose-send-later').click();
    await web.page.getByTestId('compose-send-at-words').waitFor();

    const panel = (await composer().boundingBox())!;
    expect(bottomOf(panel)).toBeLessThanOrEqual(700);
    // The buttons stay in the composer's view; the text box shrank but is still there to write in.
    for (const id of ['compose-send', 'compose-send-at-words']) expect(bottomOf(await boxOf(id))).toBeLessThanOrEqual(bottomOf(panel));
    expect((await boxOf('compose-body')).height).toBeGreaterThanOrEqual(60);
    await screenshot(web.page, 'composer-narrow-zh-send-later');
    const discard = await boxOf('compose-discard');
    expect(discard.y).toBeGreaterThanOrEqual(panel.y);
    expect(bottomOf(discard)).toBeLessThanOrEqual(bottomOf(panel));
    // Scrolled down (the wheel, as QA tried), the files come out from under the buttons.
    await composer().hover({ position: { x: 300, y: 300 } });
    await web.page.mouse.wheel(0, 400);
    const actions = (await web.page.locator('.composer__actions').boundingBox())!;
    await expect.poll(async () => bottomOf((await web.page.getByTestId('compose-attachment').last().boundingBox())!)).toBeLessThanOrEqual(actions.y);
    // And the top: From and To are reached again by scrolling back.
    await screenshot(web.page, 'composer-narrow-zh-send-later-scrolled');
    await web.page.getByTestId('compose-to').scrollIntoViewIfNeeded();
    expect((await boxOf('compose-to')).y).toBeGreaterThanOrEqual(panel.y);
    await web.page.getByTestId('compose-send-later-cancel').click();
  });

  it('in formatted text with the forgotten-file reminder shown, the editor ends above 添加附件', async () => {
    while ((await web.page.getByTestId('compose-attachment').count()) > 0) await web.page.getByTestId('compose-attachment').first().getByRole('button').click();
    await web.page.getByTestId('compose-formatted').check();
    await web.page.getByTestId('compose-body').fill(Array.from({ length: 12 }, (_, i) => `第 ${i + 1} 行：请看附件中的修改意见。`).join('\n'));
    await web.page.getByTestId('compose-send').click();
    await web.page.locator('.composer__reminder').waitFor();
    const editor = (await web.page.locator('.rich-text').boundingBox())!;
    const text = await boxOf('compose-body');
    const attach = await boxOf('compose-attach');
    expect(bottomOf(text)).toBeLessThanOrEqual(bottomOf(editor) + 0.5);
    expect(bottomOf(editor)).toBeLessThanOrEqual(attach.y);
    await screenshot(web.page, 'composer-narrow-zh-reminder');
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });
  });

  it('a toast sits bottom right, off the message list, and lets clicks through beside it', async () => {
    await web.page.getByTestId('toast-undo').waitFor(); // the discarded draft's
    const toast = (await web.page.getByTestId('toast').first().boundingBox())!;
    const reading = (await web.page.locator('.reading-pane').first().boundingBox())!;
    expect(toast.x).toBeGreaterThanOrEqual(reading.x);
    expect(toast.x + toast.width).toBeLessThanOrEqual(1024);
    await screenshot(web.page, 'toast-narrow-zh');
    // At the toast's height over the list, a click reaches the list, not the toasts' container (which spans the window).
    const list = (await web.page.getByTestId('message-list').boundingBox())!;
    const caught = await web.page.evaluate(
      ([x, y]) => (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): { closest(s: string): unknown } | null } }).document.elementFromPoint(x!, y!)?.closest('.toasts') ?? null,
      [list.x + 20, toast.y + toast.height / 2],
    );
    expect(caught).toBeNull();
  });
});
