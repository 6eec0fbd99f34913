import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../../client/client-context';
import { rememberComposer, toComposed, type ComposerState } from './composer-state';

export type SaveStatus = 'unsaved' | 'saving' | 'saved' | 'queued' | 'failed';

/** Often enough that a crash loses little, rarely enough not to fill the server with versions. */
export const AUTOSAVE_MS = 4_000;

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
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
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
