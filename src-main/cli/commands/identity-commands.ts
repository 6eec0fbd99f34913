import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { IdentityView } from '../../ipc/contract';
import type { CliContext } from '../cli-context';
import { findAccount } from '../find-by-name';

export const IDENTITY_USAGE = `identity list ACCOUNT
identity add ACCOUNT --email ADDR [--name N] [--reply-to ADDR] [--signature TEXT | --signature-file FILE] [--default]
identity remove ID              (never an account's last identity; a removed default hands over to the oldest left)`;

const ADD_OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  'reply-to': { type: 'string' },
  signature: { type: 'string' },
  'signature-file': { type: 'string' },
  default: { type: 'boolean' },
} as const;

function line(identity: IdentityView): string {
  const from = identity.name ? `${identity.name} <${identity.email}>` : identity.email;
  const replyTo = identity.replyTo ? `  reply-to ${identity.replyTo}` : '';
  return `${identity.id ?? '-'}\t${from}${identity.isDefault ? '  (default)' : ''}${replyTo}${identity.signature ? '  (signature)' : ''}`;
}

/** A file the user named that cannot be read is the user's mistake to mend (a wrong path), not a bug to report. */
function signatureFrom(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new WrenError('BadRequest', `Cannot read the signature file ${file}: ${reason}.`, { file });
  }
}

/** `wren identity list|add|remove`: the From addresses of an account, through the same requests as the Settings screen. */
export async function identityCommand(context: CliContext, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list' && rest.length === 1) {
    const account = await findAccount(context, rest[0]);
    const identities = await context.request('identities.list', { accountId: account.id });
    context.print(identities, () => identities.map(line));
    return 0;
  }
  if (action === 'add') {
    const { values: v, positionals } = parseArgs({ args: rest, options: ADD_OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || !v.email) throw new WrenError('BadRequest', `Usage: wren ${IDENTITY_USAGE.split('\n')[1]}`);
    if (v.signature !== undefined && v['signature-file']) throw new WrenError('BadRequest', 'Give --signature or --signature-file, not both.');
    const account = await findAccount(context, positionals[0]);
    const signature = v['signature-file'] ? signatureFrom(v['signature-file']) : (v.signature ?? null);
    const identity = await context.request('identities.add', {
      accountId: account.id,
      identity: { name: v.name ?? account.displayName, email: v.email, replyTo: v['reply-to'] ?? null, signature, isDefault: v.default ?? false },
    });
    context.print(identity, () => [line(identity)]);
    return 0;
  }
  if (action === 'remove' && rest.length === 1 && /^\d+$/.test(rest[0]!)) {
    const result = await context.request('identities.remove', { identityId: Number(rest[0]) });
    context.print(result, () => [`Identity ${rest[0]} removed.`]);
    return 0;
  }
  throw new WrenError('BadRequest', `Usage: wren ${IDENTITY_USAGE.replace(/\n/g, '\n       wren ')}`);
}
