import { afterEach, describe, expect, it } from 'vitest';
import { disposeSearchStore, message, searchStore } from './search-store';

afterEach(() => disposeSearchStore());

const shop = { name: 'Shop', address: 'news@shop.example' };

describe('search over body text', () => {
  it('finds the words of an HTML body whose plain-text alternative is only a stub (newsletters)', async () => {
    const { store, folder, search } = searchStore();
    const [id] = store.write(() => store.messages.insertHeaders(folder('INBOX'), [message('This week', shop)]));
    store.write(() => store.bodies.saveBody(id!, {
      text: 'Trouble viewing this email? Open it in your browser.',
      html: '<html><body><h1>Spring sale</h1><p>Umbrellas half price, 雨伞半价</p><a href="https://shop.example/unsubscribe">Unsubscribe</a></body></html>',
      warnings: [],
    }));
    expect(await search('umbrellas')).toEqual([id]);
    expect(await search('雨伞')).toEqual([id]);
    expect(await search('unsubscribe')).toEqual([id]);
    expect(await search('shop.example/unsubscribe')).toEqual([]);
  });

  it('keeps a full plain-text alternative as the body: its words are found, the markup never is', async () => {
    const { store, folder, search } = searchStore();
    const [id] = store.write(() => store.messages.insertHeaders(folder('INBOX'), [message('Minutes', shop)]));
    store.write(() => store.bodies.saveBody(id!, {
      text: 'The minutes of the planning meeting are below. '.repeat(20),
      html: `<div style="font-family: Helvetica">${'<p>The minutes of the planning meeting are below.</p>'.repeat(20)}</div>`,
      warnings: [],
    }));
    expect(await search('planning minutes')).toEqual([id]);
    expect(await search('helvetica')).toEqual([]);
  });
});

describe('search over Chinese body text broken across lines', () => {
  it('finds a word a hard line wrap cut in two, in plain text, in a quoted reply and in HTML source', async () => {
    const { store, folder, search } = searchStore();
    const [plain, quoted, html, spaced] = store.write(() =>
      store.messages.insertHeaders(folder('INBOX'), [message('通知', shop), message('回复', shop), message('网页', shop), message('空格', shop)]),
    );
    store.write(() => {
      store.bodies.saveBody(plain!, { text: '请大家准时参加明天下午的会\r\n议，地点在三楼。', html: null, warnings: [] });
      store.bodies.saveBody(quoted!, { text: '> 明天的预\n> 算评审改到下午\n\n好的', html: null, warnings: [] });
      store.bodies.saveBody(html!, { text: null, html: '<p>第三季度的销售\n  报告已经发出</p>', warnings: [] });
      store.bodies.saveBody(spaced!, { text: '第三季度 报告', html: null, warnings: [] });
    });
    expect(await search('会议')).toEqual([plain]);
    expect(await search('预算')).toEqual([quoted]);
    expect(await search('销售报告')).toEqual([html]);
    // A space typed between Chinese words is a break the writer meant: it stays one.
    expect(await search('度报')).toEqual([]);
  });
});
