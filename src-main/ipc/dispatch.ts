import { WrenError } from '../errors/wren-error';
import { requests, type Method, type ResultOf, type ValidParamsOf } from './contract';

/** What the core implements: one handler per request of the contract. */
export type Handlers = { [M in Method]: (params: ValidParamsOf<M>) => Promise<ResultOf<M>> | ResultOf<M> };

function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name);
}

/**
 * The boundary every front end goes through: an unknown method or malformed
 * params become a BadRequest/UnknownMethod error, never a crash.
 */
export async function dispatch(handlers: Handlers, method: unknown, params: unknown): Promise<unknown> {
  if (!isMethod(method)) {
    throw new WrenError('UnknownMethod', `Unknown request ${JSON.stringify(String(method)).slice(0, 80)}`);
  }
  const parsed = requests[method].params.safeParse(params ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(params)'}: ${issue.message}`);
    throw new WrenError('BadRequest', `Bad parameters for ${method}: ${problems.join('; ')}`, { problems });
  }
  const handler = handlers[method] as (p: unknown) => unknown;
  return handler(parsed.data);
}
