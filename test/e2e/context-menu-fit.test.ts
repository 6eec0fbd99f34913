import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** The open menu's box, whether it scrolls inside, and its last item's box, as the page lays them out. */
const menuLayout = (page: Page) =>
  page.getByRole('menu').evaluate((menu) => {
    const items = menu.querySelectorAll('[role="menuitem"]');
    const last = items[items.length - 1]!.getBoundingClientRect();
    const box = menu.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, scrolls: menu.scrollHeight > menu.clientHeight, lastBottom: last.bottom };
  });

/** The message menu at 1024×700 was 598 px tall against a max-height of 588 px: its last item ran off the window. */
describe('web mode: the message menu fits a 1024×700 window', () => {
  const web = webSession({ page: { viewport: { width: 1024, height: 700 } } });
  const rows = () => web.page.getByTestId('message-row');

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', Array.from({ length: 8 }, (_, index) => simpleMessage(index + 1, { subject: `Menu test ${index + 1}` })));
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await rows().nth(7).waitFor();
  });

  /** Right-clicks at a row's middle and checks the whole menu, its last item too, is inside the window, unscrolled. */
  const menuFitsAt = async (index: number, shot?: string) => {
    const box = (await rows().nth(index).boundingBox())!;
    await web.page.mouse.click(box.x + 200, box.y + box.height / 2, { button: 'right' });
    await web.page.getByRole('menu').waitFor();
    const menu = await menuLayout(web.page);
    if (shot) await screenshot(web.page, shot);
    await web.page.keyboard.press('Escape');
    await web.page.getByRole('menu').waitFor({ state: 'detached' });
    expect(menu.top).toBeGreaterThanOrEqual(0);
    expect(menu.bottom).toBeLessThanOrEqual(700);
    expect(menu.right).toBeLessThanOrEqual(1024);
    expect(menu.lastBottom).toBeLessThanOrEqual(menu.bottom);
    expect(menu.scrolls).toBe(false);
  };

  it('opened on a row at the top, the middle or the bottom of the list, in English', async () => {
    await menuFitsAt(0);
    await menuFitsAt(3, 'context-menu-fit-en');
    await menuFitsAt(7);
  });

  it('in Chinese, whose labels are wider', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await menuFitsAt(0);
    await menuFitsAt(3, 'context-menu-fit-zh');
    await menuFitsAt(7);
    await web.page.getByTestId('language').selectOption('en');
  });
});
