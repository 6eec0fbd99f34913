import type { Migration } from './migration';

/**
 * The outgoing (SMTP) server's own trusted certificate, apart from the incoming
 * server's (trusted_cert_*): a home or company server often serves SMTP with
 * another self-signed certificate than IMAP/POP3, and each is trusted on its own,
 * as in Thunderbird. NULL: SMTP trusts what the incoming server's pin trusts (the
 * same certificate on both, the usual case, needs no second step).
 */
export const smtpCertificatePin: Migration = {
  // Its place in MIGRATIONS.
  version: 24,
  name: 'smtp-certificate-pin',
  up: `
ALTER TABLE accounts ADD COLUMN smtp_trusted_cert_sha256 TEXT;
ALTER TABLE accounts ADD COLUMN smtp_trusted_cert_pem TEXT;
`,
};
