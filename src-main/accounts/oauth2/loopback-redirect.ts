import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WrenError } from '../../errors/wren-error';

const CALLBACK_PATH = '/oauth2/callback';

/** What the browser came back with: a code, or the provider's refusal (the user said no). */
export type RedirectOutcome = { code: string } | { error: string; description: string | null };

/**
 * The loopback redirect of RFC 8252 §7.3: an HTTP listener on 127.0.0.1 on a
 * port the system picks, for one redirect only. A request whose `state` is
 * not this flow's is refused and ends the flow: it did not come from the
 * authorization this flow started (RFC 6749 §10.12, cross-site request forgery).
 */
export class LoopbackRedirect {
  private readonly server: Server;
  private readonly outcome: Promise<RedirectOutcome>;
  private settle!: { resolve: (outcome: RedirectOutcome) => void; reject: (error: WrenError) => void };
  private port = 0;

  private constructor(private readonly state: string) {
    this.outcome = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // The flow may be abandoned without anyone awaiting it; its rejection must not go unheard.
    this.outcome.catch(() => undefined);
    this.server = createServer((request, response) => this.answer(request, response));
  }

  static async listen(state: string): Promise<LoopbackRedirect> {
    const redirect = new LoopbackRedirect(state);
    await new Promise<void>((resolve, reject) => {
      redirect.server.once('error', reject);
      redirect.server.listen(0, '127.0.0.1', () => resolve());
    });
    redirect.port = (redirect.server.address() as AddressInfo).port;
    return redirect;
  }

  /** 127.0.0.1 literally, not "localhost" (RFC 8252 §8.3: a name may resolve elsewhere). */
  get redirectUri(): string {
    return `http://127.0.0.1:${this.port}${CALLBACK_PATH}`;
  }

  /** Resolves with the first redirect that carries this flow's state. */
  wait(): Promise<RedirectOutcome> {
    return this.outcome;
  }

  /** Ends the wait with the given error (the user cancelled in Wren, or the flow timed out). */
  abort(error: WrenError): void {
    this.settle.reject(error);
    this.close();
  }

  close(): void {
    this.server.close();
    this.server.closeAllConnections();
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const query = url.searchParams;
    if (query.get('state') !== this.state) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('This sign-in was not started by Wren. Start it again from Wren.');
      this.settle.reject(new WrenError('OAuth2Failed', 'The browser came back with a state that does not belong to this sign-in; it was refused. Start the sign-in again.', { reason: 'stateMismatch' }));
      this.close();
      return;
    }
    const code = query.get('code');
    const error = query.get('error');
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(code ? 'Signed in. You can close this tab and return to Wren.' : 'The sign-in did not complete. You can close this tab and return to Wren.');
    this.settle.resolve(code ? { code } : { error: error ?? 'invalid_request', description: query.get('error_description') });
    this.close();
  }
}
