import { describe, expect, it } from 'vitest';
import { errorFromResponse } from './errors';

const v = (detail: string, pointer?: string) => [{ title: 'Invalid value', detail, code: '100', status: '422', ...(pointer ? { source: { pointer } } : {}) }];

describe('errorFromResponse', () => {
  it('maps statuses to kinds; only rate_limited and unavailable are retryable', () => {
    const cases: Array<[number, string, boolean]> = [
      [401, 'unauthorized', false], [403, 'forbidden', false], [404, 'not_found', false],
      [429, 'rate_limited', true], [500, 'unavailable', true], [502, 'unavailable', true], [503, 'unavailable', true],
      [422, 'validation', false], [400, 'validation', false], [415, 'validation', false],
    ];
    for (const [status, kind, retryable] of cases) {
      expect(errorFromResponse(status, []), String(status)).toMatchObject({ kind, retryable, status });
    }
  });

  it('recognises DIDWW insufficient funds', () => {
    const e = errorFromResponse(400, [{ title: 'Insufficient funds', detail: 'Your account balance is too low to complete this action.', code: '400', status: '400' }]);
    expect(e).toMatchObject({ kind: 'insufficient_funds', retryable: false, detail: 'Your account balance is too low to complete this action.' });
  });

  it('tells a taken number from a taken trunk name by the pointer', () => {
    expect(errorFromResponse(422, v('available_did_id - is not available', '/data/attributes/items/0/available_did_id')).kind).toBe('number_taken');
    expect(errorFromResponse(422, v('available_did - has already been taken', '/data/relationships/available_did')).kind).toBe('number_taken');
    expect(errorFromResponse(422, v('name - has already been taken', '/data/attributes/name')).kind).toBe('validation');
    expect(errorFromResponse(422, v('qty - not enough DIDs in stock', '/data/attributes/items/0/qty')).kind).toBe('out_of_stock');
  });

  it('keeps the raw errors, pointers and Retry-After', () => {
    const errors = [...v('a - is invalid', '/data/attributes/a'), ...v('b - is invalid', '/data/attributes/b')];
    const e = errorFromResponse(422, errors);
    expect(e.errors).toEqual(errors);
    expect(e.pointers).toEqual(['/data/attributes/a', '/data/attributes/b']);
    expect(e.detail).toBe('a - is invalid; b - is invalid');
    expect(errorFromResponse(429, [], 1500).retryAfterMs).toBe(1500);
  });
});
