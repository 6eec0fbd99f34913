import { parseArgs } from 'node:util';
import type { AccountView, Security } from '../../ipc/contract';
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

/** `wren account add …`: tests the login, then saves; the password never comes from argv. */
async function add(context: CliContext, args: string[]): Promise<void> {
  if (args.some((arg) => arg.startsWith('--password'))) {
    throw new WrenError('BadRequest', 'Wren never takes a password on the command line (other users can read it there): set WREN_PASSWORD or answer the prompt.');
  }
  const { values: v } = parseArgs({ args, options: ADD_OPTIONS, strict: true });
  const email = required(v.email, 'email');
  const security = (v['imap-security'] ?? 'tls') as Security;
  const draft = {
    name: v.name ?? email,
    email,
    displayName: v['display-name'] ?? '',
    incoming: { host: required(v['imap-host'], 'imap-host'), port: Number(v['imap-port'] ?? (security === 'tls' ? 993 : 143)), security, user: v.user ?? email },
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
      : accounts.map((a) => `${a.id}\t${a.name}\t${a.email}\t${a.incoming.security}://${a.incoming.host}:${a.incoming.port}`),
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
