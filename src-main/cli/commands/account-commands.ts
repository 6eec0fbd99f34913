import { parseArgs } from 'node:util';
import type { AccountView, Pop3Leave, Security } from '../../ipc/contract';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { findAccount } from '../find-by-name';
import { readPassword } from '../prompt-password';

const ADD_OPTIONS = {
  name: { type: 'string' },
  email: { type: 'string' },
  'display-name': { type: 'string' },
  'imap-host': { type: 'string' },
  'imap-port': { type: 'string' },
  'imap-security': { type: 'string' },
  'pop3-host': { type: 'string' },
  'pop3-port': { type: 'string' },
  'pop3-security': { type: 'string' },
  'pop3-policy': { type: 'string' },
  'pop3-max-size': { type: 'string' },
  user: { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-security': { type: 'string' },
  'smtp-user': { type: 'string' },
  'trust-fingerprint': { type: 'string' },
  'allow-plaintext': { type: 'boolean' },
} as const;

function required(value: string | undefined, flag: string): string {
  if (!value) throw new WrenError('BadRequest', `--${flag} is required.`);
  return value;
}

type AddValues = ReturnType<typeof parseArgs<{ args: string[]; options: typeof ADD_OPTIONS; strict: true }>>['values'];

/** The incoming server: IMAP (--imap-*) or POP3 (--pop3-*, with its policy), with the protocol's usual ports. */
function incoming(v: AddValues, email: string) {
  if (v['pop3-host'] && v['imap-host']) throw new WrenError('BadRequest', 'Give --imap-host or --pop3-host, not both.');
  const pop3 = Boolean(v['pop3-host']);
  const security = ((pop3 ? v['pop3-security'] : v['imap-security']) ?? 'tls') as Security;
  const ports = pop3 ? { tls: 995, plain: 110 } : { tls: 993, plain: 143 };
  const host = pop3 ? v['pop3-host']! : required(v['imap-host'], 'imap-host (or --pop3-host)');
  const port = Number((pop3 ? v['pop3-port'] : v['imap-port']) ?? (security === 'tls' ? ports.tls : ports.plain));
  return {
    protocol: pop3 ? ('pop3' as const) : ('imap' as const),
    incoming: { host, port, security, user: v.user ?? email },
    pop3: { ...pop3Leave(v['pop3-policy']), maxMessageKb: v['pop3-max-size'] ? Number(v['pop3-max-size']) : null },
  };
}

/** --pop3-policy keep | delete-after:DAYS | delete-when-deleted | delete */
function pop3Leave(flag: string | undefined): { leave: Pop3Leave; deleteAfterDays: number | null } {
  if (!flag || flag === 'keep') return { leave: 'keep', deleteAfterDays: null };
  if (flag === 'delete') return { leave: 'delete', deleteAfterDays: null };
  if (flag === 'delete-when-deleted') return { leave: 'deleteWhenDeleted', deleteAfterDays: null };
  const days = /^delete-after:(\d+)$/.exec(flag)?.[1];
  if (days) return { leave: 'deleteAfterDays', deleteAfterDays: Number(days) };
  throw new WrenError('BadRequest', `--pop3-policy takes keep, delete-after:DAYS, delete-when-deleted or delete, not "${flag}".`);
}

/** `wren account add …`: tests the login, then saves; the password never comes from argv. */
async function add(context: CliContext, args: string[]): Promise<void> {
  if (args.some((arg) => arg.startsWith('--password'))) {
    throw new WrenError('BadRequest', 'Wren never takes a password on the command line (other users can read it there): set WREN_PASSWORD or answer the prompt.');
  }
  const { values: v } = parseArgs({ args, options: ADD_OPTIONS, strict: true });
  const email = required(v.email, 'email');
  const draft = {
    name: v.name ?? email,
    email,
    displayName: v['display-name'] ?? '',
    ...incoming(v, email),
    smtp: v['smtp-host']
      ? { host: v['smtp-host'], port: Number(v['smtp-port'] ?? 587), security: (v['smtp-security'] ?? 'starttls') as Security, user: v['smtp-user'] ?? v.user ?? email }
      : null,
    password: await readPassword(`Password for ${email}: `),
    allowPlaintext: v['allow-plaintext'] ?? false,
    trustedCertSha256: v['trust-fingerprint'] ?? null,
  };
  const account = await context.request('accounts.add', draft);
  context.print(account, () => [`Added account ${account.id}: ${account.name} <${account.email}>`]);
}

async function list(context: CliContext): Promise<void> {
  const accounts: AccountView[] = await context.request('accounts.list', {});
  context.print(accounts, () =>
    accounts.length === 0
      ? ['No accounts yet: add one with "wren account add".']
      : accounts.map((a) => `${a.id}\t${a.name}\t${a.email}\t${a.protocol} ${a.incoming.security}://${a.incoming.host}:${a.incoming.port}`),
  );
}

async function remove(context: CliContext, args: string[]): Promise<void> {
  const accountId = (await findAccount(context, args[0])).id;
  await context.request('accounts.remove', { accountId });
  context.print({ removed: accountId }, () => [`Removed account ${accountId} and its cached mail.`]);
}

export async function accountCommand(context: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') return add(context, rest);
  if (sub === 'list') return list(context);
  if (sub === 'remove') return remove(context, rest);
  throw new WrenError('BadRequest', 'Usage: wren account add|list|remove …');
}
