import { describe, expect, it } from 'vitest';
import { splitSearchErrors } from './searchErrors';

const validation = (message: string, field: string[]) => ({ message, extensions: { code: 'VALIDATION', field } });

describe('splitSearchErrors', () => {
  it('puts a VALIDATION error next to the filter its field names', () => {
    const error = { graphQLErrors: [validation('`contains` takes 1–15 digits or letters.', ['filter', 'contains'])] };
    expect(splitSearchErrors(error)).toEqual({ fields: { contains: '`contains` takes 1–15 digits or letters.' }, other: false });
  });

  it('maps the API’s names to the page’s inputs', () => {
    const error = {
      graphQLErrors: [validation('bad area', ['filter', 'areaCode']), validation('bad max', ['filter', 'maxMonthlyPrice'])],
    };
    expect(splitSearchErrors(error).fields).toEqual({ area: 'bad area', max: 'bad max' });
  });

  it('leaves errors about other arguments, and other codes, for the alert', () => {
    expect(splitSearchErrors({ graphQLErrors: [validation('bad cursor', ['after'])] })).toEqual({ fields: {}, other: true });
    expect(
      splitSearchErrors({ graphQLErrors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
    ).toEqual({ fields: {}, other: true });
  });

  it('calls a network failure "other"', () => {
    expect(splitSearchErrors({ networkError: new TypeError('Failed to fetch'), graphQLErrors: [] })).toEqual({ fields: {}, other: true });
  });

  it('finds nothing wrong without an error', () => {
    expect(splitSearchErrors(undefined)).toEqual({ fields: {}, other: false });
  });
});
