import type { JsonApiErrorObject } from './types';

export type DidwwErrorKind =
  | 'validation'
  | 'not_found'
  | 'insufficient_funds'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'unavailable'
  | 'number_taken'
  | 'out_of_stock';

const RETRYABLE: ReadonlySet<DidwwErrorKind> = new Set(['rate_limited', 'unavailable']);

export interface DidwwErrorInit {
  kind: DidwwErrorKind;
  /** HTTP status; 0 for network errors and timeouts. */
  status: number;
  detail: string;
  errors?: JsonApiErrorObject[];
  retryAfterMs?: number;
  cause?: unknown;
}

/** A failure reported by (or on the way to) DIDWW. Only `rate_limited` and `unavailable` are retryable. */
export class DidwwError extends Error {
  readonly kind: DidwwErrorKind;
  readonly status: number;
  readonly detail: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  /** The JSON:API `errors` array as DIDWW sent it (empty for transport failures). */
  readonly errors: JsonApiErrorObject[];

  constructor(init: DidwwErrorInit) {
    super(`DIDWW ${init.kind} (${init.status}): ${init.detail}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DidwwError';
    this.kind = init.kind;
    this.status = init.status;
    this.detail = init.detail;
    this.retryable = RETRYABLE.has(init.kind);
    this.errors = init.errors ?? [];
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** Pointers of the offending fields, e.g. "/data/attributes/items/0/qty". */
  get pointers(): string[] {
    return this.errors.map((e) => e.source?.pointer).filter((p): p is string => typeof p === 'string');
  }
}

export function isDidwwError(e: unknown, kind?: DidwwErrorKind): e is DidwwError {
  return e instanceof DidwwError && (kind === undefined || e.kind === kind);
}

const TAKEN = /(already (been )?(taken|reserved|ordered|purchased)|not available|is taken|no longer available|is reserved)/i;
const OUT_OF_STOCK = /(out of stock|not enough|insufficient (stock|quantity)|no dids? (left|available)|stock)/i;
const NUMBER_POINTER = /available_did|did_reservation|\/items\b|\/qty/;
const FUNDS = /insufficient funds|balance is too low/i;

/** Maps an HTTP error response (status + JSON:API errors) to a typed error. */
export function errorFromResponse(status: number, errors: JsonApiErrorObject[], retryAfterMs?: number): DidwwError {
  const text = errors.map((e) => `${e.title ?? ''} ${e.detail ?? ''}`).join(' | ');
  const detail = errors.map((e) => e.detail ?? e.title).filter(Boolean).join('; ') || `HTTP ${status}`;
  const make = (kind: DidwwErrorKind) =>
    new DidwwError({ kind, status, detail, errors, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

  if (status === 401) return make('unauthorized');
  if (status === 403) return make('forbidden');
  if (status === 404) return make('not_found');
  if (status === 429) return make('rate_limited');
  if (status >= 500) return make('unavailable');
  if (FUNDS.test(text)) return make('insufficient_funds');
  if (status === 422 || status === 409 || status === 400) {
    // Only errors about the numbers being bought count as "taken" (a trunk name can be "taken" too).
    const aboutNumbers = errors.filter((e) => !e.source?.pointer || NUMBER_POINTER.test(e.source.pointer));
    const numbersText = aboutNumbers.map((e) => `${e.title ?? ''} ${e.detail ?? ''}`).join(' | ');
    if (TAKEN.test(numbersText)) return make('number_taken');
    if (OUT_OF_STOCK.test(numbersText)) return make('out_of_stock');
  }
  return make('validation');
}
