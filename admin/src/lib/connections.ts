/**
 * Relay-style pages (`edges`, `pageInfo`, `totalCount`) joined into one list by "Load more".
 */

export interface Edge {
  cursor: string;
  node: { id: string };
}

export interface PageLike<E extends Edge = Edge> {
  totalCount: number;
  edges: readonly E[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

/**
 * The listed edges, then the next page's. An item in both (the list shifted between the two
 * fetches) stays where it was listed, in its fresher copy, and is not shown twice.
 */
export function appendEdges<E extends Edge>(listed: readonly E[], next: readonly E[]): E[] {
  const fresh = new Map(next.map((edge) => [edge.node.id, edge]));
  const kept = listed.map((edge) => fresh.get(edge.node.id) ?? edge);
  const seen = new Set(kept.map((edge) => edge.node.id));
  return [...kept, ...next.filter((edge) => !seen.has(edge.node.id))];
}

/** `listed` with `next` (the page after it) appended: the paging state and the count are the newer page's. */
export function appendPage<P extends PageLike>(listed: P, next: P): P {
  return { ...listed, totalCount: next.totalCount, edges: appendEdges(listed.edges, next.edges), pageInfo: next.pageInfo };
}
