/**
 * CSV exports of call records and SMS. A mutation records what to export (the filter, already
 * scoped to the caller) and hands out a link with a random token; the download is PostgreSQL's
 * own `COPY … TO STDOUT (FORMAT csv)` piped to the response. The database writes the CSV, so this
 * process only passes buffers along: no row objects, flat memory, and backpressure end to end.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ExportKind } from '../../generated/prisma/enums';
import { ok, type Result } from '../../graphql/errors';
import { UUID } from '../../lib/ids';
import type { ModuleDeps } from '../module-deps';
import type { SmsMessageFilter } from '../messaging/messaging.types';
import { callWhere, parseCallFilter, parseSmsFilter, smsWhere, type CallFilter, type SmsFilter, type UsageViewer } from '../usage/usage-filter';
import type { CallRecordFilter } from '../usage/usage.types';
import type { DataExport } from './exports.types';

const LINK_TTL_MS = 24 * 3_600_000;
const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

type StoredFilter = Record<string, unknown>;

const toStored = (f: CallFilter | SmsFilter): StoredFilter =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
const dates = <T extends { from: unknown; to: unknown }>(f: T) => ({
  ...f,
  from: f.from ? new Date(String(f.from)) : null,
  to: f.to ? new Date(String(f.to)) : null,
});

export interface ExportDownload {
  id: string;
  kind: ExportKind;
  filter: StoredFilter;
}

/** ISO 8601 in UTC with milliseconds, as the API's DateTime scalar prints it. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * COPY takes no bind parameters, so the filter's values go into the statement as literals, quoted
 * by the driver's own escaping. Only the placeholders of our WHERE builder are replaced, in one
 * pass over SQL we wrote, so nothing inside a value is ever read as a placeholder.
 */
export function inlineParams(sql: string, params: unknown[], quote: (s: string) => string): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    if (v instanceof Date) return `${quote(v.toISOString())}::timestamptz`;
    if (typeof v === 'string') return quote(v);
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    throw new Error(`export filter parameter $${n} has an unsupported type`);
  });
}

export class ExportsService {
  constructor(private readonly deps: ModuleDeps, private readonly pool: pg.Pool) {}

  exportCallRecords(viewer: UsageViewer, filter: CallRecordFilter | null | undefined) {
    const f = parseCallFilter(viewer, filter);
    return f.ok ? this.create(viewer, ExportKind.CALL_RECORDS, toStored(f.value)) : f;
  }

  exportSmsMessages(viewer: UsageViewer, filter: SmsMessageFilter | null | undefined) {
    const f = parseSmsFilter(viewer, filter);
    return f.ok ? this.create(viewer, ExportKind.SMS_MESSAGES, toStored(f.value)) : f;
  }

  private async create(viewer: UsageViewer, kind: ExportKind, filter: StoredFilter): Promise<Result<{ export: DataExport; url: string }>> {
    const token = randomBytes(24).toString('base64url');
    const row = await this.deps.prisma.dataExport.create({
      data: {
        userId: viewer.userId, kind, filter: filter as object, tokenHash: hashToken(token),
        expiresAt: new Date(this.deps.clock.now().getTime() + LINK_TTL_MS),
      },
    });
    return ok({ export: { id: row.id, kind: row.kind, expiresAt: row.expiresAt, createdAt: row.createdAt }, url: `/exports/${row.id}.csv?token=${token}` });
  }

  /** The export if it is this user's, the token matches and the link is live; otherwise null (404). */
  async open(userId: string, id: string, token: string | undefined): Promise<ExportDownload | null> {
    if (!UUID.test(id) || !token) return null;
    const row = await this.deps.prisma.dataExport.findFirst({ where: { id, userId } });
    if (!row || row.expiresAt <= this.deps.clock.now()) return null;
    const a = Buffer.from(row.tokenHash, 'hex');
    const b = Buffer.from(hashToken(token), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    return { id: row.id, kind: row.kind, filter: row.filter as StoredFilter };
  }

  /** Streams the CSV into `out`; resolves with the number of rows written. */
  async stream(exp: ExportDownload, out: Writable): Promise<number> {
    const { sql, params } = this.query(exp);
    const client = await this.pool.connect();
    let rows = 0;
    try {
      // A read-only snapshot: the file is consistent even while imports write.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const copy = client.query(copyTo(`COPY (${inlineParams(sql, params, (v) => client.escapeLiteral(v))}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
      await pipeline(copy, out);
      rows = copy.rowCount ?? 0;
      await client.query('COMMIT');
    } catch (err) {
      // A COPY cut short (the client went away) leaves the connection mid-protocol: it is closed,
      // not returned to the pool, and the server rolls the transaction back with it.
      client.release(err as Error);
      throw err;
    }
    client.release();
    await this.deps.prisma.dataExport.update({ where: { id: exp.id }, data: { rowCount: rows, downloadedAt: this.deps.clock.now() } });
    return rows;
  }

  private query(exp: ExportDownload) {
    if (exp.kind === ExportKind.CALL_RECORDS) {
      const w = callWhere(dates(exp.filter as unknown as CallFilter));
      return {
        sql: `SELECT ${iso('c.started_at')} AS started_at, n.e164 AS number, c.direction, c.status, c.source AS caller, c.destination,
                     c.duration_seconds, c.disconnect_reason
                FROM call_records c JOIN purchased_numbers n ON n.id = c.purchased_number_id
               WHERE ${w.sql} ORDER BY c.started_at DESC, c.id DESC`,
        params: w.params,
      };
    }
    const w = smsWhere(dates(exp.filter as unknown as SmsFilter));
    return {
      sql: `SELECT ${iso('s.received_at')} AS received_at, n.e164 AS number, s.direction, s.from_number AS "from", s.to_number AS "to", s.body AS text
              FROM sms_messages s JOIN purchased_numbers n ON n.id = s.purchased_number_id
             WHERE ${w.sql} ORDER BY s.received_at DESC, s.id DESC`,
      params: w.params,
    };
  }
}
