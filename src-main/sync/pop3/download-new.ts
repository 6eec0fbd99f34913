import type { Readable } from 'node:stream';
import { Pop3Error, type Pop3Client } from '../../pop3/pop3-client';
import { headerRecordFromSource } from '../../mime/source-headers';
import type { Store } from '../../store/store';
import type { MaildropEntry } from './maildrop-listing';
import type { Pop3Recorder } from './pop3-recorder';

/** Messages up to this size are read whole into memory (many in flight); larger ones stream to disk one at a time. */
const SMALL_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Commands in flight at once with PIPELINING: enough to keep the line busy, few enough to bound memory. */
const WINDOW = 16;
/** Body lines kept of a message over the size limit, as a preview. */
export const TOP_LINES = 40;

export interface DownloadPlan {
  accountId: number;
  /** Bytes above which only TOP is fetched; null: no limit. */
  maxBytes: number | null;
  now: () => number;
  /** The server refused this message's RETR or TOP (deleted meanwhile by another client): it is left for the next check. */
  onRefused: (entry: MaildropEntry, refusal: Pop3Error) => void;
}

type Ready = { entry: MaildropEntry; partial: boolean; source: Buffer } | { entry: MaildropEntry; refusal: Pop3Error };

/**
 * Downloads `entries` in maildrop order into the recorder. With PIPELINING
 * up to WINDOW requests are in flight; each source goes to the blob store as
 * soon as it arrives. A failure (a cut connection) stops here; what arrived
 * before it is recorded by the caller's `recorder.finish()`.
 */
export async function downloadNew(client: Pop3Client, store: Store, entries: MaildropEntry[], plan: DownloadPlan, recorder: Pop3Recorder): Promise<void> {
  const window = client.capabilities.has('PIPELINING') ? WINDOW : 1;
  const inFlight: Array<Promise<Ready>> = [];
  try {
    for (const entry of entries) {
      const partial = plan.maxBytes !== null && entry.size > plan.maxBytes;
      if (!partial && entry.size > SMALL_MESSAGE_BYTES) {
        while (inFlight.length) await keep(recorder, await inFlight.shift()!, plan);
        await streamLarge(client, store, entry, plan, recorder);
        continue;
      }
      inFlight.push(request(client, entry, partial));
      if (inFlight.length >= window) await keep(recorder, await inFlight.shift()!, plan);
    }
    while (inFlight.length) await keep(recorder, await inFlight.shift()!, plan);
  } finally {
    // After a failure the requests still in flight fail too: none may count as unhandled.
    for (const pending of inFlight) pending.catch(() => undefined);
  }
}

function request(client: Pop3Client, entry: MaildropEntry, partial: boolean): Promise<Ready> {
  const ready = (partial ? topOrWhole(client, entry) : client.retrBuffer(entry.number).then((source) => ({ partial, source })))
    .then(({ partial: top, source }): Ready => ({ entry, partial: top, source }), (error: unknown): Ready => ({ entry, refusal: refusalOnly(error) }));
  ready.catch(() => undefined);
  return ready;
}

/**
 * TOP is optional (RFC 1939): refused, the message comes whole with RETR
 * rather than never (as Thunderbird does). Gone meanwhile, RETR is refused too.
 */
async function topOrWhole(client: Pop3Client, entry: MaildropEntry): Promise<{ partial: boolean; source: Buffer }> {
  try {
    return { partial: true, source: await readAll(client.top(entry.number, TOP_LINES)) };
  } catch (error) {
    refusalOnly(error);
    return { partial: false, source: await client.retrBuffer(entry.number) };
  }
}

/**
 * A -ERR to one message's RETR or TOP (Dovecot: "Message 2 expunged." when
 * another client deleted it after UIDL) leaves the session usable: that
 * message is skipped, not the check. Anything else (a cut line) ends it.
 */
function refusalOnly(error: unknown): Pop3Error {
  if (error instanceof Pop3Error) return error;
  throw error;
}

function keep(recorder: Pop3Recorder, ready: Ready, plan: DownloadPlan): Promise<void> | undefined {
  if ('refusal' in ready) {
    plan.onRefused(ready.entry, ready.refusal);
    return undefined;
  }
  const { entry, partial, source } = ready;
  // A partial message lists its whole size (LIST's); a whole one, what actually arrived.
  const size = partial ? Math.max(entry.size, source.length) : source.length;
  const headers = headerRecordFromSource(source, { uidl: entry.uidl, size, arrivedAt: plan.now() });
  return recorder.addSource({ uidl: entry.uidl, headers, partial }, source);
}

async function streamLarge(client: Pop3Client, store: Store, entry: MaildropEntry, plan: DownloadPlan, recorder: Pop3Recorder): Promise<void> {
  let stored;
  try {
    stored = await store.blobs.writeStream(client.retr(entry.number));
  } catch (error) {
    return plan.onRefused(entry, refusalOnly(error));
  }
  const head = await store.blobs.head(stored.blob);
  const headers = headerRecordFromSource(head, { uidl: entry.uidl, size: stored.size, arrivedAt: plan.now() });
  recorder.addStored({ uidl: entry.uidl, headers, stored, partial: false });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
