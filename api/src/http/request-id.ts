import { randomUUID } from 'node:crypto';

/** Honour a caller's (or proxy's) request id when it is sane, so logs line up across hops. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && /^[\w.-]{8,64}$/.test(header) ? header : randomUUID();
}
