import { request } from 'node:https';
import { WrenError } from '../errors/wren-error';
import { TLS_TRUST_CODES } from '../tls/tls-trust-codes';

/** A list's server answers at once; one that does not is not going to. */
const POST_TIMEOUT_MS = 20_000;

/** The whole body RFC 8058 (section 3.1) prescribes. */
const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';

/**
 * RFC 8058's one-click unsubscription: a POST of `List-Unsubscribe=One-Click` to the list's HTTPS address,
 * with nothing of the user's (no cookies, no credentials: node's https keeps none) and without following a
 * redirect, which the RFC forbids the sender to answer with. The certificate is checked against the system's
 * authorities as any HTTPS page is. Node's https rather than fetch: fetch's TLS and pool cannot be told
 * apart from the rest of the process, and its errors name the cause less plainly. Resolves on a 2xx answer.
 */
export function postOneClickUnsubscribe(url: string): Promise<void> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.reject(new WrenError('BadRequest', `One-click unsubscription needs an HTTPS address, not ${target.protocol}`));
  return new Promise((resolve, reject) => {
    const post = request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(ONE_CLICK_BODY) },
      timeout: POST_TIMEOUT_MS,
    });
    post.on('response', (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) resolve();
      else reject(refused(target.host, status));
    });
    post.on('timeout', () => post.destroy(Object.assign(new Error(`no answer within ${POST_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })));
    post.on('error', (error) => reject(unreachable(target.host, error)));
    post.end(ONE_CLICK_BODY);
  });
}

function refused(host: string, status: number): WrenError {
  return new WrenError('UnsubscribeRefused', `The list's server ${host} refused the unsubscription (HTTP ${status}).`, { host, status });
}

/** Node's network and certificate failures, in the codes the mail protocols use for theirs. */
function unreachable(host: string, error: Error & { code?: string }): WrenError {
  const cause = error.code ?? '';
  const code = cause === 'ETIMEDOUT' ? 'Timeout'
    : ['ENOTFOUND', 'EAI_AGAIN'].includes(cause) ? 'HostNotFound'
    : cause === 'ECONNREFUSED' ? 'ConnectionRefused'
    : TLS_TRUST_CODES.has(cause) ? 'TlsUntrusted'
    : 'ConnectionLost';
  return new WrenError(code, `The list's server ${host} could not be reached: ${error.message}${cause ? ` (${cause})` : ''}`, { host }, { cause: error });
}
