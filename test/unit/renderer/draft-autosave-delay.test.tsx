// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComposeAttachment } from '../../../src-main/ipc/contract';
import type { ComposerState } from '../../../src-renderer/components/Composer/composer-state';
import { AUTOSAVE_MS, BIG_DRAFT_AUTOSAVE_MS, autosaveDelay, useDraftAutosave } from '../../../src-renderer/components/Composer/use-draft-autosave';
import { FakeClient, renderWithClient } from './fake-client';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const file = (size: number): ComposeAttachment => ({ stagedId: 'staged-file-1', filename: 'report.pdf', contentType: 'application/pdf', size, contentId: null });

const base = {
  accountId: 1, identityId: null, to: [], cc: [], bcc: [], subject: 'Plans', text: 'Hello', html: null, attachments: [],
  inReplyTo: null, references: [], origin: null, requestReceipt: false, priority: 'normal', draftMessageId: null, draftKey: 'key-1', writeAt: null,
} as unknown as ComposerState;

// Stable, as the composer's state setter is: the hook saves when it is replaced (the composer closing).
const keepDraftId = () => undefined;

/** The hook under a composer that the test types into through `typing.type`. */
function Autosaving({ initial, typing }: { initial: ComposerState; typing: { type?: (text: string) => void } }) {
  const [state, setState] = useState(initial);
  typing.type = (text) => setState((current) => ({ ...current, text }));
  useDraftAutosave(state, keepDraftId, false);
  return null;
}

describe('the draft saves itself', () => {
  it('a few seconds after a change; a minute after when its files are big (each save uploads them all: QA saw 115 MB in 25 s)', () => {
    expect(autosaveDelay({ attachments: [] })).toBe(AUTOSAVE_MS);
    expect(autosaveDelay({ attachments: [file(400_000), file(500_000)] })).toBe(AUTOSAVE_MS);
    expect(autosaveDelay({ attachments: [file(20_000_000)] })).toBe(BIG_DRAFT_AUTOSAVE_MS);
  });

  it('with 20 MB attached, typing does not save every few seconds, and a minute of quiet saves once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = new FakeClient({ 'drafts.save': () => ({ draftMessageId: 7, stored: 'server' }) });
    const big = { ...base, attachments: [file(20_000_000)] };
    const typing: { type?: (text: string) => void } = {};
    renderWithClient(<Autosaving initial={big} typing={typing} />, client);
    act(() => typing.type!('Hello, the plan'));
    await act(async () => vi.advanceTimersByTime(AUTOSAVE_MS * 3));
    expect(client.callsOf('drafts.save')).toHaveLength(0);
    await act(async () => vi.advanceTimersByTime(BIG_DRAFT_AUTOSAVE_MS));
    expect(client.callsOf('drafts.save')).toHaveLength(1);
  });

  it('without big files, a few seconds after the change as before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = new FakeClient({ 'drafts.save': () => ({ draftMessageId: 7, stored: 'server' }) });
    const typing: { type?: (text: string) => void } = {};
    renderWithClient(<Autosaving initial={base} typing={typing} />, client);
    act(() => typing.type!('Hello, the plan'));
    await act(async () => vi.advanceTimersByTime(AUTOSAVE_MS));
    expect(client.callsOf('drafts.save')).toHaveLength(1);
  });
});
