import { afterEach, describe, expect, it } from 'vitest';
import { databaseBefore, removeDatabasesBefore } from './database-before';
import { smtpCertificatePin } from '../../../../src-main/store/migrations/0024-smtp-certificate-pin';
import { openDatabase } from '../../../../src-main/store/open-database';

afterEach(() => removeDatabasesBefore());

describe('migration 0024 smtp certificate pin', () => {
  it('keeps an account\'s incoming pin, which SMTP goes on trusting: its own SMTP pin starts empty', () => {
    const file = databaseBefore(smtpCertificatePin, `
      INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00');
      INSERT INTO accounts (id, name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user,
          smtp_host, smtp_port, smtp_security, smtp_user, password_secret_id, trusted_cert_sha256, trusted_cert_pem, created_at)
        VALUES (1, 'a', 'a@test', 'imap', 'h', 993, 'tls', 'a', 'h', 587, 'starttls', 'a', 's', 'AB:CD', 'pem', 0);
    `).file;
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT trusted_cert_sha256, trusted_cert_pem, smtp_trusted_cert_sha256, smtp_trusted_cert_pem FROM accounts').get()).toEqual({
        trusted_cert_sha256: 'AB:CD', trusted_cert_pem: 'pem', smtp_trusted_cert_sha256: null, smtp_trusted_cert_pem: null,
      });
    } finally {
      db.close();
    }
  });
});
