import type { Prisma } from '../../generated/prisma/client';
import type { OrderStatus } from '../../generated/prisma/enums';
import { decodeCursor, keysetAfter, timeIdCursor, toConnection, type ConnectionShape } from '../../graphql/pagination';
import type { ModuleDeps } from '../module-deps';
import { orderInclude, toOrderView, type OrderRow } from './order-view';
import type { Order } from './orders.types';
import { UUID } from '../../lib/ids';

export interface OrderViewer {
  userId: string;
  staff: boolean;
}

/** Reading orders. Every read is scoped here: a customer only ever reaches their own. */
export class OrdersService {
  constructor(private readonly deps: ModuleDeps) {}

  async order(viewer: OrderViewer, id: string): Promise<Order | null> {
    if (!UUID.test(id)) return null;
    const row = await this.deps.prisma.order.findFirst({
      where: { id, ...(viewer.staff ? {} : { userId: viewer.userId }) },
      include: orderInclude,
    });
    return row ? toOrderView(row, viewer.staff) : null;
  }

  async myOrders(userId: string, limit: number, after: string | null | undefined): Promise<ConnectionShape<Order>> {
    return this.page({ userId }, limit, after, false);
  }

  /** Staff: every order, newest first, by status and a search over reference, email and number. */
  async staffOrders(filter: { status?: OrderStatus | null; search?: string | null }, limit: number, after: string | null | undefined) {
    const where: Prisma.OrderWhereInput = {};
    if (filter.status) where.status = filter.status;
    const q = filter.search?.trim();
    if (q) {
      const ref = /^(?:NN-)?0*(\d{1,9})$/i.exec(q);
      where.OR = [
        ...(ref ? [{ reference: Number(ref[1]) }] : []),
        { user: { email: { contains: q.toLowerCase() } } },
        { lines: { some: { e164: { contains: q.replace(/[^\d+]/g, '') || q } } } },
      ];
    }
    return this.page(where, limit, after, true);
  }

  private async page(where: Prisma.OrderWhereInput, limit: number, after: string | null | undefined, forStaff: boolean) {
    const cursor = decodeCursor(after, timeIdCursor);
    const keyset: Prisma.OrderWhereInput | undefined = cursor
      ? keysetAfter<Prisma.OrderWhereInput>(cursor, 'createdAt')
      : undefined;
    const rows = await this.deps.prisma.order.findMany({
      where: keyset ? { AND: [where, keyset] } : where,
      include: orderInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toConnection<OrderRow, Order>(rows, limit, {
      hasPrevious: cursor !== null,
      cursorOf: (r) => ({ t: r.createdAt.toISOString(), id: r.id }),
      toNode: (r) => toOrderView(r, forStaff),
      count: () => this.deps.prisma.order.count({ where }),
    });
  }
}
