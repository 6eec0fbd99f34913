import nodemailer from 'nodemailer';
import type { Lab, LabUser } from './lab';

/** Sends a message over the lab's SMTP submission port, which delivers it into Dovecot (LMTP). */
export async function submitMail(lab: Lab, from: LabUser, to: LabUser, subject: string): Promise<void> {
  const transport = nodemailer.createTransport({
    host: lab.host,
    port: lab.ports.submission,
    secure: false,
    requireTLS: true,
    tls: { ca: [lab.certPem] },
    auth: { user: from.email, pass: from.password },
  });
  try {
    await transport.sendMail({ from: `Sender <${from.email}>`, to: to.email, subject, text: `${subject}\r\n` });
  } finally {
    transport.close();
  }
}
