import { isDidwwError } from '../../integrations/didww';

/** DIDWW refusals that no retry will change: the number cannot be had. */
const PERMANENT_KINDS = new Set(['number_taken', 'out_of_stock', 'insufficient_funds', 'validation', 'not_found', 'forbidden', 'unauthorized']);

export type FailureKind = 'transient' | 'permanent' | 'unexpected';

/**
 * Transient: DIDWW is slow or unwell (timeouts, 5xx, 429) — try again later, and count it against
 * the breaker. Permanent: DIDWW said no to this order — stop. Unexpected: our own fault (a bug, the
 * database, a dying process) — let the job runner retry it.
 */
export function classify(err: unknown): FailureKind {
  if (!isDidwwError(err)) return 'unexpected';
  if (err.retryable) return 'transient';
  return PERMANENT_KINDS.has(err.kind) ? 'permanent' : 'transient';
}

export function describe(err: unknown): string {
  if (isDidwwError(err)) return `DIDWW ${err.kind.replace('_', ' ')} (${err.status || 'no response'}): ${err.detail}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Exponential backoff with "equal jitter": half the window is fixed, half random, so retries of
 * many numbers that failed together spread out instead of hitting DIDWW in one wave again.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const window = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(window / 2 + random() * (window / 2));
}
