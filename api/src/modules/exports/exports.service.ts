/**
 * CSV exports of call records and SMS. A mutation records what to export (the filter, already
 * scoped to the caller) and hands out a link with a random token; the download streams rows from
 * a server-side cursor through csv-stringify, so memory stays flat for any number of rows.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
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

const CALL_COLUMNS = ['started_at', 'number', 'direction', 'status', 'caller', 'destination', 'duration_seconds', 'disconnect_reason'];
const SMS_COLUMNS = ['received_at', 'number', 'direction', 'from', 'to', 'text'];

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
    const { sql, params, columns, toRow } = this.query(exp);
    const client = await this.pool.connect();
    let rows = 0;
    try {
      // A read-only snapshot: the file is consistent even while imports write.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const source = client.query(new QueryStream(sql, params, { batchSize: 2_000 }));
      const shape = new Transform({
        objectMode: true,
        transform(r: Record<string, unknown>, _enc, done) {
          rows += 1;
          done(null, toRow(r));
        },
      });
      await pipeline(source, shape, stringify({ header: true, columns, cast: { date: (d) => d.toISOString() } }), out);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    await this.deps.prisma.dataExport.update({ where: { id: exp.id }, data: { rowCount: rows, downloadedAt: this.deps.clock.now() } });
    return rows;
  }

  private query(exp: ExportDownload) {
    if (exp.kind === ExportKind.CALL_RECORDS) {
      const w = callWhere(dates(exp.filter as unknown as CallFilter));
      return {
        sql: `SELECT c.started_at, n.e164, c.direction, c.status, c.source, c.destination, c.duration_seconds, c.disconnect_reason
                FROM call_records c JOIN purchased_numbers n ON n.id = c.purchased_number_id
               WHERE ${w.sql} ORDER BY c.started_at DESC, c.id DESC`,
        params: w.params,
        columns: CALL_COLUMNS,
        toRow: (r: Record<string, unknown>) => [r.started_at, r.e164, r.direction, r.status, r.source, r.destination, r.duration_seconds, r.disconnect_reason],
      };
    }
    const w = smsWhere(dates(exp.filter as unknown as SmsFilter));
    return {
      sql: `SELECT s.received_at, n.e164, s.direction, s.from_number, s.to_number, s.body
              FROM sms_messages s JOIN purchased_numbers n ON n.id = s.purchased_number_id
             WHERE ${w.sql} ORDER BY s.received_at DESC, s.id DESC`,
      params: w.params,
      columns: SMS_COLUMNS,
      toRow: (r: Record<string, unknown>) => [r.received_at, r.e164, r.direction, r.from_number, r.to_number, r.body],
    };
  }
}
