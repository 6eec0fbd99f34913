import { WrenError } from './wren-error';
import { LOCAL_FAULT_CODES } from './error-codes';
import { localFaultShape } from './local-fault-codes';

/** The WrenError for a local fault (full disk, read-only folder, busy or damaged database), or null when `error` is something else. */
export function toLocalFault(error: unknown): WrenError | null {
  if (error instanceof WrenError) return null;
  const shape = localFaultShape(error);
  return shape ? new WrenError(shape.code, shape.message, shape.details, { cause: error }) : null;
}

/** True for the codes toLocalFault produces. */
export function isLocalFault(error: unknown): boolean {
  return error instanceof WrenError && LOCAL_FAULT_CODES.has(error.code);
}
