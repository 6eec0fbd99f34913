import type { Method, ParamsOf, ResultOf } from '../ipc/contract';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/dispatch';
import type { WrenCore } from '../app/wren-core';
import { WrenError } from '../errors/wren-error';

/** What every command gets: the core, typed requests through the same boundary as the UI, and output. */
export class CliContext {
  constructor(
    readonly core: WrenCore,
    private readonly handlers: Handlers,
    readonly json: boolean,
    readonly out: NodeJS.WritableStream = process.stdout,
    readonly err: NodeJS.WritableStream = process.stderr,
  ) {}

  request<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    return dispatch(this.handlers, method, params) as Promise<ResultOf<M>>;
  }

  /** JSON with --json, else the given human lines. */
  print(value: unknown, human: () => string[]): void {
    const text = this.json ? JSON.stringify(value, null, 2) : human().join('\n');
    this.out.write(`${text}\n`);
  }

  /** Accepts an account's id, name or email address. */
  accountId(reference: string | undefined): number {
    if (!reference) throw new WrenError('BadRequest', 'Name the account (its id, name or email; see "wren account list").');
    const accounts = this.core.store.accounts.list();
    const match = accounts.find((a) => String(a.id) === reference || a.name === reference || a.email.toLowerCase() === reference.toLowerCase());
    if (!match) throw new WrenError('NotFound', `No account "${reference}" (see "wren account list").`);
    return match.id;
  }
}
