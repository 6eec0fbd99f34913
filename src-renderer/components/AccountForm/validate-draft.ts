import { AccountDraft, type AccountDraftInput } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';

/** Which label to name when the contract's schema rejects a path of the draft. */
const FIELD_LABELS: Record<string, StringKey> = {
  name: 'form.accountName',
  email: 'form.email',
  displayName: 'form.displayName',
  password: 'form.password',
  oauth2FlowId: 'oauth2.signIn',
  'incoming.host': 'form.imapHost',
  'incoming.port': 'form.imapPort',
  'incoming.user': 'form.user',
  'smtp.host': 'form.smtpHost',
  'smtp.port': 'form.smtpPort',
  'smtp.user': 'form.smtpUser',
  trustedCertSha256: 'cert.fingerprint',
  smtpTrustedCertSha256: 'cert.fingerprint',
  'pop3.deleteAfterDays': 'form.pop3Days',
  'pop3.maxMessageKb': 'form.pop3MaxKb',
};

/**
 * Checks the draft with the same schema the core uses, so obvious slips are
 * caught before a round trip; returns the labels of the fields to fix.
 */
export function invalidFieldLabels(draft: AccountDraftInput): StringKey[] {
  const parsed = AccountDraft.safeParse(draft);
  if (parsed.success) return [];
  // A problem with no field to point at is left for the core to report in its own words.
  const labels = parsed.error.issues.flatMap((issue) => FIELD_LABELS[issue.path.join('.')] ?? []);
  return [...new Set(labels)];
}
