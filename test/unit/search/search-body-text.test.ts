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
