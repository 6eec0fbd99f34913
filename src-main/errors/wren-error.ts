import type { ErrorCode, ErrorShape } from './error-codes';
import { localFaultShape } from './local-fault-codes';

/**
 * The one error type the core throws on purpose. `details` carries what the
 * user needs to act (a host, a certificate fingerprint, a path) and must never
 * carry a password.
 */
export class WrenError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WrenError';
    this.code = code;
    this.details = details;
  }

  toShape(): ErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/**
 * Anything thrown, as a WrenError: a local fault (full disk, read-only folder,
 * busy or damaged database) keeps its own code wherever it surfaces; anything
 * else unforeseen is Internal, a bug, so its stack goes to the log.
 */
export function toWrenError(error: unknown): WrenError {
  if (error instanceof WrenError) return error;
  const local = localFaultShape(error);
  if (local) return new WrenError(local.code, local.message, local.details, { cause: error });
  console.error('[wren] unexpected error:', error instanceof Error ? (error.stack ?? error.message) : error);
  const message = error instanceof Error ? error.message : String(error);
  return new WrenError('Internal', message, undefined, { cause: error });
}

/** Turns anything thrown into the shape that crosses the contract (and the sync worker's thread boundary). */
export function toErrorShape(error: unknown): ErrorShape {
  return toWrenError(error).toShape();
}

/** The server could not be reached or the line dropped: the network's fault, worth retrying later. */
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['ConnectionLost', 'Timeout', 'HostNotFound', 'ConnectionRefused', 'ServerStalled']);

export function isUnreachable(error: unknown): boolean {
  return error instanceof WrenError && isUnreachableCode(error.code);
}

export function isUnreachableCode(code: ErrorCode): boolean {
  return UNREACHABLE.has(code);
}

/**
 * What needs a server cannot be done now, and is worth doing later: the network failed (isUnreachable),
 * nothing here can reach it (Offline), or the user works offline (WorkingOffline).
 */
export function isOfflineFault(error: unknown): boolean {
  return isUnreachable(error) || (error instanceof WrenError && (error.code === 'Offline' || error.code === 'WorkingOffline'));
}
