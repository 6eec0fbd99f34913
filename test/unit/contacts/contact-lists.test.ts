import { afterEach, describe, expect, it } from 'vitest';
import { ContactLists } from '../../../src-main/contacts/contact-lists';
import { tempStore } from '../store/temp-store';
import { spellingFinds } from '../../../src-main/ipc/contract-constants';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function setup() {
  const t = tempStore();
  dispose = t.dispose;
  return { store: t.store, lists: new ContactLists(t.store) };
}

describe('ContactLists', () => {
  it('keeps a list\'s members once each, in order; lists by name; replaces members and name; removes', () => {
    const { lists } = setup();
    const team = lists.save({ name: ' Team ', members: [
      { name: '张伟', address: 'zhang.wei@example.com' }, { name: '', address: 'li.na@example.com' }, { name: 'Again', address: 'ZHANG.WEI@example.com' },
    ] });
    expect(team).toEqual({ id: expect.any(Number), name: 'Team', members: [{ name: '张伟', address: 'zhang.wei@example.com' }, { name: '', address: 'li.na@example.com' }], spelling: '' });
    const family = lists.save({ name: 'family', members: [{ name: 'Mum', address: 'mum@family.example.org' }] });
    expect(lists.all().map((list) => list.name)).toEqual(['family', 'Team']);
    const changed = lists.save({ id: team.id, name: 'Project team', members: [{ name: '', address: 'wang.fang@example.com' }] });
    expect(changed).toEqual({ id: team.id, name: 'Project team', members: [{ name: '', address: 'wang.fang@example.com' }], spelling: '' });
    expect(lists.remove(family.id)).toEqual({ removed: true });
    expect(lists.all()).toEqual([changed]);
  });

  it('gives a Chinese name its pinyin spellings, which find it as the composer looks for it', () => {
    const { lists } = setup();
    const saved = lists.save({ name: '单位同事', members: [{ name: '', address: 'a@example.cn' }] });
    expect(lists.all()).toEqual([saved]);
    // 单 read as a surname (shan) and as a word (dan): the list is found either way.
    for (const typed of ['danwei', 'shanwei', 'dwts', 'tongshi', 'TS']) expect(spellingFinds(saved.spelling, typed), typed).toBe(true);
    for (const typed of ['d', 'weidan', '单位', 'dw ts']) expect(spellingFinds(saved.spelling, typed), typed).toBe(false);
    expect(lists.save({ name: 'Team', members: [{ name: '', address: 'b@example.com' }] }).spelling).toBe('');
  });

  it('refuses a name taken (whatever its case), a list with no one, and what is not there', () => {
    const { lists } = setup();
    const team = lists.save({ name: 'Team', members: [{ name: '', address: 'a@example.com' }] });
    expect(() => lists.save({ name: 'TEAM', members: [{ name: '', address: 'b@example.com' }] })).toThrow(expect.objectContaining({ code: 'BadRequest' }));
    expect(() => lists.save({ name: 'Empty', members: [] })).toThrow(expect.objectContaining({ code: 'BadRequest' }));
    expect(() => lists.save({ id: 99, name: 'x', members: [{ name: '', address: 'a@example.com' }] })).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => lists.remove(99)).toThrow(expect.objectContaining({ code: 'NotFound' }));
    // Its own name, in another case, is no clash.
    expect(lists.save({ id: team.id, name: 'TEAM', members: team.members }).name).toBe('TEAM');
    expect(lists.all()).toHaveLength(1);
  });
});
