import { useCallback, useRef, useState } from 'react';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n-context';
import { ContextMenu } from '../ContextMenu';
import { toolbarItems, type ToolbarItem, type WritingCommands } from './toolbar-items';
import { useToolbarOverflow } from './use-toolbar-overflow';
import type { MessageCommands } from './message-commands';
import './message-toolbar.css';

export type { WritingCommands } from './toolbar-items';

interface MessageToolbarProps {
  commands: MessageCommands;
  /** How many messages are selected; the buttons act on all of them. */
  count: number;
  /** The selected rows that are loaded, to word read/unread and flag/unflag. */
  rows: MessageSummary[];
  onShowShortcuts(): void;
  /** New message, and answers to the one selected message (Reply, Reply all, Forward). */
  writing: WritingCommands;
  /** In a Drafts folder the selected draft opens in the composer. */
  inDrafts: boolean;
  /** In Local Folders ▸ Templates the selected template starts a new message. */
  inTemplates?: boolean;
  /** In a Junk folder the toolbar offers Not junk instead of Junk. */
  inJunk?: boolean;
}

/**
 * The actions above the list, on one line whatever the window's width: what
 * does not fit goes, in the same order, into a More menu at the line's end
 * (as Thunderbird's toolbar does), reached with Tab and opened with Enter or ↓.
 */
export function MessageToolbar({ commands, count, rows, onShowShortcuts, writing, inDrafts, inTemplates, inJunk }: MessageToolbarProps) {
  const { t, locale } = useI18n();
  const items = toolbarItems({ commands, rows, writing, inDrafts, inTemplates, inJunk, count });
  const { refs, shown } = useToolbarOverflow(items.length, `${locale}:${items.map((item) => item.label).join()}`);
  const hidden = items.slice(shown);
  return (
    <div ref={refs.toolbar} className="message-toolbar" role="toolbar" aria-label={t('actions.label')} data-testid="message-toolbar">
      {items.slice(0, shown).map((item) => (
        <button key={item.id} type="button" onClick={item.run} disabled={item.disabled} data-testid={`action-${item.id}`}>
          <span aria-hidden="true">{item.icon}</span> {t(item.label)}
        </button>
      ))}
      {hidden.length > 0 && <MoreMenu items={hidden} />}
      <span className="message-toolbar__spacer" />
      <div ref={refs.end} className="message-toolbar__end">
        {count > 1 && <span className="message-toolbar__count" data-testid="selection-count">{t('selection.count', { count })}</span>}
        <button type="button" onClick={onShowShortcuts} title={t('shortcuts.title')} aria-label={t('shortcuts.title')} data-testid="show-shortcuts">
          <span aria-hidden="true">⌨</span>
        </button>
      </div>
      {/* Every item at its natural width, unseen, so the toolbar knows what fits. */}
      <div ref={refs.measure} className="message-toolbar__measure" aria-hidden="true">
        {items.map((item) => (
          <button key={item.id} type="button" tabIndex={-1}>
            <span>{item.icon}</span> {t(item.label)}
          </button>
        ))}
        <button type="button" tabIndex={-1}>{t('actions.more')} ▾</button>
      </div>
    </div>
  );
}

/** The actions that did not fit, as a menu under its button. */
function MoreMenu({ items }: { items: ToolbarItem[] }) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const open = () => {
    const box = button.current!.getBoundingClientRect();
    setAt({ x: box.left, y: box.bottom + 2 });
  };
  // Stable: the menu focuses its first entry whenever this changes.
  const close = useCallback(() => {
    setAt(null);
    button.current?.focus();
  }, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        data-testid="action-more"
        // A click on the button while its menu is open closes it (the menu's own outside-click must not reopen it).
        onMouseDown={(event) => at && event.stopPropagation()}
        onClick={() => (at ? close() : open())}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          open();
        }}
      >
        {t('actions.more')} <span aria-hidden="true">▾</span>
      </button>
      {at && (
        <ContextMenu
          at={at}
          label={t('actions.more')}
          onClose={close}
          items={items.map((item) => ({ label: t(item.label), onSelect: item.run, testId: `more-${item.id}`, disabled: item.disabled, danger: item.danger }))}
        />
      )}
    </>
  );
}
