import { describe, expect, it } from 'vitest';
import { formatDuration, isActiveRun, mergeRunEdges } from './syncRuns';

describe('isActiveRun', () => {
  it('treats queued and running runs as active, finished ones as not', () => {
    expect(isActiveRun('QUEUED')).toBe(true);
    expect(isActiveRun('RUNNING')).toBe(true);
    expect(isActiveRun('SUCCEEDED')).toBe(false);
    expect(isActiveRun('FAILED')).toBe(false);
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [0, '0 ms'],
    [850, '850 ms'],
    [1000, '1 s'],
    [4_200, '4.2 s'],
    [9_960, '10 s'],
    [12_400, '12 s'],
    [59_900, '1 min'],
    [60_000, '1 min'],
    [185_000, '3 min 5 s'],
    [3_600_000, '1 h'],
    [3_720_000, '1 h 2 min'],
  ])('writes %s ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('mergeRunEdges', () => {
  const edge = (id: string, createdAt: string, status = 'SUCCEEDED') => ({ cursor: `c-${id}`, node: { id, createdAt, status } });

  it('adds a new run above the ones already listed', () => {
    const listed = [edge('b', '2026-03-01T10:00:00.000Z'), edge('a', '2026-03-01T09:00:00.000Z')];
    const fresh = [edge('c', '2026-03-01T11:00:00.000Z', 'QUEUED'), edge('b', '2026-03-01T10:00:00.000Z')];
    expect(mergeRunEdges(listed, fresh).map((e) => e.node.id)).toEqual(['c', 'b', 'a']);
  });

  it('keeps the fresher copy of a run that is in both', () => {
    const merged = mergeRunEdges([edge('a', '2026-03-01T09:00:00.000Z', 'RUNNING')], [edge('a', '2026-03-01T09:00:00.000Z', 'SUCCEEDED')]);
    expect(merged).toEqual([edge('a', '2026-03-01T09:00:00.000Z', 'SUCCEEDED')]);
  });

  it('orders runs created at the same instant by id, descending, like the API', () => {
    const same = '2026-03-01T09:00:00.000Z';
    expect(mergeRunEdges([edge('x1', same)], [edge('x2', same)]).map((e) => e.node.id)).toEqual(['x2', 'x1']);
  });

  it('appends an older page below', () => {
    const page1 = [edge('b', '2026-03-01T10:00:00.000Z')];
    const page2 = [edge('a', '2026-02-01T10:00:00.000Z')];
    expect(mergeRunEdges(page1, page2).map((e) => e.node.id)).toEqual(['b', 'a']);
  });
});
