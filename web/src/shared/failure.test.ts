import { describe, expect, it } from 'vitest';
import { failureDescriber } from './failure';

const describeFailure = failureDescriber({ unreachable: 'We couldn’t reach NumNinja. Check your connection and try again.' });

describe('describeFailure', () => {
  it('calls a failed fetch "unreachable", in the app’s words', () => {
    const failure = describeFailure({ networkError: new TypeError('Failed to fetch') });
    expect(failure).toEqual({ message: 'We couldn’t reach NumNinja. Check your connection and try again.', requestId: null });
  });

  it('calls a gateway error from the dev proxy "unreachable" too', () => {
    const networkError = Object.assign(new Error('Bad gateway'), { statusCode: 502 });
    expect(describeFailure({ networkError }).message).toMatch(/couldn’t reach NumNinja/);
  });

  it('reports other HTTP errors as broken, with the status', () => {
    const networkError = Object.assign(new Error('Server error'), { statusCode: 500 });
    expect(describeFailure({ networkError }).message).toMatch(/Something went wrong .*\(HTTP 500\)$/);
  });

  it('hides the masked server message but keeps the request id', () => {
    const failure = describeFailure({
      graphQLErrors: [
        { message: 'Unexpected error. Reference: req-42', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' } },
      ],
    });
    expect(failure).toEqual({ message: 'Something went wrong on our side. Please try again in a moment.', requestId: 'req-42' });
  });

  it('asks to sign in again when the session is gone', () => {
    const failure = describeFailure({ graphQLErrors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(failure.message).toMatch(/sign in again/);
  });

  it('passes on a message the API wrote for people', () => {
    const failure = describeFailure({ graphQLErrors: [{ message: 'You do not have access to this.', extensions: { code: 'FORBIDDEN' } }] });
    expect(failure).toEqual({ message: 'You do not have access to this.', requestId: null });
  });

  it('falls back to a generic message for anything else', () => {
    expect(describeFailure(undefined).message).toMatch(/Something went wrong/);
  });
});
