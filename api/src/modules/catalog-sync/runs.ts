/**
 * The life of a CatalogSyncRun row: QUEUED → RUNNING → SUCCEEDED | FAILED.
 *
 * Rules (README.md of this folder says more):
 *  - at most one live run per kind: requests and job starts take a per-kind advisory lock, and a
 *    QUEUED or RUNNING run touched within STALE_AFTER_MS is returned/respected instead of a new one;
 *  - `updatedAt` is the heartbeat: every progress write bumps it, so a run whose worker died goes
 *    stale after 10 minutes and stops blocking;
 *  - SUCCEEDED and FAILED are final. A retry of a failed job gets a NEW row (triggered by the same
 *    person), so the history shows every attempt and its reason.
 */
import type { Clock } from '../../clock';
import type { PrismaClient } from '../../db/prisma';
import type { CatalogSyncRun, Prisma } from '../../generated/prisma/client';
import type { SyncRunKind } from '../../generated/prisma/enums';
import type { Tx } from './staging';

export const STALE_AFTER_MS = 10 * 60_000;

/** graphile-worker task per kind; also the job key, so one pending job per kind. */
export const SYNC_TASK: Record<SyncRunKind, string> = {
  REFERENCE: 'sync-catalog-reference',
  STOCK: 'sync-catalog-stock',
};

export interface SyncCounts {
  created: number;
  updated: number;
  removed: number;
}

export type Claim = { run: CatalogSyncRun } | { run: null; reason: string };

// pg_advisory_xact_lock(class, object): one lock class for this module, one object per kind.
const LOCK_CLASS = 7_204_120;
const LOCK_OBJECT: Record<SyncRunKind, number> = { REFERENCE: 1, STOCK: 2 };

/** Serialises run bookkeeping of one kind across processes until the transaction ends. */
async function lockKind(tx: Tx, kind: SyncRunKind): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, ${LOCK_OBJECT[kind]}::int)`;
}

const LIVE = ['QUEUED', 'RUNNING'] as const;

export class SyncRuns {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  private isFresh(run: CatalogSyncRun, now: Date): boolean {
    return now.getTime() - run.updatedAt.getTime() < STALE_AFTER_MS;
  }

  /** Live runs that stopped moving are closed, so they neither block nor linger as "running". */
  private async closeStale(tx: Tx, runs: CatalogSyncRun[], now: Date): Promise<void> {
    for (const run of runs) {
      if (this.isFresh(run, now)) continue;
      const error = run.status === 'QUEUED' ? 'Abandoned: not started within 10 minutes.' : 'Interrupted: no progress for 10 minutes.';
      await tx.catalogSyncRun.update({ where: { id: run.id }, data: { status: 'FAILED', error, ...this.finish(run, now) } });
    }
  }

  private finish(run: Pick<CatalogSyncRun, 'startedAt'>, now: Date) {
    return { finishedAt: now, updatedAt: now, durationMs: run.startedAt ? now.getTime() - run.startedAt.getTime() : null };
  }

  /**
   * A run requested by staff: the live run of this kind if there is one, else a new QUEUED run,
   * with `afterCreate` (enqueue + audit) in the same transaction.
   */
  async request(kind: SyncRunKind, triggeredById: string | null, afterCreate: (tx: Tx, run: CatalogSyncRun) => Promise<void>): Promise<{ run: CatalogSyncRun; created: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      await lockKind(tx, kind);
      const now = this.clock.now();
      const live = await tx.catalogSyncRun.findMany({ where: { kind, status: { in: [...LIVE] } }, orderBy: { createdAt: 'desc' } });
      await this.closeStale(tx, live, now);
      const current = live.find((r) => this.isFresh(r, now));
      if (current) return { run: current, created: false };
      const run = await tx.catalogSyncRun.create({ data: { kind, status: 'QUEUED', triggeredById, createdAt: now, updatedAt: now } });
      await afterCreate(tx, run);
      return { run, created: true };
    });
  }

  /**
   * A job wants to run `runId` (or, from the crontab, any run of `kind`). Returns the run now
   * RUNNING, or why there is nothing to do. Throws `SyncBusy` when a queued run must wait for
   * another run of its kind (the job is retried later).
   */
  async claim(kind: SyncRunKind, runId: string | null): Promise<Claim> {
    return this.prisma.$transaction(async (tx) => {
      await lockKind(tx, kind);
      const now = this.clock.now();
      const live = await tx.catalogSyncRun.findMany({ where: { kind, status: { in: [...LIVE] } }, orderBy: { createdAt: 'asc' } });
      // The job's own queued run is not "abandoned" however long the queue was: it is starting now.
      const mine = (r: CatalogSyncRun) => r.id === runId && r.status === 'QUEUED';
      await this.closeStale(tx, live.filter((r) => !mine(r)), now);
      const fresh = live.filter((r) => mine(r) || this.isFresh(r, now));
      // Read after closeStale: a stale run of our own is FAILED by now, and so gets retried below.
      const named = runId ? await tx.catalogSyncRun.findUnique({ where: { id: runId } }) : null;
      const run = named?.kind === kind ? named : null;
      const runningElsewhere = fresh.find((r) => r.status === 'RUNNING' && r.id !== run?.id);

      if (run?.status === 'SUCCEEDED') return { run: null, reason: `run ${run.id} already succeeded` };
      if (run?.status === 'RUNNING') return { run: null, reason: `run ${run.id} is already running` };
      if (runningElsewhere) {
        if (run?.status === 'QUEUED') throw new SyncBusy(kind, runningElsewhere.id);
        return { run: null, reason: `run ${runningElsewhere.id} is in progress` };
      }
      const start = { status: 'RUNNING' as const, progress: 0, startedAt: now, updatedAt: now };
      if (run?.status === 'QUEUED') return { run: await tx.catalogSyncRun.update({ where: { id: run.id }, data: start }) };
      let triggeredById: string | null = null;
      if (run?.status === 'FAILED') {
        // A retry. If a later run of this kind already succeeded, the catalog is current: done.
        const later = await tx.catalogSyncRun.findFirst({ where: { kind, status: 'SUCCEEDED', createdAt: { gt: run.createdAt } } });
        if (later) return { run: null, reason: `run ${run.id} failed but the later run ${later.id} succeeded` };
        triggeredById = run.triggeredById;
      }
      // A crontab tick (or a retry, or a job whose payload a tick replaced) serves a waiting request
      // rather than starting beside it; that request's own job will then find it done.
      const queued = fresh.find((r) => r.status === 'QUEUED');
      if (queued) return { run: await tx.catalogSyncRun.update({ where: { id: queued.id }, data: start }) };
      return { run: await tx.catalogSyncRun.create({ data: { kind, ...start, triggeredById, createdAt: now } }) };
    });
  }

  /** Progress 0–100; also the heartbeat that keeps the run from going stale. */
  async progress(runId: string, progress: number): Promise<void> {
    const now = this.clock.now();
    await this.prisma.catalogSyncRun.updateMany({
      where: { id: runId, status: 'RUNNING' },
      data: { progress: Math.max(0, Math.min(99, Math.round(progress))), updatedAt: now },
    });
  }

  /** Inside the transaction that applied the sync: the catalog and the outcome commit together. */
  async succeed(tx: Tx, run: CatalogSyncRun, counts: SyncCounts, note: string | null): Promise<CatalogSyncRun> {
    const now = this.clock.now();
    return tx.catalogSyncRun.update({
      where: { id: run.id },
      data: {
        status: 'SUCCEEDED', progress: 100, error: note,
        createdCount: counts.created, updatedCount: counts.updated, removedCount: counts.removed,
        ...this.finish(run, now),
      },
    });
  }

  async fail(run: CatalogSyncRun, reason: string): Promise<CatalogSyncRun> {
    const now = this.clock.now();
    return this.prisma.catalogSyncRun.update({
      where: { id: run.id },
      data: { status: 'FAILED', error: reason.slice(0, 2000), ...this.finish(run, now) },
    });
  }
}

/** A queued run found another run of its kind in progress; thrown so the job is retried later. */
export class SyncBusy extends Error {
  constructor(kind: SyncRunKind, runningId: string) {
    super(`A ${kind} catalog sync (${runningId}) is already running; this one waits for a retry.`);
    this.name = 'SyncBusy';
  }
}

export type RunWithTrigger = Prisma.CatalogSyncRunGetPayload<{ include: { triggeredBy: true } }>;
