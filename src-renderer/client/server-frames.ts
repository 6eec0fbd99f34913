import { EVENT_NAMES, type EventName, type Reply } from '../../src-main/ipc/contract';

export type ServerFrame =
  | { kind: 'reply'; id: number; reply: Reply }
  | { kind: 'event'; event: EventName; payload: unknown };

/** Reads one frame from the server; anything malformed is dropped rather than trusted. */
export function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(frame)) return null;
  if (typeof frame.id === 'number' && isReply(frame.reply)) return { kind: 'reply', id: frame.id, reply: frame.reply };
  if (isEventName(frame.event)) return { kind: 'event', event: frame.event, payload: frame.payload };
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isReply(value: unknown): value is Reply {
  if (!isObject(value)) return false;
  if (value.ok === true) return 'result' in value;
  return value.ok === false && isObject(value.error) && typeof value.error.code === 'string';
}

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
