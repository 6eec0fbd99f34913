import type { CSSProperties } from 'react';
import { MESSAGE_TAGS, type MessageTag } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';
import './tag-chips.css';

/** Each tag's name and colour, Thunderbird's (its keys 1 to 5 set them in this order). */
export const TAG_LOOKS: Record<MessageTag, { label: StringKey; colour: string }> = {
  $label1: { label: 'tag.important', colour: '#d93025' },
  $label2: { label: 'tag.work', colour: '#e37400' },
  $label3: { label: 'tag.personal', colour: '#188038' },
  $label4: { label: 'tag.todo', colour: '#1a73e8' },
  $label5: { label: 'tag.later', colour: '#9334e6' },
};

/** The tag a shortcut's number (1 to 5) stands for. */
export function tagOfNumber(number: number): MessageTag | undefined {
  return MESSAGE_TAGS[number - 1];
}

/** A message's tags, as small coloured names (in a list row and above the open message). */
export function TagChips({ tags }: { tags: readonly MessageTag[] | undefined }) {
  const t = useT();
  if (!tags || tags.length === 0) return null;
  return (
    <span className="tag-chips" data-testid="message-tags">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip" style={{ '--tag-colour': TAG_LOOKS[tag].colour } as CSSProperties} data-tag={tag}>
          {t(TAG_LOOKS[tag].label)}
        </span>
      ))}
    </span>
  );
}
