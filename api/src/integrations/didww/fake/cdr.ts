/**
 * Synthetic inbound call records for the fake's DIDs, deterministic per number and day, served as a
 * gzipped CSV with DIDWW's column names (2026-04-16 `exports`; older `cdr_exports` columns).
 */
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../../../demo/coverage';
import type { DidRec, ExportRec, FakeStore } from './store';

const DAY = 86_400_000;
const CALLER_NPAS = ['212', '305', '312', '415', '512', '617', '702', '206', '404', '713'];

export interface FakeCall {
  start: number;
  connect: number | null;
  end: number;
  status: 'answered' | 'no_answer' | 'busy';
  source: string;
  did: string;
  durationSec: number;
  disconnectCode: string;
  response: string;
  initiator: string;
  trunk: string;
  destination: string;
}

const fmt = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Hour-of-day weights (UTC): quiet nights, a morning and an afternoon peak. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 6, 10, 14, 15, 13, 10, 12, 14, 14, 12, 9, 6, 4, 3, 2, 1, 1];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

function pickHour(r: number): number {
  let acc = 0;
  for (let h = 0; h < 24; h++) {
    acc += HOUR_WEIGHTS[h]! / HOUR_TOTAL;
    if (r < acc) return h;
  }
  return 23;
}

const randomCaller = (rnd: () => number): string => {
  const npa = CALLER_NPAS[Math.floor(rnd() * CALLER_NPAS.length)] ?? '212';
  return `1${npa}${2 + Math.floor(rnd() * 8)}${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`;
};

/**
 * A believable day for one number: more calls on weekdays and in business hours, about three in
 * four answered, talk time skewed short with a long tail, and a few regular callers per number.
 */
function callsForDay(did: DidRec, dayStart: number, trunkName: string, destination: string): FakeCall[] {
  const rnd = seededRandom(`cdr:${did.number}:${new Date(dayStart).toISOString().slice(0, 10)}`);
  const regulars = seededRandom(`regulars:${did.number}`);
  const regularCallers = Array.from({ length: 6 }, () => randomCaller(regulars));
  const weekday = ![0, 6].includes(new Date(dayStart).getUTCDay());
  const n = weekday ? 3 + Math.floor(rnd() * 10) : Math.floor(rnd() * 4);
  const calls: FakeCall[] = [];
  for (let i = 0; i < n; i++) {
    const start = dayStart + pickHour(rnd()) * 3_600_000 + Math.floor(rnd() * 3_600_000);
    const roll = rnd();
    const status = roll < 0.74 ? 'answered' : roll < 0.92 ? 'no_answer' : 'busy';
    // -ln(U) × 150 s: mostly short calls, mean about 2.5 minutes, the odd long one.
    const durationSec = status === 'answered' ? 5 + Math.min(3_600, Math.floor(-Math.log(1 - rnd()) * 150)) : 0;
    const ring = 2_000 + Math.floor(rnd() * 15_000);
    const source = rnd() < 0.4 ? regularCallers[Math.floor(rnd() * regularCallers.length)]! : randomCaller(rnd);
    calls.push({
      start,
      connect: status === 'answered' ? start + ring : null,
      end: start + ring + durationSec * 1000,
      status, source, did: did.number, durationSec,
      disconnectCode: status === 'answered' ? '200' : status === 'busy' ? '486' : '480',
      response: status === 'answered' ? 'Bye' : status === 'busy' ? 'Busy Here' : 'Temporarily Unavailable',
      initiator: status === 'answered' ? (rnd() < 0.5 ? 'Origination' : 'Destination') : 'Destination',
      trunk: trunkName, destination,
    });
  }
  return calls;
}

/** Calls to `dids` between `from` and `to` (inclusive), starting `backfillDays` before each purchase. */
export function generateCalls(store: FakeStore, dids: DidRec[], from: number, to: number, backfillDays: number): FakeCall[] {
  const out: FakeCall[] = [];
  const now = store.now();
  for (const did of dids) {
    const trunk = did.voiceInTrunkId ? store.trunks.get(did.voiceInTrunkId) : undefined;
    const destination = trunk
      ? String(trunk.configuration.attributes.dst ?? `sip:${String(trunk.configuration.attributes.username ?? '')}@${String(trunk.configuration.attributes.host ?? '')}`)
      : '';
    const first = Math.max(from, did.createdAt - backfillDays * DAY);
    const last = Math.min(to, now);
    for (let day = Math.floor(first / DAY) * DAY; day <= last; day += DAY) {
      for (const c of callsForDay(did, day, trunk?.name ?? '', destination)) {
        if (c.start >= first && c.start <= last) out.push(c);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const V2_HEADER = [
  'Date/Time Start (UTC)', 'Date/Time Connect (UTC)', 'Date/Time End (UTC)', 'Status', 'Source', 'Source Name',
  'Destination DID', 'Duration (sec)', 'Attempt', 'Disconnect Code', 'Response', 'Disconnect Initiator',
  'Voice IN Trunk', 'Destination', 'Toll-free (USD)', 'PSTN (USD)',
];
const LEGACY_HEADER = ['Date/Time (UTC)', 'Source', 'DID', 'Destination', 'Duration (secs)', 'Disconnect Initiator', 'Disconnect Code', 'Response'];

export function cdrCsv(calls: FakeCall[], legacy: boolean): string {
  const lines = [(legacy ? LEGACY_HEADER : V2_HEADER).map(csvCell).join(',')];
  for (const c of calls) {
    const cells: Array<string | number> = legacy
      ? [fmt(c.start), c.source, c.did, c.destination, c.durationSec, c.initiator, c.disconnectCode, c.response]
      : [
          fmt(c.start), c.connect ? fmt(c.connect) : '', fmt(c.end), c.status, c.source, '', c.did, c.durationSec, 1,
          c.disconnectCode, c.response, c.initiator, c.trunk, c.destination, '0.000',
          c.destination && /^\d+$/.test(c.destination) ? (c.durationSec * 0.0002).toFixed(3) : '0.000',
        ];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** The gzipped CSV for an export, from its filters. */
export function buildCdrFile(store: FakeStore, exp: ExportRec, backfillDays: number): Buffer {
  const f = exp.filters;
  let from: number;
  let to: number;
  if (f.from && f.to) {
    from = Date.parse(`${f.from.replace(' ', 'T')}Z`);
    to = Date.parse(`${f.to.replace(' ', 'T')}Z`);
  } else {
    const y = Number(f.year);
    const m = Number(f.month) - 1;
    from = Date.UTC(y, m, 1);
    to = Date.UTC(y, m + 1, 1) - 1;
  }
  const dids = [...store.dids.values()].filter((d) => !f.did_number || d.number === f.did_number);
  return gzipSync(cdrCsv(generateCalls(store, dids, from, to, backfillDays), exp.resource === 'cdr_exports'));
}
