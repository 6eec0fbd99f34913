import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../../client/client-context';
import { rememberComposer, toComposed, type ComposerState } from './composer-state';

export type SaveStatus = 'unsaved' | 'saving' | 'saved' | 'queued' | 'failed';

/** Often enough that a crash loses little, rarely enough not to fill the server with versions. */
export const AUTOSAVE_MS = 4_000;
/**
 * Each save APPENDs the whole draft, files included: with 20 MB attached, saving every pause in the typing
 * sent 115 MB in 25 s (QA). A draft whose files reach BIG_DRAFT_BYTES waits a minute's quiet instead; the typing
 * is kept in localStorage at every change meanwhile, and closing the composer or Save still saves at once.
 */
export const BIG_DRAFT_BYTES = 1_000_000;
export const BIG_DRAFT_AUTOSAVE_MS = 60_000;

/** How long after the last change the draft saves by itself. */
export function autosaveDelay(state: Pick<ComposerState, 'attachments'>): number {
  const bytes = state.attachments.reduce((sum, attachment) => sum + attachment.size, 0);
  return bytes >= BIG_DRAFT_BYTES ? BIG_DRAFT_AUTOSAVE_MS : AUTOSAVE_MS;
}

/**
 * Saves the draft a few seconds after each change (and when asked: Save,
 * closing), one save at a time, and keeps the unsaved state in localStorage
 * meanwhile. The draft's id of the latest save goes into the next, so each
 * save replaces the previous version.
 */
export function useDraftAutosave(state: ComposerState, setDraftId: (id: number) => void, restored: boolean) {
  const client = useClient();
  const [status, setStatus] = useState<SaveStatus>('unsaved');
  const latest = useRef(state);
  // What compose.start gave needs no saving until it is changed; a state restored after a reload may hold unsaved typing.
  const savedVersion = useRef<string>(restored ? '' : JSON.stringify({ ...state, draftMessageId: null }));
  const running = useRef<Promise<void>>(Promise.resolve());
  latest.current = state;

  const save = useCallback((): Promise<void> => {
    const run = running.current.then(async () => {
      const current = latest.current;
      const version = JSON.stringify({ ...current, draftMessageId: null });
      if (version === savedVersion.current) return;
      setStatus('saving');
      try {
        const saved = await client.request('drafts.save', toComposed(current));
        savedVersion.current = version;
        latest.current = { ...latest.current, draftMessageId: saved.draftMessageId };
        setDraftId(saved.draftMessageId);
        setStatus(saved.stored === 'queued' ? 'queued' : 'saved');
      } catch {
        setStatus('failed');
      }
    });
    running.current = run;
    return run;
  }, [client, setDraftId]);

  useEffect(() => {
    rememberComposer(state);
    if (JSON.stringify({ ...state, draftMessageId: null }) === savedVersion.current) return;
    setStatus((current) => (current === 'saving' || current === 'failed' ? current : 'unsaved'));
    const timer = setTimeout(() => void save(), autosaveDelay(state));
    return () => clearTimeout(timer);
  }, [state, save]);

  /** Nothing to save any more (sent or discarded): later saves are skipped. */
  const settle = useCallback(() => {
    savedVersion.current = JSON.stringify({ ...latest.current, draftMessageId: null });
  }, []);

  // Closing the composer (or replacing it) saves what was not saved yet.
  useEffect(() => () => void save(), [save]);

  /** The newest state once any save under way is done (it may have given the draft a new id). */
  const settled = useCallback(() => running.current.then(() => latest.current), []);

  return { status, save, settle, settled };
}
