import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDraft } from '../../../src-main/compose/build-draft';
import { readParentHeaders } from '../../../src-main/compose/parent-headers';
import type { Identity } from '../../../src-main/compose/reply-recipients';
import { ComposedMessage } from '../../../src-main/ipc/compose-shapes';
import { AttachmentStaging } from '../../../src-main/outbox/attachment-staging';
import { buildMessage, forwardedHeader } from '../../../src-main/outbox/build-message';

let dir: string;
let staging: AttachmentStaging;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wren-forwarded-'));
  staging = new AttachmentStaging(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const identity: Identity = { id: null, accountId: 1, name: 'Me', email: 'me@example.com', replyTo: null, signature: null, isDefault: true };
const forward = ComposedMessage.parse({ accountId: 1, to: [{ address: 'b@example.com' }], subject: 'Fwd: Plan', text: 'See below', origin: { messageId: 5, kind: 'forward' } });

describe('X-Forwarded-Message-Id', () => {
  it('is written in a forward\'s draft, and read back from it, so the reopened draft can find its original', async () => {
    const draft = await buildDraft(forward, identity, '<draft@example.com>', staging, '<plan.1@lab>');
    expect(draft.toString()).toMatch(/^X-Forwarded-Message-Id: <plan\.1@lab>\r$/im);
    expect(readParentHeaders(draft).forwardedMessageId).toBe('<plan.1@lab>');
    expect(readParentHeaders(await buildDraft(forward, identity, '<draft2@example.com>', staging)).forwardedMessageId).toBeNull();
  });

  it('goes with the forward sent, as Thunderbird sends it', async () => {
    const built = buildMessage({ composed: forward, from: { name: 'Me', address: 'me@example.com', replyTo: null }, messageId: '<f@example.com>', date: new Date(0), staging, forwardedMessageId: '<plan.1@lab>' });
    expect(await text(built.stream())).toMatch(/^X-Forwarded-Message-Id: <plan\.1@lab>\r$/im);
  });

  it('is left out for anything but one clean Message-ID: no line break can smuggle in another header', async () => {
    for (const unsafe of ['<a@x>\r\nBcc: eve@x', '<a@x>\nBcc: eve@x', '<a@x> <b@x>', 'a@x', '<>', '<a<b@x>', '<ü@x>', `<${'a'.repeat(995)}@x>`]) {
      expect(forwardedHeader(unsafe)).toEqual({});
    }
    expect(forwardedHeader(null)).toEqual({});
    const draft = (await buildDraft(forward, identity, '<draft@example.com>', staging, '<a@x>\r\nBcc: eve@x')).toString();
    expect(draft).not.toMatch(/X-Forwarded-Message-Id|eve@x/i);
  });
});
