import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabUser } from '../lab/lab';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const run = promisify(execFile);

// Read in the page (page.evaluate); the e2e files are compiled without the DOM's types.
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelector(selector: string): { getBoundingClientRect(): { width: number; left: number; right: number } } | null;
  querySelectorAll(selector: string): Iterable<{ getBoundingClientRect(): { height: number } }>;
};

const LONG_SUBJECT = 'Quarterly planning: budget, hiring, the office move and everything else we said we would settle before the end of the year';
const MESSAGE = [
  'From: Bob Example-Sender <bob@example.test>',
  'To: Alice <alice@example.test>',
  `Subject: ${LONG_SUBJECT}`,
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <long@example.test>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello Alice, here is the plan.',
  '',
].join('\r\n');

describe('web mode at the smallest window Wren is laid out for (1000 px)', () => {
  const web = webSession({ page: { viewport: { width: 1000, height: 700 } } });
  let alice: LabUser;

  beforeAll(async () => {
    alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [MESSAGE]);
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, alice);
    await web.page.getByTestId('setup-account-name').fill('McAlice at Example.test');
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('message-row').first().waitFor();
  });

  const widthOf = (selector: string) => web.page.evaluate((s) => Math.round(document.querySelector(s)?.getBoundingClientRect().width ?? 0), selector);
  /** Where a divider's middle stands, from the window's left. */
  const edgeOf = (selector: string) =>
    web.page.evaluate((s) => {
      const box = document.querySelector(s)!.getBoundingClientRect();
      return Math.round((box.left + box.right) / 2);
    }, selector);
  /** The list's column is what lies between the folder pane and the reading pane (the list itself draws a border inside it). */
  const paneWidths = async () => {
    const [folders, reading] = [await widthOf('.folder-tree'), await widthOf('[data-testid="reading-pane"]')];
    return { folders, list: 1000 - folders - reading, reading };
  };
  const sidewaysScroll = () => web.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('shows the three panes side by side, none squeezed to nothing, and the page never scrolls sideways', async () => {
    await web.page.getByTestId('message-row').first().click();
    await web.page.getByTestId('message-text').waitFor();
    await screenshot(web.page, 'narrow-window-1000');
    // The default widths fit as they are.
    expect(await paneWidths()).toEqual({ folders: 240, list: 420, reading: 340 });
    expect([await edgeOf('[data-testid="pane-divider-folders"]'), await edgeOf('[data-testid="pane-divider-list"]')]).toEqual([240, 660]);
    expect(await sidewaysScroll()).toBe(0);
    // The toolbar's buttons keep their words on one line (in English, the longer of the two languages).
    const heights = await web.page.evaluate(() => [...document.querySelectorAll('.toolbar button')].map((button) => Math.round(button.getBoundingClientRect().height)));
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(4);
    // Its label hidden to make room, the language's select keeps its name.
    expect(await web.page.getByRole('combobox', { name: 'Language' }).isVisible()).toBe(true);
  });

  it('keeps the reading pane when the saved pane widths were set on a wider screen', async () => {
    await run(process.execPath, ['bin/wren.cjs', '--data-dir', web.app.dataDir, 'settings', 'set', 'app.panes', '{"folders":360,"list":800}'], {
      env: { ...process.env, XDG_CONFIG_HOME: join(dirname(web.app.dataDir), 'config') },
    });
    // The running app takes the change (about 2 s); the folder and list panes give way, the reading pane keeps its minimum.
    await expect.poll(() => paneWidths(), { timeout: 10_000 }).toEqual({ folders: 340, list: 340, reading: 320 });
    expect(await sidewaysScroll()).toBe(0);
    await screenshot(web.page, 'narrow-window-wide-panes');
    expect(await web.page.getByTestId('message-text').innerText()).toContain('here is the plan');
    // The dividers stay on the panes' edges as drawn, and a move starts from there (and saves the widths drawn):
    // the folder pane a step narrower, the list as it was seen, the reading pane wider by that step.
    expect(await edgeOf('[data-testid="pane-divider-folders"]')).toBe(340);
    expect(await edgeOf('[data-testid="pane-divider-list"]')).toBe(680);
    await web.page.getByTestId('pane-divider-folders').focus();
    await web.page.keyboard.press('ArrowLeft');
    await expect.poll(() => paneWidths(), { timeout: 10_000 }).toEqual({ folders: 324, list: 340, reading: 336 });
  });

  it('writes the account heading as the user typed it (no forced capitals)', async () => {
    const heading = web.page.getByTestId('account-heading');
    // innerText is the text as drawn, CSS text-transform applied.
    expect(await heading.innerText()).toBe('McAlice at Example.test');
  });

  it('stays within the window in Chinese too', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('action-compose').filter({ hasText: '写邮件' }).waitFor();
    expect(await sidewaysScroll()).toBe(0);
    await screenshot(web.page, 'narrow-window-1000-zh');
    await web.page.getByTestId('language').selectOption('en');
  });
});
