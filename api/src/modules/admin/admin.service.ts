import type { PrismaClient } from '../../db/prisma';
import type { StaffOverview } from './admin.types';

export class AdminService {
  constructor(private readonly prisma: PrismaClient) {}

  async overview(): Promise<StaffOverview> {
    const [customers, orders, activeNumbers, availableNumbers] = await Promise.all([
      this.prisma.user.count({ where: { role: 'CUSTOMER' } }),
      this.prisma.order.count(),
      this.prisma.purchasedNumber.count({ where: { status: 'ACTIVE' } }),
      this.prisma.availableNumber.count({ where: { status: 'AVAILABLE' } }),
    ]);
    return { customers, orders, activeNumbers, availableNumbers };
  }
}
