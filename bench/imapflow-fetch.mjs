#!/usr/bin/env node
// The floor for any imapflow-based client: one FETCH over the whole INBOX, counting what
// arrives and storing nothing. Run by the bench as a child process:
//   BENCH_IMAP='{"host":…,"port":…,"user":…,"pass":…,"caFile":…,"headerFields":[…]}' node bench/imapflow-fetch.mjs headers|bodies
// headerFields are wren's (HEADER_FIELDS in src-main/imap/fetch-headers.ts), given by the bench.
// Prints one JSON line: { messages, bytes, maxRssBytes }.
import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';

/**
 * The same items wren's header sync asks for (headerItems in src-main/imap/run-fetch.ts, HEADER_FIELDS in fetch-headers.ts):
 * keep the two in step, or the ratio compares different work. The floor reads them through imapflow's public fetch();
 * wren runs the same command through imapflow's command runner and reads the answers itself (src-main/imap/fetch-answer.ts).
 */
const QUERIES = {
  headers: (headerFields) => ({ uid: true, flags: true, size: true, internalDate: true, bodyStructure: true, headers: headerFields }),
  bodies: () => ({ uid: true, source: true }),
};

async function main() {
  const mode = process.argv[2];
  if (!QUERIES[mode]) throw new Error('usage: imapflow-fetch.mjs headers|bodies');
  const { host, port, user, pass, caFile, headerFields } = JSON.parse(process.env.BENCH_IMAP ?? '{}');
  const query = QUERIES[mode](headerFields);
  const client = new ImapFlow({
    host, port, secure: true,
    tls: { ca: [readFileSync(caFile)] },
    auth: { user, pass },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => {}); // a late socket error must not crash the measurement
  await client.connect();
  let messages = 0;
  let bytes = 0;
  const lock = await client.getMailboxLock('INBOX', { readOnly: true });
  try {
    for await (const message of client.fetch('1:*', query)) {
      messages += 1;
      bytes += mode === 'bodies' ? message.source.length : message.size;
    }
  } finally {
    lock.release();
  }
  await client.logout();
  process.stdout.write(`${JSON.stringify({ messages, bytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

main().catch((error) => {
  process.stderr.write(`imapflow-fetch: ${error.stack ?? error}\n`);
  process.exit(1);
});
