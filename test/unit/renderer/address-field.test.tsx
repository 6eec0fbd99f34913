// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AddressField } from '../../../src-renderer/components/Composer/address-field';
import type { AddressChip } from '../../../src-renderer/components/Composer/address-list';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(cleanup);

function Field({ onChips }: { onChips(chips: AddressChip[]): void }) {
  const [chips, setChips] = useState<AddressChip[]>([]);
  return <AddressField label="To" chips={chips} onChange={(next) => { setChips(next); onChips(next); }} testId="to" />;
}

/** 项目组's spellings as the store gives them (personNamePinyin, tested in test/unit/store/person-name-pinyin.test.ts). */
const XIANG_MU_ZU = ' xiangmuzu xmz~muzu~mz~zu';

function setup() {
  const client = new FakeClient({
    'addresses.suggest': ({ query }) =>
      [{ name: '张三丰', address: 'zsf@example.cn', uses: 4 }, { name: 'Ann Lee', address: 'ann@example.com', uses: 2 }].filter(
        (s) => s.name.includes(query) || s.address.includes(query),
      ),
    'addresses.lists': () => [
      { id: 1, name: '项目组', members: [{ name: 'Ann Lee', address: 'ann@example.com' }, { name: '', address: 'li@example.com' }], spelling: XIANG_MU_ZU },
    ],
  });
  let latest: AddressChip[] = [];
  renderWithClient(<Field onChips={(chips) => (latest = chips)} />, client);
  return { client, chips: () => latest, input: screen.getByRole('combobox') };
}

describe('To/Cc/Bcc chips', () => {
  it('splits a pasted list into chips and marks the invalid ones', () => {
    const { chips, input } = setup();
    fireEvent.paste(input, { clipboardData: { getData: () => '"Lee, Ann" <ann@example.com>; bob@, carol@example.org' } });
    expect(chips().map((c) => [c.address, c.valid])).toEqual([['ann@example.com', true], ['bob@', false], ['carol@example.org', true]]);
    const shown = screen.getAllByTestId('address-chip');
    expect(shown.map((chip) => chip.getAttribute('data-valid'))).toEqual(['true', 'false', 'true']);
    expect(shown[1]!.className).toContain('address-chip--invalid');
    expect(shown[1]!.getAttribute('title')).toBe('“bob@” is not a valid email address.');
  });

  it('leaving the field makes chips of what it holds, a trailing comma or a list included', () => {
    const { chips, input } = setup();
    fireEvent.change(input, { target: { value: 'carol@example.test,' } });
    fireEvent.blur(input);
    expect(chips().map((c) => [c.address, c.valid])).toEqual([['carol@example.test', true]]);
    fireEvent.change(input, { target: { value: 'Ann <ann@example.com>; dan@example.org' } });
    fireEvent.blur(input);
    expect(chips().map((c) => [c.name, c.address])).toEqual([['', 'carol@example.test'], ['Ann', 'ann@example.com'], ['', 'dan@example.org']]);
  });

  it('a comma or semicolon typed inside quotes or <…> is part of the address, not its end', () => {
    const { chips, input } = setup();
    for (const [typed, key] of [['"Doe', ','], ['"Doe, John" <jd', ';']] as const) {
      fireEvent.change(input, { target: { value: typed } });
      // Not taken by the field: the browser types it into the text.
      expect(fireEvent.keyDown(input, { key })).toBe(true);
      expect(chips()).toEqual([]);
    }
    fireEvent.change(input, { target: { value: '"Doe, John" <jd@x.test>' } });
    fireEvent.keyDown(input, { key: ',' });
    expect(chips()).toEqual([{ name: 'Doe, John', address: 'jd@x.test', valid: true }]);
  });

  it('turns typed text into a chip at a comma, and Backspace in the empty field removes the last chip', () => {
    const { chips, input } = setup();
    fireEvent.change(input, { target: { value: 'dave@example.net' } });
    fireEvent.keyDown(input, { key: ',' });
    expect(chips().map((c) => c.address)).toEqual(['dave@example.net']);
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(chips()).toEqual([]);
  });

  it('an address already there is not added again (whatever its case); a name typed with it names the chip', () => {
    const { chips, input } = setup();
    fireEvent.change(input, { target: { value: 'bob@example.test' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.change(input, { target: { value: 'Bob@Example.TEST' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual([{ name: '', address: 'bob@example.test', valid: true }]);
    expect((input as HTMLInputElement).value).toBe('');
    fireEvent.change(input, { target: { value: 'Bob Builder <bob@example.test>' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual([{ name: 'Bob Builder', address: 'bob@example.test', valid: true }]);
    expect(screen.getAllByTestId('address-chip').map((chip) => chip.textContent)).toEqual(['Bob Builder×']);
  });

  it('a suggestion picked, then its address typed: one chip, the picked name kept', async () => {
    const { chips, input } = setup();
    fireEvent.change(input, { target: { value: 'Ann' } });
    await waitFor(() => expect(screen.getByTestId('address-suggestions').textContent).toContain('Ann Lee <ann@example.com>'));
    await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
    fireEvent.change(input, { target: { value: 'ann@example.com' } });
    fireEvent.keyDown(input, { key: ',' });
    fireEvent.paste(input, { clipboardData: { getData: () => 'ANN@example.com; dan@example.test' } });
    expect(chips().map((c) => [c.name, c.address])).toEqual([['Ann Lee', 'ann@example.com'], ['', 'dan@example.test']]);
  });

  it('a full-width comma or semicolon typed through an input method ends an address as a comma does; a pasted list splits at them', () => {
    const { chips, input } = setup();
    fireEvent.change(input, { target: { value: 'bob@example.test，' } });
    expect(chips().map((c) => c.address)).toEqual(['bob@example.test']);
    expect((input as HTMLInputElement).value).toBe('');
    fireEvent.change(input, { target: { value: 'carol@example.test；da' } });
    expect(chips().map((c) => c.address)).toEqual(['bob@example.test', 'carol@example.test']);
    expect((input as HTMLInputElement).value).toBe('da');
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.paste(input, { clipboardData: { getData: () => 'dan@example.test、eve@example.test' } });
    expect(chips().map((c) => [c.address, c.valid])).toEqual([['bob@example.test', true], ['carol@example.test', true], ['dan@example.test', true], ['eve@example.test', true]]);
  });

  it('suggests addresses seen before (Chinese names too) and Enter picks the highlighted one', async () => {
    const { client, chips, input } = setup();
    fireEvent.change(input, { target: { value: '三丰' } });
    await waitFor(() => expect(screen.getByTestId('address-suggestions').textContent).toContain('张三丰 <zsf@example.cn>'));
    expect(client.callsOf('addresses.suggest')).toEqual([{ query: '三丰', limit: 8 }]);
    await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
    expect(chips()).toEqual([{ name: '张三丰', address: 'zsf@example.cn', valid: true }]);
  });

  it('Escape closes the suggestions first, keeping the text; only the next Escape reaches the composer (which closes on it)', async () => {
    const client = new FakeClient({ 'addresses.suggest': () => [{ name: 'Ann Lee', address: 'ann@example.com', uses: 2 }] });
    const reachedComposer: string[] = [];
    renderWithClient(
      <div onKeyDown={(event) => reachedComposer.push(event.key)}>
        <Field onChips={() => undefined} />
      </div>,
      client,
    );
    const input = screen.getByRole('combobox') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'ann' } });
    await screen.findByTestId('address-suggestions');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('address-suggestions')).toBeNull();
    expect(input.value).toBe('ann');
    expect(reachedComposer).toEqual([]);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(reachedComposer).toEqual(['Escape']);
    fireEvent.change(input, { target: { value: 'anne' } }); // typing on offers them again, back to the same text too
    await screen.findByTestId('address-suggestions');
    fireEvent.change(input, { target: { value: 'ann' } });
    await screen.findByTestId('address-suggestions');
  });

  it('Shift+Delete forgets the highlighted suggestion, and its × forgets it without picking it (as Outlook lets one)', async () => {
    const { client, chips, input } = setup();
    client.handlers['addresses.forget'] = () => ({ forgotten: true });
    fireEvent.change(input, { target: { value: 'e' } });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    fireEvent.keyDown(input, { key: 'Delete', shiftKey: true });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Ann Lee <ann@example.com>×']);
    fireEvent.mouseDown(screen.getByTestId('address-suggestion-forget'));
    expect(screen.queryByTestId('address-suggestions')).toBeNull();
    expect(client.callsOf('addresses.forget')).toEqual([{ address: 'zsf@example.cn' }, { address: 'ann@example.com' }]);
    expect(chips()).toEqual([]);
    expect((input as HTMLInputElement).value).toBe('e');
    // Delete without Shift is the text's own.
    fireEvent.keyDown(input, { key: 'Delete' });
    expect(client.callsOf('addresses.forget')).toHaveLength(2);
  });

  it('a list of the Address Book: suggested first, picked as its members; its whole name typed and ended brings them too', async () => {
    const { chips, input } = setup();
    fireEvent.change(input, { target: { value: '项目' } });
    await waitFor(() => expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['👥 项目组 (2 people)']));
    await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
    expect(chips().map((c) => c.address)).toEqual(['ann@example.com', 'li@example.com']);
    fireEvent.keyDown(input, { key: 'Backspace' });
    fireEvent.change(input, { target: { value: '项目组' } });
    fireEvent.keyDown(input, { key: ',' });
    // Ann was there already: only the member missing is added.
    expect(chips().map((c) => c.address)).toEqual(['ann@example.com', 'li@example.com']);
  });

  it('finds a list with a Chinese name by its pinyin, as the Address Book finds a person: whole, by initials, from a later syllable', async () => {
    const { chips, input } = setup();
    for (const typed of ['xiangmu', 'XMZ', 'zu']) {
      fireEvent.change(input, { target: { value: typed } });
      await waitFor(() => expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['👥 项目组 (2 people)']));
    }
    // One letter finds too much to help.
    fireEvent.change(input, { target: { value: 'x' } });
    await waitFor(() => expect(screen.queryAllByRole('option')).toEqual([]));
    fireEvent.change(input, { target: { value: 'xmz' } });
    await screen.findByRole('option');
    await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
    expect(chips().map((c) => c.address)).toEqual(['ann@example.com', 'li@example.com']);
  });
});
