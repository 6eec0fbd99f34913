// A scripted IMAP server for fault tests: a relay in front of the lab's real Dovecot (plain IMAP port)
// that reads the client's commands and, where the test's script says so, answers one itself (NO to a
// SELECT, a throttle answer), answers it slowly, sends garbage, or passes it on and cuts the line with
// `* BYE` after some of the server's untagged answers. Everything else is Dovecot's own IMAP, so imapflow
// logs in, lists, selects and fetches for real.
import net from 'node:net';

/** One client command as the script sees it: its tag, its name in upper case ("UID FETCH", "SELECT") and the rest of its first line. */
export interface ImapCommand {
  tag: string;
  name: string;
  args: string;
}

export type ImapAction =
  /** Answered here and not sent on; `{tag}` in a line is the command's tag. */
  | { reply: string[] }
  /** Sent on; after this many of the server's untagged answers to it, `* BYE` and the line is cut. */
  | { byeAfter: number; text?: string }
  /** Sent on and done by the server, but its tagged answer is replaced by `* BYE` and the line is cut. */
  | { cutBeforeTagged: true; text?: string }
  /** Sent on after this long (everything the client sends after it waits too). */
  | { delayMs: number }
  /** These bytes go to the client instead of an answer; the command is not sent on. */
  | { garbage: Buffer };

export interface ImapRule {
  when: (command: ImapCommand) => boolean;
  action: ImapAction;
  /** How many commands it applies to before it retires (default 1). */
  times?: number;
}

export interface ScriptedImap {
  port: number;
  /** Adds a rule; the first live rule that matches a command acts on it. */
  script(rule: ImapRule): void;
  /** Every command seen, as "NAME args", in order (for assertions and debugging). */
  readonly seen: string[];
  /** Cuts every open connection at once (RST-like). */
  cutAll(): void;
  close(): Promise<void>;
}

/** A command named `name` (e.g. "SELECT", "UID FETCH", "UID STORE") whose arguments match `args`. */
export function command(name: string, args: RegExp = /.*/): (command: ImapCommand) => boolean {
  return (c) => c.name === name.toUpperCase() && args.test(c.args);
}

/** A FETCH by UID or by sequence number (a first sync of an empty folder fetches by sequence ranges) whose items match. */
export function fetching(items: RegExp): (command: ImapCommand) => boolean {
  return (c) => (c.name === 'UID FETCH' || c.name === 'FETCH') && items.test(c.args);
}

/** SELECT or EXAMINE (a sync examines, a change selects) of a folder whose name matches. */
export function selecting(folder: RegExp): (command: ImapCommand) => boolean {
  return (c) => (c.name === 'SELECT' || c.name === 'EXAMINE') && folder.test(c.args);
}

const COMMAND_LINE = /^(\S+) (UID \S+|\S+)(?: (.*))?$/i;
const LITERAL_AT_END = /\{(\d+)\+?\}$/;

export async function startScriptedImap(targetPort: number, host = '127.0.0.1'): Promise<ScriptedImap> {
  const rules: (ImapRule & { left: number })[] = [];
  const seen: string[] = [];
  const lines = new Set<{ cut(): void }>();
  const match = (cmd: ImapCommand) => {
    const rule = rules.find((r) => r.left > 0 && r.when(cmd));
    if (rule) rule.left -= 1;
    return rule?.action;
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, host);
    const line = relay(client, upstream, (cmd) => {
      seen.push(`${cmd.name} ${cmd.args}`.trim());
      return match(cmd);
    });
    lines.add(line);
    client.on('close', () => lines.delete(line));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    script: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    seen,
    cutAll: () => {
      for (const line of lines) line.cut();
    },
    close: async () => {
      for (const line of lines) line.cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One relayed connection: commands go through `decide`, the server's answers are watched for a pending BYE. */
function relay(client: net.Socket, upstream: net.Socket, decide: (command: ImapCommand) => ImapAction | undefined): { cut(): void } {
  client.setNoDelay(true);
  const cut = () => {
    if (!client.destroyed) client.resetAndDestroy();
    upstream.destroy();
  };
  for (const socket of [client, upstream]) {
    socket.on('error', () => undefined);
    socket.on('close', cut);
  }
  let byeAfter: { left: number; text: string } | null = null;
  let cutAtTag: { tag: string; text: string } | null = null;
  const bye = (text: string) => {
    client.write(`* BYE ${text}\r\n`);
    setImmediate(cut);
  };
  // Writes to the server in order, so a delayed command holds back what follows it.
  let toServer = Promise.resolve();
  const send = (bytes: Buffer, delayMs = 0) => {
    toServer = toServer.then(async () => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (!upstream.destroyed) upstream.write(bytes);
    });
  };
  splitCommands(client, (first, raw, continued) => {
    if (continued) return send(raw);
    const parsed = COMMAND_LINE.exec(first);
    const cmd: ImapCommand | null = parsed ? { tag: parsed[1]!, name: parsed[2]!.toUpperCase(), args: parsed[3] ?? '' } : null;
    const action = cmd && !LITERAL_AT_END.test(first) ? decide(cmd) : undefined;
    if (!action) return send(raw);
    if ('reply' in action) client.write(action.reply.map((l) => `${l.replaceAll('{tag}', cmd!.tag)}\r\n`).join(''));
    else if ('garbage' in action) client.write(action.garbage);
    else if ('delayMs' in action) send(raw, action.delayMs);
    else if ('cutBeforeTagged' in action) {
      cutAtTag = { tag: cmd!.tag, text: action.text ?? 'Server shutting down' };
      send(raw);
    } else {
      byeAfter = { left: action.byeAfter, text: action.text ?? 'Server shutting down' };
      send(raw);
    }
  });
  splitResponses(upstream, (raw, untagged) => {
    if (client.destroyed) return;
    if (cutAtTag && raw.toString('latin1').startsWith(`${cutAtTag.tag} `)) return bye(cutAtTag.text);
    client.write(raw);
    if (!byeAfter || !untagged) return;
    byeAfter.left -= 1;
    if (byeAfter.left > 0) return;
    bye(byeAfter.text);
    byeAfter = null;
  });
  return { cut };
}

/**
 * The client's bytes as commands: `first` is a command's first line (without CRLF) and `raw`
 * the bytes to send on. A line ending in a literal is sent on at once (a synchronizing literal
 * waits for the server's "+"); the literal and the rest of that command come as `continued`.
 */
function splitCommands(socket: net.Socket, onPiece: (first: string, raw: Buffer, continued: boolean) => void): void {
  let buffer = Buffer.alloc(0);
  let literalLeft = 0;
  let inCommand = false;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (literalLeft > 0) {
        const piece = buffer.subarray(0, literalLeft);
        if (piece.length === 0) return;
        literalLeft -= piece.length;
        buffer = buffer.subarray(piece.length);
        onPiece('', piece, true);
        continue;
      }
      const end = buffer.indexOf('\r\n');
      if (end < 0) return;
      const raw = buffer.subarray(0, end + 2);
      buffer = buffer.subarray(end + 2);
      const text = raw.subarray(0, end).toString('latin1');
      onPiece(text, raw, inCommand);
      const literal = LITERAL_AT_END.exec(text);
      literalLeft = literal ? Number(literal[1]) : 0;
      inCommand = literal !== null;
    }
  });
}

/** The server's bytes as whole responses (literals included), each with whether it was untagged ("* ..."). */
function splitResponses(socket: net.Socket, onResponse: (raw: Buffer, untagged: boolean) => void): void {
  let buffer = Buffer.alloc(0);
  let start = 0;
  let scan = 0;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer.subarray(start), chunk]);
    scan -= start;
    start = 0;
    for (;;) {
      const end = buffer.indexOf('\r\n', scan);
      if (end < 0) return;
      const literal = LITERAL_AT_END.exec(buffer.subarray(scan, end).toString('latin1'));
      if (literal) {
        const after = end + 2 + Number(literal[1]);
        if (buffer.length < after) return;
        scan = after;
        continue;
      }
      const raw = buffer.subarray(start, end + 2);
      onResponse(Buffer.from(raw), raw[0] === 0x2a /* '*' */);
      start = end + 2;
      scan = start;
    }
  });
}
