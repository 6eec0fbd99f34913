// `npm run bench -- [options]`.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  messages: number;
  runs: number;
  seed: number;
  /** Row ids to run (all when empty). */
  only: string[];
  profile: boolean;
  /** Size in MB of the HTML message opened in Chromium instead of the sync rows, or null. */
  bigHtml: number | null;
  /** Messages submitted over SMTP to time push (delivery to `mail.new`) instead of the sync rows, or null. */
  push: number | null;
  /** Instead of the sync rows: POP3 download by wren and by fetchmail. */
  pop3: boolean;
  /** Messages sent through the outbox, bare nodemailer and msmtp instead of the sync rows, or null. */
  send: number | null;
  /** Size in MB of the mbox imported and exported by wren and read by Python's mailbox module, or null. */
  mbox: number | null;
  /** Messages in the store searched while the main thread's lag is measured, or null. */
  searchLag: number | null;
  /** Messages of each kind the junk filter and bogofilter are trained on, or null. */
  junk: number | null;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [--messages N] [--runs K] [--seed S] [--only ID,ID] [--profile]
  --messages N   messages seeded into INBOX (default 10000)
  --runs K       measurements per row, the median is reported (default 1 from 5000 messages, else 3;
                 --send: pairs of the bare and outbox rows, the median pair's ratio reported)
  --seed S       PRNG seed for the generated mail (default 1): same seed, same bytes
  --only IDS     rows to run: imapflow-headers, wren-headers, imapflow-bodies, mbsync, wren-bodies,
                 mbsync-resync, wren-resync, imapflow-move, wren-move, imapflow-mark-read,
                 wren-mark-read, wren-list-update, wren-search
  --profile      write V8 CPU profiles of the wren runs to test-artifacts/bench-profiles/ (slows them down)
  --big-html MB  instead of the sync rows: open an HTML message of MB megabytes (5 when no value is
                 wanted: --big-html 5) in Chromium against the web mode; first paint and the longest
                 main-thread task, before and after "Load remote content"
  --push N       instead of the sync rows: submit N messages over SMTP (20 when no value is wanted:
                 --push 20) and time delivery -> mail.new with push (IDLE) on the Inbox
  --pop3         instead of the sync rows: POP3 download of the --messages maildrop (and of 2000)
                 by wren sync and by fetchmail into a Maildir (apt: fetchmail); time ratio and peak RSS
  --send N       instead of the sync rows: send N messages of mixed sizes (1000 when no value is wanted:
                 --send 1000) through the outbox, a bare nodemailer pool and msmtp to an SMTP sink; then
                 peak RSS while the outbox sends a 50 MB attachment (--only msmtp,rss: those rows besides the
                 two compared; --only none: just the two; --profile: the outbox row's main-thread profile)
  --mbox MB      instead of the sync rows: import and export an mbox of MB megabytes (2048 when no value is
                 wanted: --mbox 2048) and one of 200 MB into a local folder with the wren CLI, against
                 Python's mailbox module copying it into a Maildir; time ratio and peak RSS of each
  --search-lag N instead of the sync rows: write N messages with bodies into a store (50000 when no value
                 is wanted: --search-lag 50000), index them, and time slow searches with the main
                 thread's event-loop lag, the query in the main thread and in the search worker
  --junk N       instead of the sync rows: train the junk filter and bogofilter (apt: bogofilter) on N junk and
                 N good generated messages (2000 when no value is wanted: --junk 2000), then score N/2 of each
                 never seen; times, main-thread lag while Wren scores, junk caught and good taken for junk
Writes test-artifacts/bench-results.json (--big-html: bench-big-html.json, --push: bench-push.json,
--pop3: bench-pop3.json, --send: bench-send.json, --mbox: bench-mbox.json, --search-lag: bench-search-lag.json, --junk: bench-junk.json).`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string' },
      profile: { type: 'boolean' },
      'big-html': { type: 'string' },
      push: { type: 'string' },
      pop3: { type: 'boolean' },
      send: { type: 'string' },
      mbox: { type: 'string' },
      'search-lag': { type: 'string' },
      junk: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const messages = positiveInt(values.messages ?? '10000', '--messages');
  return {
    messages,
    runs: positiveInt(values.runs ?? (messages >= 5000 ? '1' : '3'), '--runs'),
    seed: positiveInt(values.seed ?? '1', '--seed'),
    only: values.only ? values.only.split(',').map((id) => id.trim()).filter(Boolean) : [],
    profile: values.profile ?? false,
    bigHtml: values['big-html'] === undefined ? null : positiveInt(values['big-html'], '--big-html'),
    push: values.push === undefined ? null : positiveInt(values.push, '--push'),
    pop3: values.pop3 ?? false,
    send: values.send === undefined ? null : positiveInt(values.send, '--send'),
    mbox: values.mbox === undefined ? null : positiveInt(values.mbox, '--mbox'),
    searchLag: values['search-lag'] === undefined ? null : positiveInt(values['search-lag'], '--search-lag'),
    junk: values.junk === undefined ? null : positiveInt(values.junk, '--junk'),
    help: values.help ?? false,
  };
}

function positiveInt(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive whole number, not "${text}"`);
  return value;
}
