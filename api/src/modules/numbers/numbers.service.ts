import type { Prisma } from '../../generated/prisma/client';
import { decodeCursor, keysetAfter, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { UUID } from '../../lib/ids';
import type { RealtimeHub } from '../../realtime/hub';
import { loadEach } from '../../realtime/streams';
import type { ModuleDeps } from '../module-deps';
import type { NumberLoader } from './number-loader';
import { numberInclude, toNumberView, type NumberRow } from './number-view';
import type { PurchasedNumber } from './numbers.types';

export interface NumberViewer {
  userId: string;
  staff: boolean;
}

/** Reading purchased numbers. Every read is scoped here: a customer only ever reaches their own. */
export class NumbersService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly realtime: RealtimeHub,
    private readonly loader: NumberLoader,
  ) {}

  async number(viewer: NumberViewer, id: string): Promise<PurchasedNumber | null> {
    if (!UUID.test(id)) return null;
    // Batched: an order's lines, each resolving its number, cost one query together.
    return this.loader.visibleTo(viewer, id);
  }

  /** The customer's numbers, newest first (keyset on createdAt, id). */
  async myNumbers(userId: string, limit: number, after: string | null | undefined): Promise<ConnectionShape<PurchasedNumber>> {
    const cursor = decodeCursor(after, timeIdCursor);
    const where: Prisma.PurchasedNumberWhereInput = { userId };
    const keyset: Prisma.PurchasedNumberWhereInput | undefined = cursor
      ? keysetAfter<Prisma.PurchasedNumberWhereInput>(cursor, 'createdAt')
      : undefined;
    const rows = await this.deps.prisma.purchasedNumber.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      include: numberInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toConnection<NumberRow, PurchasedNumber>(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
      toNode: toNumberView,
      count: () => this.deps.prisma.purchasedNumber.count({ where }),
    });
  }

  /** Each status transition of the user's own numbers, as the number looks right after it. */
  statusChanges(userId: string): AsyncIterable<PurchasedNumber> {
    return loadEach(this.realtime.numberEventsOf(userId), (e) => this.loader.ofUser(userId, e.numberId));
  }
}
