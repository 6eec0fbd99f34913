import type { ErrorShape } from '../errors/error-codes';

/**
 * A certificate Wren refused, as the CLI tells it: which server shows it (the outgoing server's is
 * trusted on its own), its fingerprint, and the flag that trusts it: `--trust-smtp-fingerprint` for
 * the SMTP server, `--trust-fingerprint` for the incoming one. Empty when the error names none.
 */
export function certificateLines(error: ErrorShape, how: (flag: string, fingerprint: string) => string): string[] {
  const certificate = error.details?.certificate as { fingerprint256?: string; subject?: string } | undefined;
  if (error.code !== 'TlsUntrusted' || !certificate?.fingerprint256) return [];
  const smtp = error.details?.protocol === 'smtp';
  const where = typeof error.details?.host === 'string' ? ` ${error.details.host}:${String(error.details.port ?? '?')}` : '';
  return [
    `The ${smtp ? 'outgoing (SMTP)' : 'incoming'} server${where} shows a certificate for "${certificate.subject ?? '?'}" with SHA-256 fingerprint`,
    `  ${certificate.fingerprint256}`,
    how(smtp ? '--trust-smtp-fingerprint' : '--trust-fingerprint', certificate.fingerprint256),
  ];
}
