import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/imap-util';
import { FIXTURES, readFixture, type FixtureName } from '../../lab/fixtures';
import { startLab, type Lab } from '../../lab/lab';
import { HEADER_FIELDS, fetchHeaders, fetchHeadersInRange } from '../../../src-main/imap/fetch-headers';
import { runHeaderFetch } from '../../../src-main/imap/run-fetch';

const names = Object.keys(FIXTURES) as FixtureName[];

/** The items the header store reads (header-store-protocol.ts toWire), as imapflow's fetch() gives them. */
function itemsOf(row: Partial<FetchMessageObject>): Partial<FetchMessageObject> {
  const { seq, uid, flags, size, internalDate, modseq, bodyStructure, headers } = row;
  return Object.fromEntries(Object.entries({ seq, uid, flags, size, internalDate, modseq, bodyStructure, headers }).filter(([, v]) => v !== undefined));
}

describe('the header sync\'s own FETCH reader, against imapflow\'s fetch() on the same Dovecot folder', () => {
  let lab: Lab;
  let client: ImapFlow;
  let other: ImapFlow;

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'Fixtures', names.map((name) => readFixture(name)));
    client = await connectImap(lab, alice.email);
    other = await connectImap(lab, alice.email);
    await client.mailboxOpen('Fixtures');
  });
  afterAll(async () => {
    await client?.logout().catch(() => undefined);
    await other?.logout().catch(() => undefined);
    await lab?.stop();
  });

  it('reads every fixture (GBK, Big5, ISO-2022-JP, RFC 2231 names, malformed MIME) exactly as fetch() does, MODSEQ included', async () => {
    expect(client.enabled.has('CONDSTORE')).toBe(true);
    const query = { uid: true, flags: true, size: true, internalDate: true, bodyStructure: true, headers: HEADER_FIELDS };
    const expected: Array<Partial<FetchMessageObject>> = [];
    for await (const row of client.fetch('1:*', query)) expected.push(itemsOf(row));
    const rows = await runHeaderFetch(client, '1:*', HEADER_FIELDS, { uid: false });
    expect(rows).toHaveLength(names.length);
    expect(rows.map(itemsOf)).toEqual(expected);
    expect(rows.every((row) => typeof row.modseq === 'bigint' && row.headers!.length > 0 && row.bodyStructure)).toBe(true);
  });

  it('hands on another session\'s flag change that arrives during the FETCH, which fetchHeaders then leaves out', async () => {
    const uids = (await client.search({ all: true }, { uid: true })) as number[];
    await other.mailboxOpen('Fixtures');
    await other.messageFlagsAdd('1', ['\\Flagged']); // Dovecot tells our session in the answers to its next command
    const rows = await runHeaderFetch(client, `${uids[1]}:${uids[2]}`, HEADER_FIELDS, { uid: true });
    const unsolicited = rows.filter((row) => row.seq === 1);
    expect(unsolicited.length).toBe(1);
    expect(unsolicited[0]!.flags!.has('\\Flagged')).toBe(true);
    expect(unsolicited[0]!.headers).toBeUndefined();

    await other.messageFlagsAdd('1', ['\\Seen']);
    const byUid = await fetchHeaders(client, uids.slice(1, 3));
    expect(byUid.map((row) => row.uid)).toEqual(uids.slice(1, 3));
    const inRange = await fetchHeadersInRange(client, 2, 3);
    expect(inRange.map((row) => row.uid).sort((a, b) => a - b)).toEqual(uids.slice(1, 3));
  });

  it('a FETCH with no folder selected fails with imapflow\'s code, not as a blank result', async () => {
    await client.mailboxClose();
    await expect(runHeaderFetch(client, '1:*', HEADER_FIELDS, { uid: false })).rejects.toMatchObject({ code: 'NoMailboxSelected' });
  });
});
