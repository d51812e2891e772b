import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../modules/auth/password';
import { skuSellPrices } from '../modules/pricing/markup';
import { createTestDatabase, useTestDatabase } from '../test/db';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PRICING_RULE, seedDemoData } from '.';
import { decimalToMinor } from './prices';

const db = useTestDatabase();

describe('seedDemoData', () => {
  it('fills an empty database with the demo accounts and catalog', async () => {
    const result = await seedDemoData(db.prisma);
    expect(result.seeded).toBe(true);

    const users = await db.prisma.user.findMany({ orderBy: { email: 'asc' } });
    expect(users.map((u) => [u.email, u.role, u.name])).toEqual([
      ['admin@numninja.test', 'ADMIN', 'Alex Admin'],
      ['customer@numninja.test', 'CUSTOMER', 'Casey Customer'],
      ['support@numninja.test', 'SUPPORT', 'Sam Support'],
    ]);
    for (const u of users) expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD)).toBe(true);

    expect(await db.prisma.country.count()).toBeGreaterThanOrEqual(8);
    const numbers = await db.prisma.availableNumber.findMany({ select: { e164: true, digits: true, country: { select: { callingCode: true } } } });
    expect(numbers.length).toBeGreaterThanOrEqual(5000);
    const invalid = numbers.filter((n) => !isValidPhoneNumber(n.e164));
    expect(invalid.map((n) => n.e164)).toEqual([]);
    for (const n of numbers.slice(0, 500)) expect(`+${n.country.callingCode}${n.digits}`).toBe(n.e164);
  });

  it('prices every number from its SKU cost through the global rule', async () => {
    const rule = await db.prisma.pricingRule.findFirstOrThrow({ where: { scope: 'GLOBAL' } });
    expect(rule).toMatchObject({ markupBasisPoints: DEMO_PRICING_RULE.markupBasisPoints, effectiveFrom: new Date(0) });

    const numbers = await db.prisma.availableNumber.findMany({
      take: 200,
      include: { sku: { include: { prices: true } }, didGroup: true },
      orderBy: { e164: 'asc' },
    });
    for (const n of numbers) {
      const [price] = n.sku.prices;
      expect(n.sku.prices).toHaveLength(1);
      expect(price).toMatchObject({ ruleIds: [rule.id], currency: 'USD', setupPrice: n.setupPrice, monthlyPrice: n.monthlyPrice });
      expect(skuSellPrices(n.sku, rule)).toEqual({ setupPrice: n.setupPrice, monthlyPrice: n.monthlyPrice });
      expect(n.monthlyPrice).toBeGreaterThanOrEqual(n.sku.monthlyCost + rule.minMargin);
      expect(n.monthlyPrice % rule.roundTo).toBe(0);
      expect({ countryId: n.countryId, regionId: n.regionId, features: n.features }).toEqual({
        countryId: n.didGroup.countryId,
        regionId: n.didGroup.regionId,
        features: n.didGroup.features,
      });
    }
  });

  it('writes nothing when run again', async () => {
    const before = await Promise.all([db.prisma.user.count(), db.prisma.availableNumber.count(), db.prisma.skuPrice.count()]);
    expect(await seedDemoData(db.prisma)).toEqual({ seeded: false, reason: 'already seeded' });
    expect(await Promise.all([db.prisma.user.count(), db.prisma.availableNumber.count(), db.prisma.skuPrice.count()])).toEqual(before);
  });

  it('leaves a database that already has users alone', async () => {
    const other = await createTestDatabase();
    try {
      await other.prisma.user.create({ data: { email: 'first@example.com', name: 'First', passwordHash: 'x' } });
      expect(await seedDemoData(other.prisma)).toEqual({ seeded: false, reason: 'already seeded' });
      expect(await other.prisma.country.count()).toBe(0);
    } finally {
      await other.drop();
    }
  });

  it('lists the accounts it creates', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toEqual(['customer@numninja.test', 'support@numninja.test', 'admin@numninja.test']);
  });
});

describe('decimalToMinor', () => {
  it('converts DIDWW decimal strings exactly, rounding sub-cent costs up', () => {
    expect(['0', '0.5', '1.50', '12.34', '0.05', '0.0036', '1.001', '1.000'].map(decimalToMinor)).toEqual([0, 50, 150, 1234, 5, 1, 101, 100]);
    expect(() => decimalToMinor('-1.00')).toThrow();
    expect(() => decimalToMinor('1,50')).toThrow();
  });
});
