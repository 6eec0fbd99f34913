import { createSmtpTransport, type SmtpLogin } from './smtp-transport';
import { toSmtpError } from './smtp-error';

/** Connects, negotiates TLS, logs in and leaves ("Test connection"): the account's settings as sending will use them. */
export async function verifySmtp(login: SmtpLogin): Promise<void> {
  const transport = createSmtpTransport(login);
  try {
    await transport.verify();
  } catch (error) {
    throw toSmtpError(error, login.server);
  } finally {
    transport.close();
  }
}
