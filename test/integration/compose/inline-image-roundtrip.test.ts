import { Readable } from 'node:stream';
// @ts-expect-error jsdom ships no types (the unit tests load it as their environment only); its window is all this needs.
import { JSDOM } from 'jsdom';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ComposeAttachment, ComposedMessage, ComposedMessageInput } from '../../../src-main/ipc/compose-shapes';
import type { Method, ParamsOf, ResultOf } from '../../../src-main/ipc/contract';
import { startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById, sendNow, to } from '../outbox/outbox-lab';

/**
 * A pasted inline image must survive the message coming back into the composer: Undo after Send, a draft
 * reopened. The composer's own steps (the renderer's compose-html, composer-state, inline-previews, in a
 * jsdom window: DOMPurify needs one) run between the core's answers, as the page runs them.
 */
let lab: Lab;
let alice: TestCore;
let aliceId: number;
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const preview = `data:image/png;base64,${png.toString('base64')}`;

/** The composer's state as far as these steps use it (the renderer's ComposerState). */
type State = Omit<ComposedMessage, 'to' | 'cc' | 'bcc'> & { to: unknown[]; html: string | null; attachments: ComposeAttachment[] };
type Request = <M extends Method>(method: M, params: ParamsOf<M>) => Promise<ResultOf<M>>;
/**
 * The renderer's modules, loaded by a path the type checker does not follow: they are typed against the DOM,
 * which the core's tsconfig (this test's) leaves out on purpose.
 */
interface ComposerSteps {
  chipOf(address: { name: string; address: string }): unknown;
  editorHtml(html: string): string;
  fromComposed(message: ComposedMessage): State;
  fromTakenBack(taken: { message: ComposedMessage; scheduledFor: number | null }): State;
  toComposed(state: State): ComposedMessageInput;
  withInlinePreviews(client: { request: Request }, state: State): Promise<State>;
}
let steps: ComposerSteps;

beforeAll(async () => {
  const dom = new JSDOM('') as { window: object & { document: object } };
  vi.stubGlobal('window', dom.window);
  vi.stubGlobal('document', dom.window.document);
  const composer = new URL('../../../src-renderer/components/Composer/', import.meta.url).pathname;
  const modules = await Promise.all(['address-list', 'compose-html', 'composer-state', 'inline-previews'].map((name) => import(`${composer}${name}.ts`)));
  steps = Object.assign({}, ...modules) as ComposerSteps;
  lab = await startLab();
  ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0));
}, 60_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  await alice?.dispose();
  await lab?.stop();
});

/** The composer after an image was pasted (its preview a data: URL marked with its part), as rich-text-editor.tsx leaves it. */
async function pastedState(subject: string): Promise<State> {
  const { stagedId, size } = await alice.core.staging.stageStream(Readable.from([png]));
  const blank = steps.fromComposed(await alice.call('compose.start', { mode: 'new', accountId: aliceId, language: 'en' }));
  return {
    ...blank, to: to(lab.users[1]!.email).map(steps.chipOf), subject, text: 'Image:  end.',
    html: `<div>Image: <img src="${preview}" data-cid="shot@wren" alt=""> end.</div>`,
    attachments: [{ stagedId, filename: 'image.png', contentType: 'image/png', size, contentId: 'shot@wren' }],
  };
}

/** What the composer shows for a message coming back, then what it holds once the user typed a word. */
async function reopenedAndTyped(state: State): Promise<State> {
  const shown = await steps.withInlinePreviews({ request: (method, params) => alice.call(method, params) }, state);
  // The image is drawn again (its staged copy as a data: URL) and still names its part.
  expect(shown.html).toContain(`src="${preview}"`);
  expect(shown.html).toContain('data-cid="shot@wren"');
  // The editor loads that HTML; the user types a word, and its change handler hands the DOM's HTML back.
  return { ...shown, html: `${steps.editorHtml(shown.html!)}<div>more</div>` };
}

async function inlineParts(source: Buffer) {
  // skipImageLinks: the HTML as sent, its images still named by cid: (not swapped for data: URLs).
  const parsed = await simpleParser(source, { skipImageLinks: true });
  return { html: parsed.html || '', images: parsed.attachments.filter((a) => a.contentId === '<shot@wren>').map((a) => a.content.toString('base64')) };
}

describe('a pasted inline image coming back into the composer', () => {
  it('is in the message sent after Undo', async () => {
    const state = await pastedState('Inline image after undo');
    const entry = await alice.call('outbox.send', { message: steps.toComposed(state), undoSeconds: 30 });
    const taken = await alice.call('outbox.cancel', { outboxId: entry.id });
    const again = steps.toComposed(await reopenedAndTyped(steps.fromTakenBack({ message: taken.message!, scheduledFor: taken.scheduledFor })));
    expect(again.attachments?.map((a) => a.contentId)).toEqual(['shot@wren']);

    const sent = await sendNow(alice, again);
    expect(sent.state).toBe('sent');
    const [delivered] = await onServerById(lab, lab.users[1]!.email, 'INBOX', sent.messageId);
    const { html, images } = await inlineParts(delivered!.source);
    expect(html).toContain('cid:shot@wren');
    expect(html).toContain('more');
    expect(images).toEqual([png.toString('base64')]);
  });

  it('is in the draft saved after the draft is reopened', async () => {
    const state = await pastedState('Inline image in a draft');
    const first = await alice.call('drafts.save', steps.toComposed(state));
    const reopened = steps.fromComposed(await alice.call('compose.start', { mode: 'editDraft', messageId: first.draftMessageId, language: 'en' }));
    expect(reopened.attachments.map((a) => [a.contentId, a.contentType])).toEqual([['shot@wren', 'image/png']]);
    const second = await alice.call('drafts.save', steps.toComposed(await reopenedAndTyped(reopened)));

    const stored = await alice.core.reader.source(second.draftMessageId);
    const chunks: Buffer[] = [];
    for await (const chunk of stored.stream) chunks.push(chunk as Buffer);
    const { html, images } = await inlineParts(Buffer.concat(chunks));
    expect(html).toContain('cid:shot@wren');
    expect(html).toContain('more');
    expect(images).toEqual([png.toString('base64')]);
    // And on the server, once the journal has appended it.
    await vi.waitFor(() => expect(alice.core.store.operations.countUnfinished(aliceId)).toBe(0), { timeout: 20_000, interval: 50 });
    const messageId = alice.core.store.messages.get(second.draftMessageId)?.messageId ?? '';
    const onServer = await onServerById(lab, lab.users[0]!.email, 'Drafts', messageId);
    expect(onServer.length).toBeGreaterThan(0);
    expect((await inlineParts(onServer.at(-1)!.source)).images).toEqual([png.toString('base64')]);
  });
});
