import { useEffect, useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { spellingFinds, type AddressSuggestion, type ContactList } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { useRequest } from '../../hooks/use-request';
import { useT } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { FULL_WIDTH_SEPARATOR, LIST_SEPARATOR, chipLabel, parseAddress, parseAddressList, splitTypedList, withChipsAdded, type AddressChip } from './address-list';

interface AddressFieldProps {
  label: string;
  chips: AddressChip[];
  onChange(chips: AddressChip[]): void;
  testId: string;
  autoFocus?: boolean;
}

const SUGGEST_DELAY_MS = 120;

/** Suggestions for what is being typed, from the addresses already seen (most used first), and forgetting one. */
function useSuggestions(query: string): { suggestions: AddressSuggestion[]; forget(address: string): void } {
  const client = useClient();
  const [suggestions, setSuggestions] = useState<AddressSuggestion[]>([]);
  useEffect(() => {
    if (!query.trim()) return setSuggestions([]);
    let current = true;
    const timer = setTimeout(() => {
      client.request('addresses.suggest', { query, limit: 8 }).then((found) => current && setSuggestions(found), () => current && setSuggestions([]));
    }, SUGGEST_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, query]);
  // Gone from the list at once; a refusal changes nothing the user needs to act on (the next typing asks again).
  const forget = (address: string) => {
    setSuggestions((current) => current.filter((s) => s.address !== address));
    client.request('addresses.forget', { address }).catch(() => undefined);
  };
  return { suggestions, forget };
}

/** What a suggestion adds: one address seen in mail (which can be forgotten), or an Address Book list's members. */
interface Choice {
  key: string;
  label: string;
  chips: AddressChip[];
  /** The address a suggestion of one stands for (Shift+Delete or its × forget it); none for a list. */
  forgettable: string | null;
}

/**
 * The lists whose name holds what is typed (whatever its case), or a Chinese name's pinyin begins with it ("xmz" for
 * 项目组), first: a list is the shorter way to write to many.
 */
function choicesFor(text: string, lists: ContactList[], suggestions: AddressSuggestion[], chips: AddressChip[], t: Translate): Choice[] {
  const typed = text.trim().toLowerCase();
  const already = (address: string) => chips.some((chip) => chip.address.toLowerCase() === address.toLowerCase());
  const listChoices = lists
    .filter((list) => typed && (list.name.toLowerCase().includes(typed) || spellingFinds(list.spelling, typed)))
    .map((list) => ({
      key: `list:${list.id}`,
      label: t('compose.listSuggestion', { name: list.name, count: list.members.length }),
      chips: membersNotIn(list, chips),
      forgettable: null,
    }))
    .filter((choice) => choice.chips.length > 0);
  const addressChoices = suggestions
    .filter((s) => !already(s.address))
    .map((s) => ({ key: s.address, label: s.name ? `${s.name} <${s.address}>` : s.address, chips: [{ name: s.name, address: s.address, valid: true }], forgettable: s.address }));
  return [...listChoices, ...addressChoices];
}

/**
 * To, Cc or Bcc: every address a chip (an invalid one marked), a pasted list
 * split into chips, suggestions while typing (arrows and Enter pick one,
 * Escape closes them, Shift+Delete or a suggestion's × forgets it, as in Outlook).
 */
export function AddressField({ label, chips, onChange, testId, autoFocus }: AddressFieldProps) {
  const t = useT();
  const inputId = useId();
  const [text, setText] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const { suggestions, forget } = useSuggestions(text);
  const lists = useRequest('addresses.lists', {}).data ?? [];
  // Escape dismissed the suggestions: none until the user types on.
  const [dismissed, setDismissed] = useState(false);
  const shown = dismissed ? [] : choicesFor(text, lists, suggestions, chips, t);

  // An address typed again, or picked and then typed, is not a second chip (the suggestions already leave out those present).
  const add = (added: AddressChip[]) => {
    const next = withChipsAdded(chips, added);
    if (next.some((chip, index) => chip !== chips[index])) onChange(next);
    setText('');
    setHighlighted(0);
  };
  // A list's whole name typed and ended (a comma, Enter, leaving the field) stands for its members, as in Thunderbird.
  const listNamed = (entry: string) => lists.find((each) => each.name.toLowerCase() === entry.trim().toLowerCase());
  const commitText = () => {
    const list = listNamed(text);
    add(list ? membersNotIn(list, chips) : parseAddressList(text));
  };
  const pick = (choice: Choice) => add(choice.chips);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && shown.length) {
      event.preventDefault();
      setHighlighted((highlighted + 1) % shown.length);
    } else if (event.key === 'ArrowUp' && shown.length) {
      event.preventDefault();
      setHighlighted((highlighted - 1 + shown.length) % shown.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && shown[highlighted] && text.trim()) {
      event.preventDefault();
      pick(shown[highlighted]!);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && text.trim()) {
      // Ctrl+Enter sends: the address being typed goes with it (the composer sends once it has the chip).
      commitText();
    } else if ((event.key === 'Enter' || endsEntry(text, event.key)) && text.trim() && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      commitText();
    } else if (event.key === 'Delete' && event.shiftKey && shown[highlighted]?.forgettable && text.trim()) {
      event.preventDefault();
      forget(shown[highlighted]!.forgettable!);
      setHighlighted(0);
    } else if (event.key === 'Escape' && shown.length && text.trim()) {
      event.stopPropagation(); // as Gmail: this Escape closes the list, not the composer around it
      setDismissed(true);
    } else if (event.key === 'Backspace' && !text && chips.length) {
      onChange(chips.slice(0, -1));
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!LIST_SEPARATOR.test(pasted)) return;
    event.preventDefault();
    add(parseAddressList(`${text}${pasted}`));
  };

  return (
    <div className="address-field" data-testid={testId}>
      <label htmlFor={inputId} className="composer__label">{label}</label>
      <div className="address-field__box">
        {chips.map((chip, index) => (
          <span
            key={`${chip.address}-${index}`}
            className={`address-chip${chip.valid ? '' : ' address-chip--invalid'}`}
            title={chip.valid ? chipLabel(chip) : t('compose.invalidAddress', { address: chip.address })}
            data-testid="address-chip"
            data-valid={chip.valid}
          >
            {chip.name || chip.address}
            <button type="button" aria-label={t('compose.removeAddress', { address: chip.address })} onClick={() => onChange(chips.filter((_, i) => i !== index))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={inputId}
          value={text}
          autoFocus={autoFocus}
          autoComplete="off"
          role="combobox"
          aria-expanded={shown.length > 0}
          aria-controls={`${inputId}-list`}
          onChange={(event) => {
            // A separator typed through an input method (，；、) ends the entries before it, as a comma key does.
            const { done, rest } = splitTypedList(event.target.value);
            if (done.length > 0 && FULL_WIDTH_SEPARATOR.test(event.target.value)) {
              add(done.flatMap((entry) => {
                const list = listNamed(entry);
                return list ? membersNotIn(list, chips) : [parseAddress(entry)];
              }));
              setText(rest.trimStart());
            } else setText(event.target.value);
            setDismissed(false);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => text.trim() && commitText()}
        />
      </div>
      {shown.length > 0 && text.trim() && (
        <ul className="address-field__suggestions" role="listbox" id={`${inputId}-list`} data-testid="address-suggestions">
          {shown.map((choice, index) => (
            <li
              key={choice.key}
              role="option"
              aria-selected={index === highlighted}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(choice);
              }}
            >
              <span className="address-field__suggestion">{choice.label}</span>
              {choice.forgettable && (
                <button
                  type="button"
                  tabIndex={-1}
                  className="address-field__forget"
                  aria-label={t('compose.forgetSuggestion', { address: choice.forgettable })}
                  title={t('compose.forgetSuggestion', { address: choice.forgettable })}
                  onMouseDown={(event) => {
                    // Neither picks the suggestion (the row's own mouse-down) nor takes the focus from the field.
                    event.preventDefault();
                    event.stopPropagation();
                    forget(choice.forgettable!);
                  }}
                  data-testid="address-suggestion-forget"
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Whether a comma or semicolon typed now ends the entry: not inside an open quote (`"Doe, John"`) or `<…>`. */
function endsEntry(text: string, key: string): boolean {
  return (key === ',' || key === ';') && splitTypedList(`${text}${key}`).rest === '';
}

/** A list's members as chips, leaving out the addresses the field holds already. */
function membersNotIn(list: ContactList, chips: AddressChip[]): AddressChip[] {
  const present = new Set(chips.map((chip) => chip.address.toLowerCase()));
  return list.members.filter((member) => !present.has(member.address.toLowerCase())).map((member) => ({ ...member, valid: true }));
}
