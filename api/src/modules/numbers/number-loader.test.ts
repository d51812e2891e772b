import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { useTestApi } from '../../test/api-harness';
import { paidNumbers } from '../provisioning/provisioning.test-support';
import { NumberLoader } from './number-loader';

describe('NumberLoader (the live-update reload)', () => {
  const api = useTestApi();
  let mine: string[];
  let theirs: string[];
  let me: string;

  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
    const stock = (await api.db.prisma.availableNumber.findMany({ where: { country: { isoCode: 'US' } }, orderBy: { e164: 'asc' }, take: 3, select: { id: true } })).map((n) => n.id);
    mine = await paidNumbers(api, stock.slice(0, 2));
    theirs = await paidNumbers(api, stock.slice(2));
    me = (await api.db.prisma.purchasedNumber.findUniqueOrThrow({ where: { id: mine[0]! } })).userId;
  }, 60_000);

  it('loads a batch in one go, each number exactly as the number(id) read shows it', async () => {
    const loader = new NumberLoader(api.db.pool);
    const loaded = await Promise.all(mine.map((id) => loader.ofUser(me, id)));
    const read = await Promise.all(mine.map((id) => api.server.services.numbers.number({ userId: me, staff: false }, id)));
    expect(loaded).toEqual(read);
    expect(loaded[0]!.statusEvents.map((e) => e.toStatus)).toEqual(['PENDING']);
  });

  it("never hands one customer another customer's number, nor an unknown one", async () => {
    const loader = new NumberLoader(api.db.pool);
    const [own, other, unknown] = await Promise.all([loader.ofUser(me, mine[0]!), loader.ofUser(me, theirs[0]!), loader.ofUser(me, '01900000-0000-7000-8000-000000000000')]);
    expect(own?.id).toBe(mine[0]);
    expect(other).toBeNull();
    expect(unknown).toBeNull();
    // Staff see any customer's number.
    expect((await loader.visibleTo({ userId: me, staff: true }, theirs[0]!))?.id).toBe(theirs[0]);
  });
});
