import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keysetAfter, timeIdCursor } from './pagination';

describe('time/id cursors', () => {
  const at = '2026-11-25T13:14:59.123Z';
  const id = '01936d8e-4b2a-7c3d-9e4f-5a6b7c8d9e0f';

  it('round-trip what a page hands out', () => {
    expect(decodeCursor(encodeCursor({ t: at, id }), timeIdCursor)).toEqual({ t: at, id });
  });

  it('refuse a well-formed cursor holding a bad time or id as a VALIDATION error on `after`, before it reaches the database', () => {
    for (const bad of [{ t: 'yesterday', id }, { t: at, id: 'x' }, { t: at }]) {
      expect(() => decodeCursor(encodeCursor(bad), timeIdCursor)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'VALIDATION', field: ['after'] }) }));
    }
  });

  it('build the keyset condition in either order', () => {
    expect(keysetAfter({ t: at, id }, 'createdAt')).toEqual({ OR: [{ createdAt: { lt: new Date(at) } }, { createdAt: new Date(at), id: { lt: id } }] });
    expect(keysetAfter({ t: at, id }, 'receivedAt', 'asc')).toEqual({ OR: [{ receivedAt: { gt: new Date(at) } }, { receivedAt: new Date(at), id: { gt: id } }] });
  });
});
