import type { Readable } from 'node:stream';
import type { EventName, Events, Method, ParamsOf, ResultOf } from '../ipc/contract';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/dispatch';
import { WrenError } from '../errors/wren-error';

/** The contract's events, as the UI receives them. */
export interface CliEvents {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/**
 * The one thing the contract cannot carry, since it speaks JSON: a message's
 * bytes streamed as they are (`wren source`, `read --raw`), never held whole.
 */
export interface CliLocal {
  openSource(messageId: number): Promise<Readable>;
  /** A file to attach, or a message from stdin, copied into the data folder's staging (as the app's file picker does). */
  stageFile(path: string): Promise<{ stagedId: string; size: number }>;
  stage(stream: Readable): Promise<{ stagedId: string; size: number }>;
}

/**
 * What every command gets: requests through the same boundary and handlers as
 * the UI, the same events, and output. Commands never reach into the core.
 */
export class CliContext {
  constructor(
    private readonly handlers: Handlers,
    readonly events: CliEvents,
    readonly json: boolean,
    readonly out: NodeJS.WritableStream = process.stdout,
    readonly err: NodeJS.WritableStream = process.stderr,
    private readonly localAccess: CliLocal | null = null,
  ) {}

  request<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    return dispatch(this.handlers, method, params) as Promise<ResultOf<M>>;
  }

  get local(): CliLocal {
    if (!this.localAccess) throw new WrenError('Internal', 'This command needs the local data folder.');
    return this.localAccess;
  }

  /** JSON with --json, else the given human lines. */
  print(value: unknown, human: () => string[]): void {
    const text = this.json ? JSON.stringify(value, null, 2) : human().join('\n');
    this.out.write(`${text}\n`);
  }

  /** A note for the user (never part of the output a script reads). */
  note(text: string): void {
    this.err.write(`wren: ${text}\n`);
  }
}
