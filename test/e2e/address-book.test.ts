import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { addressChips, screenshot } from './web-app';
import { webSession } from './web-session';

/**
 * Reloads the page with its requests for the address list held on their way to the core, until the returned
 * function lets them go: the Address Book as it is while a large book loads.
 */
async function holdAddressListing(page: Page): Promise<() => void> {
  let holding = true;
  const held: (() => void)[] = [];
  await page.routeWebSocket(/./, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((frame) => {
      if (holding && typeof frame === 'string' && frame.includes('"addresses.list"')) held.push(() => server.send(frame));
      else server.send(frame);
    });
  });
  await page.reload();
  return () => {
    holding = false;
    held.splice(0).forEach((send) => send());
  };
}

describe('web mode: the Address Book', () => {
  const web = webSession();
  const book = () => web.page.getByTestId('address-book');
  const names = () => book().getByTestId('contact-name').allTextContents();
  /** "New list…" clear of the rule above the lists, not on it. */
  const expectNewListAboveTheRule = async () => {
    const button = (await book().getByTestId('contact-list-new').boundingBox())!;
    const rule = (await book().getByTestId('contact-lists').locator('.address-book__list').boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(rule.y - 4);
  };

  beforeAll(async () => {
    const bob = web.lab.users[1]!.email;
    await web.lab.seed(bob, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'Hello', to: bob })));
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[1]!);
    await web.page.getByTestId('message-row').nth(2).waitFor();
  });

  it('lists the addresses mail brought, searches them, and a name given by hand stays', async () => {
    await web.page.keyboard.press('Control+Shift+B');
    await book().waitFor();
    await expect.poll(names).toEqual(['bob@example.test', 'Sender 1', 'Sender 2', 'Sender 3'].map((n) => (n.includes('@') ? '(no name)' : n)));
    await book().getByTestId('contacts-search').fill('s2@');
    await expect.poll(names).toEqual(['Sender 2']);
    await book().getByTestId('contact-edit').click();
    await book().getByTestId('contact-name-input').fill('王芳');
    await book().getByTestId('contact-name-save').click();
    await expect.poll(names).toEqual(['王芳 ★']);
    await book().getByTestId('contacts-search').fill('');
    await book().getByTestId('contacts-new-name').fill('Carol Chen');
    await book().getByTestId('contacts-new-address').fill('carol@example.test');
    await book().getByTestId('contacts-add').click();
    await expect.poll(() => book().getByTestId('contacts-count').textContent()).toBe('5 addresses');
    await expectNewListAboveTheRule();
    await screenshot(web.page, 'address-book-en');
    // An address typed wrong says so; one already there is named anew, and the user told so, not left to guess.
    await book().getByTestId('contacts-new-address').fill('not-an-address');
    expect(await book().getByTestId('contacts-new-invalid').textContent()).toBe('“not-an-address” is not a valid email address.');
    const addAgain = async (name: string, words: string) => {
      await book().getByTestId('contacts-new-name').fill(name);
      await book().getByTestId('contacts-new-address').fill('Carol@example.test');
      await book().getByTestId('contacts-add').click();
      await web.page.getByTestId('toast').filter({ hasText: words }).waitFor();
    };
    await addAgain('C. Chen', 'carol@example.test was already in the Address Book as “Carol Chen”; it is now named “C. Chen”.');
    await addAgain('Carol Chen', 'carol@example.test was already in the Address Book as “C. Chen”; it is now named “Carol Chen”.');
    await addAgain('Carol Chen', 'carol@example.test is already in the Address Book.');
    expect(await book().getByTestId('contacts-count').textContent()).toBe('5 addresses');
    // Removing asks first: a name the user gave goes with it.
    await book().getByTestId('contacts-search').fill('s3@');
    await expect.poll(names).toEqual(['Sender 3']);
    await book().getByTestId('contact-remove').click();
    await web.page.getByTestId('confirm-ok').click();
    await expect.poll(() => book().getByTestId('contacts-count').textContent()).toBe('0 addresses');
    await book().getByTestId('contacts-search').fill('');
    await expect.poll(() => book().getByTestId('contacts-count').textContent()).toBe('4 addresses');
  });

  it('exports a vCard file and imports one, in Chinese; Write opens the composer to the address', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    const [download] = await Promise.all([web.page.waitForEvent('download'), book().getByTestId('contacts-export').click()]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toContain('FN:王芳\r\nEMAIL:s2@example.test\r\n');
    expect(exported.match(/BEGIN:VCARD/g)).toHaveLength(4);

    // A file that is no vCard is refused, saying so.
    const note = join(web.app.dataDir, '..', 'note.vcf');
    writeFileSync(note, 'Carol C.\r\ncarol@example.test\r\n');
    await book().getByTestId('contacts-import-file').setInputFiles(note);
    await book().locator('[data-error-code="NotVcardFile"]').getByText('该文件不是 vCard（.vcf）文件', { exact: false }).waitFor();

    // A phone's export: GBK, a vCard 2.1 card with bare parameters, a 3.0 card, and a card with no address.
    const file = join(web.app.dataDir, '..', 'friends.vcf');
    writeFileSync(file, iconv.encode([
      'BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=GB2312:李;明', 'FN;CHARSET=GB2312:李明', 'EMAIL;INTERNET;PREF:li@example.cn', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Carol C.', 'EMAIL:carol@example.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=GB2312:赵六', 'TEL;CELL:13800000000', 'END:VCARD', '',
    ].join('\r\n'), 'gbk'));
    await book().getByTestId('contacts-import-file').setInputFiles(file);
    await web.page.getByText('已导入：新增 1 个，已有 1 个。').waitFor();
    await web.page.getByTestId('toast').getByText('跳过 1 张名片（没有电子邮件地址）。').waitFor();
    expect(await book().locator('[data-error-code]').count()).toBe(0);
    await expect.poll(() => book().getByTestId('contacts-count').textContent()).toBe('5 个地址');
    // Chinese names by their pinyin among the Latin ones: 李 (li) before Sender, 王 (wang) after.
    expect((await names()).slice(1)).toEqual(['Carol C. ★', '李明 ★', 'Sender 1', '王芳 ★']);
    await expectNewListAboveTheRule();
    await screenshot(web.page, 'address-book-zh');
    await book().getByTestId('contacts-search').fill('李明');
    await expect.poll(names).toEqual(['李明 ★']);
    await book().getByTestId('contact-write').click();
    await book().waitFor({ state: 'detached' });
    await expect.poll(() => addressChips(web.page)).toEqual(['li@example.cn']);
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('language').selectOption('en');
  });

  it('finds a Chinese name by its pinyin: "wangf" in To offers 王芳, "lm" and "ming" in the search find 李明', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('action-compose').click();
    const to = web.page.getByTestId('compose-to').getByRole('combobox');
    await to.fill('wangf');
    const suggestion = web.page.getByTestId('address-suggestions').getByRole('option').filter({ hasText: 's2@example.test' });
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('王芳');
    await screenshot(web.page, 'compose-suggestion-pinyin-zh');
    await to.press('Enter');
    await expect.poll(() => addressChips(web.page)).toEqual(['王芳']);
    await web.page.getByTestId('compose-discard').click();
    await web.page.keyboard.press('Control+Shift+B');
    await book().getByTestId('contacts-search').fill('lm');
    await expect.poll(names).toEqual(['李明 ★']);
    await book().getByTestId('contacts-search').fill('ming');
    await expect.poll(names).toEqual(['李明 ★']);
    await book().getByTestId('contacts-search').fill('');
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('language').selectOption('en');
  });

  it('says it is loading while the first page of addresses is on its way, then counts them', async () => {
    const release = await holdAddressListing(web.page);
    await web.page.getByTestId('message-row').first().waitFor();
    await web.page.keyboard.press('Control+Shift+B');
    const loading = book().getByTestId('contacts-loading');
    await loading.waitFor();
    expect(await loading.textContent()).toBe('Loading the address book…');
    expect(await book().getByTestId('contacts-count').count()).toBe(0);
    await screenshot(web.page, 'address-book-loading-en');
    release();
    await expect.poll(() => book().getByTestId('contacts-count').textContent()).toBe('5 addresses');
    expect(await loading.count()).toBe(0);
    // Escape in a list being made cancels the list alone; the next one closes the book.
    await book().getByTestId('contact-list-new').click();
    await book().getByTestId('contact-list-name').fill('Team');
    await web.page.keyboard.press('Escape');
    await book().getByTestId('contact-list-editor').waitFor({ state: 'detached' });
    expect(await book().isVisible()).toBe(true);
    await web.page.keyboard.press('Escape');
    await book().waitFor({ state: 'detached' });
  });
});
