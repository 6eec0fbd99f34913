import { parseArgs } from 'node:util';
import type { AccountView, DiscoveredServer, DiscoveryResult, Security } from '../../ipc/contract';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { allFolders, findAccount } from '../find-by-name';
import { confirm } from '../prompt-confirm';
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

/** `wren account remove ACCOUNT [--yes]`: says what goes (here only) and asks, unless --yes. */
async function remove(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { yes: { type: 'boolean', short: 'y' } }, allowPositionals: true, strict: true });
  const account = await findAccount(context, positionals[0]);
  const folders = await allFolders(context, account.id);
  const messages = folders.reduce((sum, folder) => sum + folder.total, 0);
  const what = `account ${account.id} "${account.name}" <${account.email}>: ${folders.length} folders and ${messages} messages cached on this computer, and its saved password`;
  if (!values.yes) {
    const sure = await confirm(`Remove ${what}? Nothing is deleted on the server; local folders are kept.`);
    if (!sure) {
      context.note('Nothing was removed.');
      return 1;
    }
  }
  await context.request('accounts.remove', { accountId: account.id });
  context.print({ removed: account.id, folders: folders.length, messages }, () => [
    `Removed ${what}. Nothing was deleted on the server.`,
  ]);
  return 0;
}

const EDIT_OPTIONS = {
  name: { type: 'string' },
  'display-name': { type: 'string' },
  colour: { type: 'string' },
  'imap-host': { type: 'string' },
  'imap-port': { type: 'string' },
  'imap-security': { type: 'string' },
  user: { type: 'string' },
  'new-password': { type: 'boolean' },
  'trust-fingerprint': { type: 'string' },
} as const;

/** `wren account edit ACCOUNT [--name …] [--imap-host …] [--new-password]`: servers and password are tested first. */
async function edit(context: CliContext, args: string[]): Promise<void> {
  const { values: v, positionals } = parseArgs({ args, options: EDIT_OPTIONS, allowPositionals: true, strict: true });
  const account = await findAccount(context, positionals[0]);
  const serverChanged = ['imap-host', 'imap-port', 'imap-security', 'user'].some((flag) => v[flag as keyof typeof v] !== undefined);
  const security = (v['imap-security'] ?? account.incoming.security) as Security;
  const incoming = serverChanged
    ? {
        host: v['imap-host'] ?? account.incoming.host,
        port: Number(v['imap-port'] ?? (v['imap-security'] ? (security === 'tls' ? 993 : 143) : account.incoming.port)),
        security,
        user: v.user ?? account.incoming.user,
      }
    : undefined;
  const updated = await context.request('accounts.update', {
    accountId: account.id,
    name: v.name,
    displayName: v['display-name'],
    colour: v.colour,
    incoming,
    password: v['new-password'] ? await readPassword(`New password for ${account.email}: `) : undefined,
    trustedCertSha256: v['trust-fingerprint'],
  });
  context.print(updated, () => [`Updated account ${updated.id}: ${updated.name} <${updated.email}>`]);
}

/** `wren account discover ADDRESS [--json]`: what set-up from the address finds, and where; nothing is saved. */
async function discover(context: CliContext, args: string[]): Promise<number> {
  const email = args[0];
  if (!email) throw new WrenError('BadRequest', 'Usage: wren account discover ADDRESS [--json]');
  const result = await context.request('accounts.discover', { email });
  context.print(result, () => describeDiscovery(result));
  return result.config ? 0 : 1;
}

function describeDiscovery({ email, config, steps }: DiscoveryResult): string[] {
  const tried = steps.map((step) => `  ${step.source}: ${step.outcome}${step.detail ? ` (${step.detail})` : ''} — ${step.from}`);
  if (!config) return [`Nothing found for ${email}. Tried:`, ...tried, 'Add the account with its server settings (wren account add).'];
  const server = (label: string, s: DiscoveredServer | null) => (s ? [`  ${label}: ${s.host}:${s.port} ${s.security}, user ${s.user}`] : []);
  const warnings = config.warnings.map((w) =>
    w.kind === 'plaintext'
      ? `  warning: ${w.host} would be spoken to without encryption`
      : w.kind === 'otherDomain'
        ? `  warning: ${w.host} is not under ${w.domain}`
        : `  warning: ${w.provider} accepts OAuth2 sign-in only, which Wren does not do yet`,
  );
  return [
    `Found for ${email} (${config.source}: ${config.from}):`,
    ...server('IMAP', config.imap),
    ...server('POP3', config.pop3),
    ...server('SMTP', config.smtp),
    ...warnings,
  ];
}

export async function accountCommand(context: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') await add(context, rest);
  else if (sub === 'list') await list(context);
  else if (sub === 'remove') return remove(context, rest);
  else if (sub === 'edit') await edit(context, rest);
  else if (sub === 'discover') return discover(context, rest);
  else throw new WrenError('BadRequest', 'Usage: wren account add|list|edit|remove|discover …');
  return 0;
}
