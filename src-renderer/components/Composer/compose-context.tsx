import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { AccountView, ComposedMessageOutput, ComposeMode, MailtoDraft } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { useClientEvent } from '../../hooks/use-client-event';
import { toErrorShape } from '../../client/wren-client';
import { useI18n } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { useToasts } from '../Toasts/toast-context';
import { Composer } from '.';
import { withMailto } from './mailto-state';
import { useSendFailures } from './use-send-failures';
import { useUndoWhileWaiting } from './use-undo-while-waiting';
import { useDiscard } from './use-discard';
import { namesInlineImages, withInlinePreviews } from './inline-previews';
import { selectedBodyText } from '../ReadingPane/selected-text';
import { draftOf, fromComposed, fromTakenBack, hasDraft, rememberComposer, rememberedComposer, toComposed, type ComposerState } from './composer-state';

export interface ComposeRequest {
  mode: ComposeMode;
  messageId?: number;
  accountId?: number;
}

interface ComposeApi {
  compose(request: ComposeRequest): void;
  /** Takes a message out of the outbox (`outbox.cancel`) and back into the composer. */
  takeBack(outboxId: number): void;
  /** Opens the composer on a message already taken out of the outbox (Undo of its deletion there), with the time it had been scheduled for. */
  reopen(taken: { message: ComposedMessageOutput; scheduledFor: number | null }): void;
  /** A new message filled from a mailto: link (recipients, subject, body), from `accountId` when given. */
  composeMailto(draft: MailtoDraft, accountId?: number): void;
}

const ComposeContext = createContext<ComposeApi | null>(null);

const ANSWERS: ReadonlySet<ComposeMode> = new Set<ComposeMode>(['reply', 'replyAll', 'replyList']);

/**
 * The one composer of the window: opened by the toolbar and the shortcuts,
 * reopened after a reload from what localStorage kept, and brought back by
 * Undo after Send.
 */
export function ComposeProvider({ accounts, takesMailto = true, children }: { accounts: AccountView[]; takesMailto?: boolean; children: ReactNode }) {
  const client = useClient();
  const toasts = useToasts();
  const { language } = useI18n();
  // The app setting, read at each send: a change in Settings applies to the next message.
  const { undoSendSeconds: undoSeconds, workOffline } = useSettings().settings.app;
  const [open, setOpen] = useState<{ key: number; state: ComposerState; restored: boolean } | null>(() => {
    const remembered = rememberedComposer();
    return remembered ? { key: 0, state: remembered, restored: true } : null;
  });

  const showNow = useCallback((state: ComposerState | null, restored: boolean) => {
    rememberComposer(state);
    setOpen(state ? { key: Date.now(), state, restored } : null);
  }, []);
  /** `restored`: the state may differ from the saved draft (Undo after Send, a failed send). Inline images named by `cid:` are drawn first. */
  const show = useCallback((state: ComposerState | null, restored = false) => {
    if (!state || !namesInlineImages(state)) return showNow(state, restored);
    void withInlinePreviews(client, state).then((previewed) => showNow(previewed, restored));
  }, [client, showNow]);
  const fail = useCallback((error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error) }] }), [toasts]);

  const compose = useCallback(
    (request: ComposeRequest) => {
      // Read now, before the composer takes the focus: an answer quotes what the user selected in the message.
      const quote = ANSWERS.has(request.mode) && request.messageId !== undefined ? selectedBodyText(request.messageId) : null;
      client.request('compose.start', { ...request, language, ...(quote !== null && { quote }) }).then((message) => show(fromComposed(message)), fail);
    },
    [client, language, show, fail],
  );

  const composeMailto = useCallback(
    (draft: MailtoDraft, accountId?: number) => {
      client.request('compose.start', { mode: 'new', accountId, language }).then((message) => show(withMailto(fromComposed(message), draft)), fail);
    },
    [client, language, show, fail],
  );
  // A mailto: link (another app, or one clicked in a message): a new message filled from it, by the main window
  // alone (every window hears the event; a message window's link too opens the main window's composer).
  useClientEvent('compose.mailto', (draft) => takesMailto && composeMailto(draft));

  const undo = useCallback(
    (outboxId: number) => {
      // A scheduled message comes back with its time: the composer says it is no longer scheduled, and offers it again.
      client.request('outbox.cancel', { outboxId }).then(({ message, scheduledFor }) => message && show(fromTakenBack({ message, scheduledFor }), true), fail);
    },
    [client, show, fail],
  );
  useSendFailures(undo);
  const showWhileWaiting = useUndoWhileWaiting();

  const send = async (pending: Promise<ComposerState>, sendAt: number | null) => {
    show(null);
    const state = await pending;
    // Working offline nothing leaves: "Sending…" would not be true.
    const sending = { key: workOffline ? 'compose.queuedOffline' : 'compose.sending' } as const;
    try {
      const entry = await client.request('outbox.send', { message: toComposed(state), sendAt, undoSeconds });
      if (hasDraft(state)) client.request('drafts.discard', draftOf(state)).catch(() => undefined);
      if (sendAt) showWhileWaiting(entry.id, { tone: 'info', lines: [{ key: 'compose.scheduled', dates: { time: sendAt } }], undo: () => undo(entry.id) });
      // Undo is offered exactly as long as the message waits (none when it leaves at once).
      else if (undoSeconds > 0) showWhileWaiting(entry.id, { tone: 'info', lines: [sending], undo: () => undo(entry.id), lifetimeMs: undoSeconds * 1000 });
      else toasts.show({ tone: 'info', lines: [sending] });
    } catch (error) {
      show(state, true);
      fail(error);
    }
  };

  const discardDraft = useDiscard(useCallback((state: ComposerState) => show(state, true), [show]), fail);
  const discard = (pending: Promise<ComposerState>, quietly = false) => {
    show(null);
    void discardDraft(pending, quietly);
  };

  const reopen = useCallback((taken: { message: ComposedMessageOutput; scheduledFor: number | null }) => show(fromTakenBack(taken), true), [show]);
  const api = useMemo(() => ({ compose, takeBack: undo, reopen, composeMailto }), [compose, undo, reopen, composeMailto]);
  return (
    <ComposeContext.Provider value={api}>
      {children}
      {open && (
        <Composer
          key={open.key}
          initial={open.state}
          restored={open.restored}
          accounts={accounts}
          onSend={(state, sendAt) => void send(state, sendAt)}
          onClose={() => show(null)}
          onDiscard={(state, quietly) => void discard(state, quietly)}
        />
      )}
    </ComposeContext.Provider>
  );
}

export function useCompose(): ComposeApi {
  const api = useContext(ComposeContext);
  if (!api) throw new Error('useCompose() needs a <ComposeProvider> above it');
  return api;
}
