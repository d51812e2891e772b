/** Call records for customers and staff: history, statistics, import from DIDWW and on-demand refresh. */
import type pg from 'pg';
import { badInput, ErrorCode, fail, ok, userError, type Result } from '../../graphql/errors';
import { UUID } from '../../lib/ids';
import { pageSize } from '../../graphql/pagination';
import { enqueueJob } from '../../jobs/enqueue';
import type { ModuleDeps } from '../module-deps';
import { CallHistory } from './call-history';
import { CdrImport, type CdrImportOptions, type ImportScope } from './cdr-import';
import { orThrow, parseCallFilter, type UsageViewer } from './usage-filter';
import type { CallRecordFilter, StatsInterval } from './usage.types';

export const IMPORT_CDRS_TASK = 'usage-import-cdrs';

export class UsageService {
  readonly history: CallHistory;
  readonly importer: CdrImport;

  constructor(private readonly deps: ModuleDeps, pool: pg.Pool, importOptions: CdrImportOptions = {}) {
    this.history = new CallHistory(pool);
    this.importer = new CdrImport(deps, pool, importOptions);
  }

  callRecords(viewer: UsageViewer, filter: CallRecordFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const f = orThrow(parseCallFilter(viewer, filter));
    return this.history.page(f, pageSize(first), after, viewer.staff);
  }

  callStats(viewer: UsageViewer, filter: CallRecordFilter | null | undefined, interval: StatsInterval) {
    const f = orThrow(parseCallFilter(viewer, filter));
    const now = this.deps.clock.now();
    if (f.from && CallHistory.bucketCount(f.from, f.to ?? now, interval) > CallHistory.MAX_BUCKETS) {
      throw badInput(`The period has more than ${CallHistory.MAX_BUCKETS} buckets; choose a wider interval or a shorter period.`, ['filter', 'from']);
    }
    return this.history.stats(f, interval, now);
  }

  /**
   * Queues an import for one customer's numbers (or every number, for staff without a customer).
   * The job key collapses repeated clicks into one pending import.
   */
  async requestRefresh(viewer: UsageViewer, userId: string | null | undefined): Promise<Result<{ queued: boolean }>> {
    if (viewer.staff && userId && !UUID.test(userId)) return fail(userError(ErrorCode.VALIDATION, 'Not a valid id.', ['userId']));
    const scope = viewer.staff ? (userId ?? null) : viewer.userId;
    await enqueueJob(this.deps.prisma, IMPORT_CDRS_TASK, { userId: scope }, { jobKey: `${IMPORT_CDRS_TASK}:${scope ?? 'all'}`, maxAttempts: 5 });
    return ok({ queued: true });
  }

  /** Numbers whose usage the viewer may read: their own, or (staff) a customer's. Oldest first. */
  async numbers(viewer: UsageViewer, userId: string | null | undefined) {
    const owner = viewer.staff ? userId : viewer.userId;
    if (!owner) return [];
    if (!UUID.test(owner)) throw badInput('Not a valid id.', ['userId']);
    return this.deps.prisma.purchasedNumber.findMany({
      where: { userId: owner, didwwDidId: { not: null } },
      select: { id: true, e164: true, status: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  importCallRecords(scope: ImportScope = {}) {
    return this.importer.run(scope);
  }
}
