/**
 * Imports call records from DIDWW: request a CDR export per calendar month of the period, wait for
 * it, download the gzipped CSV, and upsert each row keyed by a stable call key. Safe to run twice:
 * rows upsert on external_id and the roll-ups are recomputed, never incremented.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { parseCdrExport, type CdrExport, type CdrRow } from '../../integrations/didww';
import { pgTransaction } from '../../db/sql-runner';
import { storedAddress } from '../../lib/phone-format';
import type { ModuleDeps } from '../module-deps';
import { refreshRollups, type TouchedDay } from './rollups';

export interface ImportScope {
  /** Only this customer's numbers (one export per number); all numbers when absent. */
  userId?: string | null;
}

export interface ImportResult {
  exports: number;
  rows: number;
  inserted: number;
  updated: number;
  /** Rows for numbers we do not sell (or no longer know). */
  unmatched: number;
}

export interface CdrImportOptions {
  pollMs?: number;
  maxWaitMs?: number;
  /** How far back the first import of a number reaches. DIDWW keeps the current and two previous months. */
  initialDays?: number;
  /** Re-read this much before the newest call we hold: late CDRs and status corrections land there. */
  overlapMs?: number;
}

const DAY_MS = 86_400_000;
const BATCH = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface NumberRef {
  id: string;
  userId: string;
  digits: string;
}

export interface ParsedCall {
  externalId: string;
  didDigits: string;
  startedAt: Date;
  source: string;
  destination: string;
  durationSeconds: number;
  status: 'ANSWERED' | 'MISSED' | 'BUSY' | 'FAILED';
  disconnectReason: string | null;
}

const col = (row: CdrRow, ...names: string[]) => {
  for (const n of names) if (row[n] !== undefined && row[n] !== '') return row[n]!;
  return '';
};

/** One CSV row → a call, across DIDWW's column sets (2026-04-16 `exports`, 2026-11-19, legacy `cdr_exports`). */
export function parseCallRow(row: CdrRow): ParsedCall | null {
  const startRaw = col(row, 'Date/Time Start (UTC)', 'Date/Time (UTC)');
  const startedAt = new Date(`${startRaw.replace(' ', 'T')}Z`);
  const didDigits = col(row, 'Destination DID', 'DID').replace(/\D/g, '');
  if (Number.isNaN(startedAt.getTime()) || !didDigits) return null;
  const sourceRaw = col(row, 'Source Number', 'Source');
  const source = storedAddress(sourceRaw) || 'anonymous';
  const durationSeconds = Math.max(0, Math.round(Number(col(row, 'Duration (sec)', 'Duration (secs)')) || 0));
  const statusRaw = col(row, 'Status').toLowerCase();
  const code = col(row, 'Disconnect Code');
  const status: ParsedCall['status'] = /busy/.test(statusRaw) || code === '486'
    ? 'BUSY'
    : /answer|success/.test(statusRaw) && !/no.?answer/.test(statusRaw)
      ? 'ANSWERED'
      : /no.?answer|cancel|missed|unavailable/.test(statusRaw)
        ? 'MISSED'
        : statusRaw
          ? 'FAILED'
          : durationSeconds > 0 ? 'ANSWERED' : 'MISSED';
  // DIDWW's CSV carries no call id: start time, caller, DID and attempt identify a call attempt.
  const key = [didDigits, startRaw, sourceRaw, col(row, 'Attempt') || '1'].join('|');
  return {
    externalId: `didww:${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`,
    didDigits, startedAt, source,
    destination: col(row, 'Destination'),
    durationSeconds: status === 'ANSWERED' ? durationSeconds : 0,
    status,
    disconnectReason: [code, col(row, 'Response')].filter(Boolean).join(' ') || null,
  };
}

/** Calendar-month chunks of [from, to]: legacy exports are per month, and newer ones stay small. */
function monthChunks(from: Date, to: Date): Array<{ from: Date; to: Date }> {
  const out: Array<{ from: Date; to: Date }> = [];
  let start = from;
  while (start < to) {
    const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const end = next < to ? new Date(next.getTime() - 1000) : to;
    out.push({ from: start, to: end });
    start = next;
  }
  return out;
}

export class CdrImport {
  private readonly opts: Required<CdrImportOptions>;

  constructor(private readonly deps: ModuleDeps, private readonly pool: pg.Pool, opts: CdrImportOptions = {}) {
    this.opts = { pollMs: 250, maxWaitMs: 120_000, initialDays: 60, overlapMs: DAY_MS, ...opts };
  }

  async run(scope: ImportScope = {}): Promise<ImportResult> {
    const result: ImportResult = { exports: 0, rows: 0, inserted: 0, updated: 0, unmatched: 0 };
    const numbers = await this.numbers(scope.userId ?? null);
    if (numbers.length === 0) return result;
    const byDigits = new Map(numbers.map((n) => [n.digits, n]));
    const now = this.deps.clock.now();
    const from = await this.startOfPeriod(scope.userId ?? null, now);
    // One export for the whole account, or one per number when refreshing a single customer.
    const didFilters: Array<string | undefined> = scope.userId ? numbers.map((n) => n.digits) : [undefined];
    for (const chunk of monthChunks(from, now)) {
      for (const didNumber of didFilters) {
        const rows = await this.fetchExport({ ...chunk, didNumber });
        result.exports += 1;
        await this.store(rows, byDigits, result);
      }
    }
    this.deps.log.info({ ...result, userId: scope.userId ?? null }, 'call records imported');
    return result;
  }

  private async numbers(userId: string | null): Promise<NumberRef[]> {
    const rows = await this.deps.prisma.purchasedNumber.findMany({
      where: { didwwDidId: { not: null }, ...(userId ? { userId } : {}) },
      select: { id: true, userId: true, e164: true },
      // Newest last: a number bought again after a release maps to its current owner.
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => ({ id: r.id, userId: r.userId, digits: r.e164.replace(/\D/g, '') }));
  }

  private async startOfPeriod(userId: string | null, now: Date): Promise<Date> {
    const newest = await this.deps.prisma.callRecord.aggregate({ _max: { startedAt: true }, where: userId ? { userId } : {} });
    const earliestKept = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
    const wanted = newest._max.startedAt
      ? new Date(newest._max.startedAt.getTime() - this.opts.overlapMs)
      : new Date(now.getTime() - this.opts.initialDays * DAY_MS);
    return new Date(Math.max(wanted.getTime(), earliestKept.getTime()));
  }

  private async fetchExport(input: { from: Date; to: Date; didNumber?: string }): Promise<CdrRow[]> {
    const { didww } = this.deps;
    let exp: CdrExport = await didww.createCdrExport(input);
    const deadline = Date.now() + this.opts.maxWaitMs;
    while (exp.status !== 'Completed') {
      if (Date.now() > deadline) throw new Error(`DIDWW CDR export ${exp.id} did not complete in time`);
      await sleep(this.opts.pollMs);
      exp = await didww.getCdrExport(exp.id);
    }
    return parseCdrExport(await didww.downloadCdrExport(exp));
  }

  private async store(rows: CdrRow[], byDigits: Map<string, NumberRef>, result: ImportResult): Promise<void> {
    const calls: Array<ParsedCall & { number: NumberRef }> = [];
    for (const row of rows) {
      result.rows += 1;
      const call = parseCallRow(row);
      const number = call ? byDigits.get(call.didDigits) : undefined;
      if (!call || !number) {
        result.unmatched += 1;
        continue;
      }
      calls.push({ ...call, number });
    }
    for (let i = 0; i < calls.length; i += BATCH) {
      const batch = calls.slice(i, i + BATCH);
      await pgTransaction(this.pool, async (_sql, client) => {
        const res = await client.query<{ inserted: boolean }>(
          `INSERT INTO call_records (id, external_id, user_id, purchased_number_id, direction, status, source, destination,
                                     started_at, duration_seconds, disconnect_reason, updated_at)
           SELECT gen_random_uuid(), x.external_id, x.user_id, x.number_id, 'INBOUND', x.status::"CallStatus", x.source, x.destination,
                  x.started_at, x.duration, x.reason, now()
             FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::int[], $9::text[])
                  AS x(external_id, user_id, number_id, status, source, destination, started_at, duration, reason)
           ON CONFLICT (external_id) DO UPDATE
              SET status = EXCLUDED.status, duration_seconds = EXCLUDED.duration_seconds,
                  disconnect_reason = EXCLUDED.disconnect_reason, destination = EXCLUDED.destination, updated_at = now()
            WHERE (call_records.status, call_records.duration_seconds, call_records.disconnect_reason, call_records.destination)
                  IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.duration_seconds, EXCLUDED.disconnect_reason, EXCLUDED.destination)
           RETURNING (xmax = 0) AS inserted`,
          [
            batch.map((c) => c.externalId), batch.map((c) => c.number.userId), batch.map((c) => c.number.id),
            batch.map((c) => c.status), batch.map((c) => c.source), batch.map((c) => c.destination),
            batch.map((c) => c.startedAt), batch.map((c) => c.durationSeconds), batch.map((c) => c.disconnectReason),
          ],
        );
        const inserted = res.rows.filter((r) => r.inserted).length;
        result.inserted += inserted;
        result.updated += res.rows.length - inserted;
        if (res.rows.length > 0) {
          const touched: TouchedDay[] = batch.map((c) => ({ numberId: c.number.id, at: c.startedAt }));
          await refreshRollups(client, touched);
        }
      });
    }
  }
}
