/**
 * Validation and SQL of the usage filters (call records and SMS), shared by the history queries,
 * the statistics and the CSV exports so all three see exactly the same rows.
 */
import { z } from 'zod';
import { CallDirection, CallStatus, MessageDirection } from '../../generated/prisma/enums';
import { badInput, fail, ok, userError, zodUserErrors, ErrorCode, type Result } from '../../graphql/errors';
import { UUID } from '../../lib/ids';

export interface UsageViewer {
  userId: string;
  staff: boolean;
}

interface Common {
  /** Whose rows: the viewer for customers; any (null) or one customer for staff. */
  userId: string | null;
  numberId: string | null;
  from: Date | null;
  to: Date | null;
}
export interface CallFilter extends Common {
  direction: CallDirection | null;
  status: CallStatus | null;
  callerDigits: string | null;
}
export interface SmsFilter extends Common {
  direction: MessageDirection | null;
  search: string | null;
  fromDigits: string | null;
}

const id = z.string().regex(UUID, 'Not a valid id.').nullish();
const date = z.date().refine((d) => !Number.isNaN(d.getTime()), 'Not a valid date.').nullish();
const digits = (label: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s().+-]/g, ''))
    .pipe(z.string().regex(/^\d{2,20}$/, `${label} must be 2 to 20 digits.`))
    .nullish()
    .or(z.literal('').transform(() => null));

const common = { numberId: id, userId: id, from: date, to: date };
const callSchema = z.object({
  ...common,
  direction: z.enum(CallDirection).nullish(),
  status: z.enum(CallStatus).nullish(),
  callerContains: digits('Caller'),
});
const smsSchema = z.object({
  ...common,
  direction: z.enum(MessageDirection).nullish(),
  search: z.string().trim().max(200, 'Search is at most 200 characters.').nullish(),
  fromContains: digits('Sender'),
});

function scopeAndRange(viewer: UsageViewer, f: { userId?: string | null; numberId?: string | null; from?: Date | null; to?: Date | null }, prefix: string[]): Result<Common> {
  if (f.from && f.to && f.from.getTime() > f.to.getTime()) {
    return fail(userError(ErrorCode.VALIDATION, '`to` must not be before `from`.', [...prefix, 'to']));
  }
  return ok({
    // A customer's userId argument is ignored rather than honoured: their own rows are all they can reach.
    userId: viewer.staff ? (f.userId ?? null) : viewer.userId,
    numberId: f.numberId ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
  });
}

export function parseCallFilter(viewer: UsageViewer, raw: unknown, prefix = ['filter']): Result<CallFilter> {
  const parsed = callSchema.safeParse(raw ?? {});
  if (!parsed.success) return fail(...zodUserErrors(parsed.error, prefix));
  const base = scopeAndRange(viewer, parsed.data, prefix);
  if (!base.ok) return base;
  const f = parsed.data;
  return ok({ ...base.value, direction: f.direction ?? null, status: f.status ?? null, callerDigits: f.callerContains ?? null });
}

export function parseSmsFilter(viewer: UsageViewer, raw: unknown, prefix = ['filter']): Result<SmsFilter> {
  const parsed = smsSchema.safeParse(raw ?? {});
  if (!parsed.success) return fail(...zodUserErrors(parsed.error, prefix));
  const base = scopeAndRange(viewer, parsed.data, prefix);
  if (!base.ok) return base;
  const f = parsed.data;
  return ok({ ...base.value, direction: f.direction ?? null, search: f.search || null, fromDigits: f.fromContains ?? null });
}

/** For queries, which have no payload: the first problem becomes a VALIDATION GraphQL error. */
export function orThrow<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const e = r.errors[0]!;
  throw badInput(e.message, e.field ?? []);
}

/** A WHERE clause under construction; `$n` placeholders are numbered as values are added. */
export class Where {
  readonly parts: string[] = [];
  constructor(readonly params: unknown[] = []) {}
  add(sqlWithPlaceholder: string, ...values: unknown[]): this {
    let sql = sqlWithPlaceholder;
    for (const v of values) {
      this.params.push(v);
      sql = sql.replace('?', `$${this.params.length}`);
    }
    this.parts.push(sql);
    return this;
  }
  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'TRUE';
  }
}

/** Escapes LIKE wildcards; digits never contain them, but the helper keeps the intent obvious. */
export const likeDigits = (d: string) => `%${d.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

export function callWhere(f: CallFilter, a = 'c', w = new Where(), opts: { skipRange?: boolean } = {}): Where {
  if (f.userId) w.add(`${a}.user_id = ?::uuid`, f.userId);
  if (f.numberId) w.add(`${a}.purchased_number_id = ?::uuid`, f.numberId);
  if (!opts.skipRange && f.from) w.add(`${a}.started_at >= ?`, f.from);
  if (!opts.skipRange && f.to) w.add(`${a}.started_at < ?`, f.to);
  if (f.direction) w.add(`${a}.direction = ?::"CallDirection"`, f.direction);
  if (f.status) w.add(`${a}.status = ?::"CallStatus"`, f.status);
  if (f.callerDigits) w.add(`${a}.source LIKE ?`, likeDigits(f.callerDigits));
  return w;
}

export function smsWhere(f: SmsFilter, a = 's', w = new Where()): Where {
  if (f.userId) w.add(`${a}.user_id = ?::uuid`, f.userId);
  if (f.numberId) w.add(`${a}.purchased_number_id = ?::uuid`, f.numberId);
  if (f.from) w.add(`${a}.received_at >= ?`, f.from);
  if (f.to) w.add(`${a}.received_at < ?`, f.to);
  if (f.direction) w.add(`${a}.direction = ?::"MessageDirection"`, f.direction);
  if (f.fromDigits) w.add(`${a}.from_number LIKE ?`, likeDigits(f.fromDigits));
  if (f.search) w.add(`${a}.search_vector @@ websearch_to_tsquery('simple', ?)`, f.search);
  return w;
}
