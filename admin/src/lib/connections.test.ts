import { describe, expect, it } from 'vitest';
import { appendEdges, appendPage } from './connections';

const edge = (id: string, version = 1) => ({ cursor: `c-${id}`, node: { id, version } });

describe('appendEdges', () => {
  it('puts the next page after the listed items', () => {
    expect(appendEdges([edge('a'), edge('b')], [edge('c'), edge('d')]).map((e) => e.node.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does not show an item twice when the list shifted between fetches', () => {
    const merged = appendEdges([edge('a'), edge('b')], [edge('b', 2), edge('c')]);
    expect(merged.map((e) => e.node.id)).toEqual(['a', 'b', 'c']);
    expect(merged[1]!.node.version).toBe(2);
  });
});

describe('appendPage', () => {
  it('takes the paging state and count of the newer page', () => {
    const first = { totalCount: 3, edges: [edge('a'), edge('b')], pageInfo: { endCursor: 'c-b', hasNextPage: true } };
    const second = { totalCount: 4, edges: [edge('c')], pageInfo: { endCursor: 'c-c', hasNextPage: false } };
    expect(appendPage(first, second)).toEqual({
      totalCount: 4,
      edges: [edge('a'), edge('b'), edge('c')],
      pageInfo: { endCursor: 'c-c', hasNextPage: false },
    });
  });
});
