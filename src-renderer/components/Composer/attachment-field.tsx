import { useRef, useState, type DragEvent } from 'react';
import type { ComposeAttachment } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { canUpload, uploadFiles } from '../../client/stage-files';
import { toErrorShape } from '../../client/wren-client';
import { formatSize } from '../../format/format-size';
import { useI18n } from '../../i18n/i18n-context';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { ErrorNotice } from '../ErrorNotice';

interface AttachmentFieldProps {
  attachments: ComposeAttachment[];
  onAdd(added: ComposeAttachment[]): void;
  onRemove(stagedId: string): void;
}

/** The message's files with their sizes; more from the file picker or dropped anywhere on the composer. */
export function AttachmentField({ attachments, onAdd, onRemove }: AttachmentFieldProps) {
  const client = useClient();
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);
  const listed = attachments.filter((a) => !a.contentId);

  const stage = (work: Promise<ComposeAttachment[]>) => {
    setBusy(true);
    setError(null);
    work.then(onAdd, (failure: unknown) => setError(toErrorShape(failure))).finally(() => setBusy(false));
  };
  const pick = () => {
    if (canUpload(client)) input.current?.click();
    else stage(client.request('attachments.pick', {}));
  };

  return (
    <div className="composer__attachments" data-testid="compose-attachments">
      <button type="button" onClick={pick} disabled={busy} data-testid="compose-attach">
        📎 {busy ? t('compose.attaching') : t('compose.attach')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="compose-file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) stage(uploadFiles(files));
        }}
      />
      <ul>
        {listed.map((attachment) => (
          <li key={attachment.stagedId} data-testid="compose-attachment">
            <span className="composer__attachment-name">{attachment.filename}</span>{' '}
            <span className="composer__attachment-size">{formatSize(attachment.size, t, locale)}</span>
            <button type="button" onClick={() => onRemove(attachment.stagedId)} aria-label={t('compose.removeAttachment', { name: attachment.filename })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

/** Files dropped on the composer (the web mode uploads them; Electron's drop gives no path to a sandboxed page). */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');
  return {
    over,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(false);
        onFiles([...event.dataTransfer.files]);
      },
    },
  };
}
