import type { CatalogSyncRun, Prisma } from '../../generated/prisma/client';
import type { SyncRunKind } from '../../generated/prisma/enums';
import { ok, type Result } from '../../graphql/errors';
import { decodeCursor, keysetAfter, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { isDidwwError } from '../../integrations/didww';
import { enqueueJob } from '../../jobs/enqueue';
import type { Actor } from '../audit/audit.service';
import type { ModuleDeps } from '../module-deps';
import { applyReference, fetchReference } from './reference-sync';
import { SYNC_TASK, SyncRuns, type RunWithTrigger, type SyncCounts } from './runs';
import { applyStock, fetchStock, stockCountries } from './stock-sync';
import type { Tx } from './staging';
import { UUID } from '../../lib/ids';

/** Pricing's task that rewrites SkuPrices (and listed prices) from the rules; keyed so runs collapse. */
export const REPRICE_TASK = 'reprice-catalog';

/** A daily reference sync may wait hours for DIDWW to come back; stock has its crontab every 10 min. */
const MAX_ATTEMPTS: Record<SyncRunKind, number> = { REFERENCE: 10, STOCK: 3 };


/** What a job run came to. `retry`: the task should throw so graphile-worker tries again later. */
export type TaskOutcome =
  | { status: 'SKIPPED'; reason: string }
  | { status: 'SUCCEEDED'; run: CatalogSyncRun }
  | { status: 'FAILED'; run: CatalogSyncRun; reason: string; retry: boolean };

/**
 * Keeps our catalog in step with DIDWW: reference data daily, stock every 10 minutes, and either on
 * demand by staff. Every run fetches first and writes last, in one transaction.
 */
export class CatalogSyncService {
  private readonly runs: SyncRuns;

  constructor(private readonly deps: ModuleDeps) {
    this.runs = new SyncRuns(deps.prisma, deps.clock);
  }

  /** Staff asks for a run: returns the live run of that kind if any (`started: false`), else queues one. */
  async start(actor: Actor, kind: SyncRunKind): Promise<Result<{ run: RunWithTrigger; started: boolean }>> {
    const { run, created } = await this.runs.request(kind, actor.userId, async (tx, queued) => {
      await enqueueJob(tx, SYNC_TASK[kind], { runId: queued.id }, { jobKey: SYNC_TASK[kind], maxAttempts: MAX_ATTEMPTS[kind] });
      await this.deps.audit.record(actor, { action: 'catalog_sync.start', targetType: 'CatalogSyncRun', targetId: queued.id, data: { kind } }, tx);
    });
    return ok({ run: (await this.run(run.id))!, started: created });
  }

  async run(id: string): Promise<RunWithTrigger | null> {
    if (!UUID.test(id)) return null;
    return this.deps.prisma.catalogSyncRun.findUnique({ where: { id }, include: { triggeredBy: true } });
  }

  /** Newest first; the cursor is the (createdAt, id) of the last row seen. */
  async list(kind: SyncRunKind | null, after: string | null, limit: number): Promise<ConnectionShape<RunWithTrigger>> {
    const cursor = decodeCursor(after, timeIdCursor);
    const where = kind ? { kind } : {};
    const rows = await this.deps.prisma.catalogSyncRun.findMany({
      where: cursor
        ? { ...where, ...keysetAfter<Prisma.CatalogSyncRunWhereInput>(cursor, 'createdAt') }
        : where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      include: { triggeredBy: true },
    });
    return toConnection(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
      toNode: (r) => r,
      count: () => this.deps.prisma.catalogSyncRun.count({ where }),
    });
  }

  /**
   * The body of the sync jobs: claim the run, fetch from DIDWW (progress only), then apply and
   * close the run in one transaction. Any failure closes the run FAILED and leaves the catalog as
   * it was; transient ones ask for a retry, which claims a new run row.
   */
  async runTask(kind: SyncRunKind, runId: string | null): Promise<TaskOutcome> {
    const claim = await this.runs.claim(kind, runId);
    if (!claim.run) {
      this.deps.log.info({ kind, runId }, `catalog sync skipped: ${claim.reason}`);
      return { status: 'SKIPPED', reason: claim.reason };
    }
    const run = claim.run;
    let lastProgress = 0;
    const report = async (pct: number) => {
      if (Math.floor(pct) <= lastProgress) return;
      lastProgress = Math.floor(pct);
      await this.runs.progress(run.id, pct);
    };
    try {
      const done = kind === 'REFERENCE' ? await this.syncReference(run, report) : await this.syncStock(run, report);
      this.deps.log.info({ kind, runId: run.id, created: done.createdCount, updated: done.updatedCount, removed: done.removedCount }, 'catalog sync succeeded');
      return { status: 'SUCCEEDED', run: done };
    } catch (err) {
      const reason = describeFailure(err);
      const failed = await this.runs.fail(run, reason);
      // DIDWW refusing us (bad key, validation) will refuse again: the next scheduled run retries.
      const retry = !isDidwwError(err) || err.retryable;
      this.deps.log.warn({ kind, runId: run.id, err, retry }, `catalog sync failed: ${reason}`);
      return { status: 'FAILED', run: failed, reason, retry };
    }
  }

  private async syncReference(run: CatalogSyncRun, report: (pct: number) => Promise<void>): Promise<CatalogSyncRun> {
    const snapshot = await fetchReference(this.deps.didww, report);
    return this.applyAndClose(run, async (tx, now) => {
      const outcome = await applyReference(tx, snapshot, now);
      if (outcome.costsChanged) await this.requestReprice(tx);
      return { counts: outcome, note: null };
    });
  }

  private async syncStock(run: CatalogSyncRun, report: (pct: number) => Promise<void>): Promise<CatalogSyncRun> {
    const countries = await stockCountries(this.deps.prisma);
    await report(5);
    const items = await fetchStock(this.deps.didww, countries, report);
    return this.applyAndClose(run, async (tx, now) => {
      const outcome = await applyStock(tx, items, now);
      if (outcome.provisionalPrices) await this.requestReprice(tx);
      const note = outcome.unpriced > 0 ? `${outcome.unpriced} numbers in stock were not listed: their SKU has no sell price and no GLOBAL pricing rule is in force.` : null;
      return { counts: outcome, note };
    });
  }

  private async applyAndClose(run: CatalogSyncRun, apply: (tx: Tx, now: Date) => Promise<{ counts: SyncCounts; note: string | null }>): Promise<CatalogSyncRun> {
    await this.runs.progress(run.id, 95);
    return this.deps.prisma.$transaction(
      async (tx) => {
        // Reference and stock runs both write did_groups/available_numbers: one writer at a time.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(7204120, 0)`;
        const { counts, note } = await apply(tx, this.deps.clock.now());
        return this.runs.succeed(tx, run, counts, note);
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  }

  private async requestReprice(tx: Tx): Promise<void> {
    await enqueueJob(tx, REPRICE_TASK, {}, { jobKey: REPRICE_TASK });
  }
}

/** The reason staff read on a failed run, e.g. "DIDWW unavailable: 503 Service Unavailable". */
export function describeFailure(err: unknown): string {
  if (isDidwwError(err)) return `DIDWW ${err.kind.replaceAll('_', ' ')}: ${err.status ? `${err.status} ` : ''}${err.detail}`;
  return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}
