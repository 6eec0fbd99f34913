import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FolderView, MessageSummary } from '../../../src-main/ipc/contract';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { MessageRow } from '../MessageRow';
import type { MessagePages } from './message-pages';
import { useMessagePages } from './use-message-pages';
import { useRowSelection } from './use-row-selection';
import './message-list.css';

const ROW_HEIGHT = 52;

interface MessageListProps {
  folder: FolderView | null;
  selectedMessageId: number | null;
  onSelect(message: MessageSummary): void;
}

export function MessageList({ folder, selectedMessageId, onSelect }: MessageListProps) {
  const t = useT();
  if (!folder) return <div className="message-list message-list--empty">{t('messages.chooseFolder')}</div>;
  return <FolderMessages key={folder.id} folder={folder} selectedMessageId={selectedMessageId} onSelect={onSelect} />;
}

/** The rows of one folder, virtualized: only the rows in view (and a margin) exist in the DOM. */
function FolderMessages({ folder, selectedMessageId, onSelect }: MessageListProps & { folder: FolderView }) {
  const t = useT();
  const pages = useMessagePages(folder.id);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: pages.total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => pages.showRows(first, last), [pages, first, last]);
  const { select, onKeyDown } = useRowSelection(pages, virtualizer, onSelect);

  return (
    <section className="message-list" aria-label={folderDisplayName(folder, t)}>
      <FolderSummary folder={folder} pages={pages} />
      <div ref={scroller} className="message-list__scroller" role="listbox" tabIndex={0} onKeyDown={onKeyDown} data-testid="message-list">
        <div className="message-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => (
            <MessageRow
              key={row.key}
              message={pages.rowAt(row.index)}
              selected={pages.rowAt(row.index)?.id === selectedMessageId}
              onSelect={() => select(row.index)}
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
            />
          ))}
        </div>
      </div>
    </section>
  );
}

function FolderSummary({ folder, pages }: { folder: FolderView; pages: MessagePages }) {
  const t = useT();
  return (
    <>
      <header className="message-list__header">
        <span className="message-list__folder">{folderDisplayName(folder, t)}</span>
        {pages.total !== null && <span className="message-list__count">{t('messages.count', { count: pages.total })}</span>}
      </header>
      {pages.error && <ErrorNotice error={pages.error} />}
      {pages.total === 0 && <p className="message-list__note">{t('messages.empty')}</p>}
      {pages.total === null && !pages.error && <p className="message-list__note">{t('messages.loadingRow')}</p>}
    </>
  );
}
