/**
 * Failure injection for the fake. Three sources, combined per request:
 *  - the scenario (`POST /__admin/faults`): rates and switches that stay until changed;
 *  - the queue (`queue` in the scenario): one spec consumed by each next API request;
 *  - the `X-Fake-Fault` request header: a spec for that request (`times=N;key=K` limits it to
 *    the first N requests carrying key K, so a retried request can fail then succeed).
 *
 * A spec is a list of tokens separated by `;` or `,`:
 *   500 | 502 | 503 | 504 | status=503 | 5xx      server error
 *   429 | rate-limit, retry-after=<seconds>      rate limited (Retry-After, default 1)
 *   timeout                                       never answer (the client times out)
 *   latency=<ms>                                  delay the answer
 *   insufficient-funds | out-of-stock | taken     business failures on orders/reservations
 *   order=pending|canceled|complete               how a created order ends
 *   lost                                          do the work, then answer 500 (or the given
 *                                                 status, or time out): "the response got lost"
 *   times=<n>, key=<k>                            header only: see above
 */
import { seededRandom } from '../../../demo/coverage';

export type OrderOutcome = 'complete' | 'pending' | 'canceled';

export interface FaultScenario {
  latencyMs: number;
  /** Fraction (0..1) of API requests answered with `errorStatus`, drawn from a seeded PRNG. */
  errorRate: number;
  errorStatus: number;
  /** Every Nth API request gets a 429 (0 = never). */
  rateLimitEvery: number;
  retryAfterSeconds: number;
  /** Fraction (0..1) of API requests that never get an answer. */
  timeoutRate: number;
  insufficientFunds: boolean;
  outOfStock: boolean;
  /** Numbers (digits) or available DID ids someone else has just bought. */
  takenNumbers: string[];
  orderOutcome: OrderOutcome;
  queue: string[];
  seed: number;
}

export interface RequestFault {
  status?: number;
  rateLimited?: boolean;
  retryAfterSeconds?: number;
  timeout?: boolean;
  latencyMs?: number;
  insufficientFunds?: boolean;
  outOfStock?: boolean;
  taken?: boolean;
  orderOutcome?: OrderOutcome;
  /** Apply the status/timeout after the request was processed. */
  lost?: boolean;
  times?: number;
  key?: string;
}

export const defaultScenario = (): FaultScenario => ({
  latencyMs: 0, errorRate: 0, errorStatus: 500, rateLimitEvery: 0, retryAfterSeconds: 1, timeoutRate: 0,
  insufficientFunds: false, outOfStock: false, takenNumbers: [], orderOutcome: 'complete', queue: [], seed: 42,
});

export function parseFaultSpec(spec: string): RequestFault {
  const f: RequestFault = {};
  for (const raw of spec.split(/[;,]/)) {
    const token = raw.trim().toLowerCase();
    if (!token) continue;
    const [k = '', v = ''] = token.split('=').map((s) => s.trim());
    if (/^5\d\d$/.test(k)) f.status = Number(k);
    else if (k === '5xx') f.status = 500;
    else if (k === 'status') f.status = Number(v);
    else if (k === '429' || k === 'rate-limit') f.rateLimited = true;
    else if (k === 'retry-after') f.retryAfterSeconds = Number(v);
    else if (k === 'timeout') f.timeout = true;
    else if (k === 'latency') f.latencyMs = Number(v);
    else if (k === 'insufficient-funds') f.insufficientFunds = true;
    else if (k === 'out-of-stock') f.outOfStock = true;
    else if (k === 'taken') f.taken = true;
    else if (k === 'order' && (v === 'pending' || v === 'canceled' || v === 'complete')) f.orderOutcome = v;
    else if (k === 'lost') f.lost = true;
    else if (k === 'times') f.times = Number(v);
    else if (k === 'key') f.key = v;
  }
  if (f.lost && f.status === undefined && !f.timeout) f.status = 500;
  return f;
}

export class Faults {
  scenario: FaultScenario = defaultScenario();
  private rnd = seededRandom('fake-didww:42');
  private apiRequests = 0;
  private readonly keyed = new Map<string, number>();

  set(patch: Partial<FaultScenario>): void {
    this.scenario = { ...this.scenario, ...patch };
    if (patch.seed !== undefined) this.rnd = seededRandom(`fake-didww:${patch.seed}`);
  }

  reset(): void {
    this.scenario = defaultScenario();
    this.rnd = seededRandom('fake-didww:42');
    this.apiRequests = 0;
    this.keyed.clear();
  }

  /** The fault for one API request (scenario + queue + header), drawing the PRNG once. */
  forRequest(header: string | undefined): RequestFault {
    this.apiRequests += 1;
    const s = this.scenario;
    const out: RequestFault = {};
    if (s.latencyMs > 0) out.latencyMs = s.latencyMs;
    if (s.insufficientFunds) out.insufficientFunds = true;
    if (s.outOfStock) out.outOfStock = true;
    out.orderOutcome = s.orderOutcome;
    const draw = this.rnd();
    if (s.timeoutRate > 0 && draw < s.timeoutRate) out.timeout = true;
    else if (s.rateLimitEvery > 0 && this.apiRequests % s.rateLimitEvery === 0) out.rateLimited = true;
    else if (s.errorRate > 0 && draw < s.timeoutRate + s.errorRate) out.status = s.errorStatus;
    if (out.rateLimited) out.retryAfterSeconds = s.retryAfterSeconds;

    const queued = s.queue.shift();
    if (queued !== undefined) Object.assign(out, parseFaultSpec(queued));
    if (header) {
      const h = parseFaultSpec(header);
      const applies = h.times === undefined || this.consumeKeyed(h.key ?? header, h.times);
      if (applies) Object.assign(out, h);
    }
    return out;
  }

  private consumeKeyed(key: string, times: number): boolean {
    const used = this.keyed.get(key) ?? 0;
    if (used >= times) return false;
    this.keyed.set(key, used + 1);
    return true;
  }
}
