import type { ErrorCode, ErrorShape } from './error-codes';

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

/** Turns anything thrown into the shape that crosses the contract. */
export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof WrenError) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'Internal', message };
}

/** The server could not be reached or the line dropped: the network's fault, worth retrying later. */
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['ConnectionLost', 'Timeout', 'ServerStalled', 'HostNotFound', 'ConnectionRefused']);

export function isUnreachable(error: unknown): boolean {
  return error instanceof WrenError && UNREACHABLE.has(error.code);
}
