/**
 * Catalog sync runs as the Sync runs page shows them: which are still going (and so polled),
 * how long they took, and one list out of pages that were fetched at different times.
 */
import type { SyncRunKind, SyncRunStatus } from '../gql/graphql';

/** Runs in these states change on their own; the page polls them. */
/** How each run status is called and coloured. */
export const SYNC_STATUS: Record<SyncRunStatus, { label: string; type: 'default' | 'info' | 'success' | 'error' }> = {
  QUEUED: { label: 'Queued', type: 'default' },
  RUNNING: { label: 'Running', type: 'info' },
  SUCCEEDED: { label: 'Succeeded', type: 'success' },
  FAILED: { label: 'Failed', type: 'error' },
};

export const isActiveRun = (status: SyncRunStatus): boolean => status === 'QUEUED' || status === 'RUNNING';

export const SYNC_KIND_LABELS: Record<SyncRunKind, string> = {
  REFERENCE: 'Reference data',
  STOCK: 'Stock',
};

/** 850 → "850 ms", 4_200 → "4.2 s", 12_400 → "12 s", 185_000 → "3 min 5 s", 3_720_000 → "1 h 2 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 9950) {
    const tenths = Math.round(ms / 100);
    return tenths % 10 === 0 ? `${tenths / 10} s` : `${Math.floor(tenths / 10)}.${tenths % 10} s`;
  }
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const rest = seconds % 60;
    return rest === 0 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 60)} min ${rest} s`;
  }
  const minutes = Math.round(seconds / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

interface RunEdge {
  cursor: string;
  node: { id: string; createdAt: string };
}

/**
 * One newest-first list from pages fetched at different times (a first page fetched again after a
 * run started, a later page from "Load more"). A run in both keeps the copy from `incoming`, the
 * fresher one; order is the API's (createdAt, then id, both descending).
 */
export function mergeRunEdges<E extends RunEdge>(existing: readonly E[], incoming: readonly E[]): E[] {
  const byId = new Map<string, E>();
  for (const edge of existing) byId.set(edge.node.id, edge);
  for (const edge of incoming) byId.set(edge.node.id, edge);
  return [...byId.values()].sort(
    (a, b) => compareDesc(Date.parse(a.node.createdAt), Date.parse(b.node.createdAt)) || (a.node.id < b.node.id ? 1 : a.node.id > b.node.id ? -1 : 0),
  );
}

const compareDesc = (a: number, b: number) => b - a;
