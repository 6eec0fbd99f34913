// A sender that signs its mail with DKIM (mailauth, as a real list server signs), and the DNS record that
// publishes its public key, for the lab's DNS server.
import { generateKeyPairSync } from 'node:crypto';
import type { DKIMSignOptions } from 'mailauth';
import { dkimSign } from 'mailauth/lib/dkim/sign';

export interface DkimSender {
  domain: string;
  selector: string;
  /** The TXT record to publish: its name and text. */
  record: { name: string; text: string };
  /** The message with its DKIM-Signature field first, over `fields` (besides the body). */
  sign(raw: string, fields?: string[]): Promise<string>;
}

/** What a list signs by default: what RFC 8058 asks covered, among the usual fields. */
export const LIST_SIGNED_FIELDS = ['From', 'To', 'Subject', 'Date', 'Message-ID', 'List-Id', 'List-Unsubscribe', 'List-Unsubscribe-Post'];

export function dkimSender(domain: string, selector = 'lab'): DkimSender {
  // 1024 bits, the least verifiers accept: its record fits one UDP answer of the lab's DNS server.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    domain,
    selector,
    record: { name: `${selector}._domainkey.${domain}`, text: `v=DKIM1; k=rsa; p=${key}` },
    async sign(raw, fields = LIST_SIGNED_FIELDS) {
      // mailauth's signer takes `signatureData` and the fields as one "A:B:C" string, whatever its typings say.
      const options = { signatureData: [{ signingDomain: domain, selector, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) }], headerList: fields.join(':') };
      const signed = await dkimSign(raw, options as unknown as DKIMSignOptions);
      if (signed.errors.length > 0) throw signed.errors[0];
      return signed.signatures + raw;
    },
  };
}
