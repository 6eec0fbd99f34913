import { parseArgs } from 'node:util';
import type { AccountQuota, AccountRemoved, AccountView, DiscoveredServer, DiscoveryResult, Pop3Leave, Pop3Policy, QuotaUsage, Security } from '../../ipc/contract';
import { UNSENT_FOLDER } from '../../ipc/contract-constants';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { allFolders, findAccount } from '../find-by-name';
import { confirm } from '../prompt-confirm';
import { readPassword } from '../prompt-password';
import { EXIT } from '../exit-codes';

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
  /** The SMTP server's own self-signed certificate, when it is not the incoming server's. */
  'trust-smtp-fingerprint': { type: 'string' },
  'allow-plaintext': { type: 'boolean' },
  /** Sign in with the browser instead of a password: the bundled provider, or the --oauth2-* endpoints. */
  oauth2: { type: 'boolean' },
  'oauth2-auth-url': { type: 'string' },
  'oauth2-token-url': { type: 'string' },
  'oauth2-client-id': { type: 'string' },
  'oauth2-scope': { type: 'string', multiple: true },
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
    ...(v.oauth2 ? await browserSignIn(context, v, email) : { password: await readPassword(`Password for ${email}: `) }),
    allowPlaintext: v['allow-plaintext'] ?? false,
    trustedCertSha256: v['trust-fingerprint'] ?? null,
    smtpTrustedCertSha256: v['trust-smtp-fingerprint'] ?? null,
  };
  const account = await context.request('accounts.add', draft);
  context.print(account, () => [`Added account ${account.id}: ${account.name} <${account.email}>`]);
}

/**
 * The browser sign-in for `account add --oauth2`: prints the provider's URL
 * (on stderr, so --json output stays clean) and waits for the redirect to
 * Wren's loopback listener; the browser may be on this machine only.
 */
async function browserSignIn(context: CliContext, v: AddValues, email: string): Promise<{ auth: 'oauth2'; oauth2FlowId: string }> {
  const custom = v['oauth2-auth-url'] || v['oauth2-token-url'] || v['oauth2-client-id'];
  const provider = custom
    ? {
        authorizationEndpoint: required(v['oauth2-auth-url'], 'oauth2-auth-url'),
        tokenEndpoint: required(v['oauth2-token-url'], 'oauth2-token-url'),
        clientId: required(v['oauth2-client-id'], 'oauth2-client-id'),
        clientSecret: process.env.WREN_OAUTH2_CLIENT_SECRET || null,
        scopes: v['oauth2-scope'] ?? [],
      }
    : null;
  const flow = await context.request('accounts.oauthStart', { email, provider });
  context.err.write(`Open this address in a browser on this computer and sign in (Ctrl-C to cancel):\n${flow.authUrl}\n`);
  await context.request('accounts.oauthFinish', { flowId: flow.flowId });
  context.err.write('Signed in.\n');
  return { auth: 'oauth2', oauth2FlowId: flow.flowId };
}

async function list(context: CliContext): Promise<void> {
  const accounts: AccountView[] = await context.request('accounts.list', {});
  context.print(accounts, () =>
    accounts.length === 0
      ? ['No accounts yet: add one with "wren account add".']
      : accounts.map((a) => `${a.id}\t${a.name}\t${a.email}\t${a.protocol} ${a.incoming.security}://${a.incoming.host}:${a.incoming.port}${quotaWords(a.quota)}`),
  );
}

/** The quota the last sync read, e.g. "	quota: storage 12.5 MB of 1.0 GB (1%), 40 of 1000 messages (4%)". */
function quotaWords(quota: AccountQuota | null): string {
  if (!quota) return '';
  const share = (usage: QuotaUsage) => `${Math.round((usage.used / usage.limit) * 100)}%`;
  const parts = [
    quota.storage && `storage ${sizeWords(quota.storage.used)} of ${sizeWords(quota.storage.limit)} (${share(quota.storage)})`,
    quota.messages && `${quota.messages.used} of ${quota.messages.limit} messages (${share(quota.messages)})`,
  ];
  return `\tquota: ${parts.filter(Boolean).join(', ')}`;
}

function sizeWords(bytes: number): string {
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  return bytes < 1024 ** 3 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** `wren account remove ACCOUNT [--yes]`: says what goes (here only) and asks, unless --yes. */
async function remove(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { yes: { type: 'boolean', short: 'y' } }, allowPositionals: true, strict: true });
  const account = await findAccount(context, positionals[0]);
  const folders = await allFolders(context, account.id);
  const messages = folders.reduce((sum, folder) => sum + folder.total, 0);
  const what = `account ${account.id} "${account.name}" <${account.email}>: ${folders.length} folders and ${messages} messages on this computer, and its saved password`;
  if (!values.yes) {
    const sure = await confirm(`Remove ${what}? Nothing is deleted on the server; mail kept only here (POP3) and unsent messages move to Local Folders; local folders are kept.`);
    if (!sure) {
      context.note('Nothing was removed.');
      return EXIT.failed;
    }
  }
  const { kept } = await context.request('accounts.remove', { accountId: account.id });
  context.print({ removed: account.id, folders: folders.length, messages, kept }, () => [
    `Removed ${what}. Nothing was deleted on the server.`,
    ...(kept ? [keptWords(kept)] : []),
  ]);
  return 0;
}

/** Where a removed account's mail went, as `account remove` says it. */
function keptWords(kept: NonNullable<AccountRemoved['kept']>): string {
  const unsent = kept.unsent ? `, and ${kept.unsent} not sent yet, in ${kept.folder}/${UNSENT_FOLDER}` : '';
  return `Kept in Local Folders, in ${kept.folder}: ${kept.messages} messages that were only on this computer${unsent}.`;
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
  'trust-smtp-fingerprint': { type: 'string' },
  'pop3-policy': { type: 'string' },
  'pop3-max-size': { type: 'string' },
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
    smtpTrustedCertSha256: v['trust-smtp-fingerprint'],
    pop3: editedPop3Policy(account.pop3, v['pop3-policy'], v['pop3-max-size']),
  });
  context.print(updated, () => [`Updated account ${updated.id}: ${updated.name} <${updated.email}>`]);
}

/** The account's policy with the flags given changed ("none" as --pop3-max-size: no limit); undefined when neither is. */
function editedPop3Policy(current: Pop3Policy, policy: string | undefined, maxSize: string | undefined): Pop3Policy | undefined {
  if (policy === undefined && maxSize === undefined) return undefined;
  const leave = policy === undefined ? { leave: current.leave, deleteAfterDays: current.deleteAfterDays } : pop3Leave(policy);
  const maxMessageKb = maxSize === undefined ? current.maxMessageKb : maxSize === 'none' ? null : Number(maxSize);
  return { ...leave, maxMessageKb };
}

/** `wren account discover ADDRESS [--json]`: what set-up from the address finds, and where; nothing is saved. */
async function discover(context: CliContext, args: string[]): Promise<number> {
  const email = args[0];
  if (!email) throw new WrenError('BadRequest', 'Usage: wren account discover ADDRESS [--json]');
  const result = await context.request('accounts.discover', { email });
  context.print(result, () => describeDiscovery(result));
  return result.config ? EXIT.ok : EXIT.failed;
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
        : `  warning: ${w.provider} accepts OAuth2 sign-in only: add it with --oauth2`,
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
