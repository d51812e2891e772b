import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../seed';
import { useTestApi } from '../../test/api-harness';

const SEARCH = /* GraphQL */ `
  query Search($filter: AvailableNumberFilter!, $first: Int) {
    availableNumbers(filter: $filter, first: $first) { edges { node { id } } }
  }
`;

describe('catalog search response cache', () => {
  const api = useTestApi({ CATALOG_PAGE_CACHE_MS: '400' });
  beforeAll(async () => {
    await seedDemoData(api.db.prisma);
  }, 60_000);

  const ids = async (filter: Record<string, unknown>, first = 5): Promise<string[]> => {
    const res = await api.gql(SEARCH, { filter, first });
    return res.body.data!.availableNumbers.edges.map((e: { node: { id: string } }) => e.node.id);
  };

  it('reuses a page for the same query until it expires, and never for another query', async () => {
    const first = await ids({ countryIso: 'GB' });
    // Sold behind the cache's back (as by another API process).
    await api.db.prisma.availableNumber.update({ where: { id: first[0] }, data: { status: 'SOLD' } });
    expect(await ids({ countryIso: 'GB' })).toEqual(first);
    // A different page size is a different query: it reads the database.
    expect(await ids({ countryIso: 'GB' }, 6)).not.toContain(first[0]);
    await new Promise((r) => setTimeout(r, 500));
    const later = await ids({ countryIso: 'GB' });
    expect(later).not.toContain(first[0]);
    expect(later.slice(0, 4)).toEqual(first.slice(1));
  });
});
