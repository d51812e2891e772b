import { describe, expect, it } from 'vitest';
import { splitUserErrors, type UserErrorLike } from './userErrors';

const error = (message: string, field: string[] | null): UserErrorLike => ({ message, field });

describe('splitUserErrors', () => {
  it('puts an error on the input field it names', () => {
    const split = splitUserErrors(
      [error('An account with this email already exists.', ['email']), error('Too short.', ['password'])],
      ['email', 'password', 'name'],
    );
    expect(split).toEqual({ fields: { email: 'An account with this email already exists.', password: 'Too short.' }, general: [] });
  });

  it('treats errors without a field, or with a field the form lacks, as general', () => {
    const split = splitUserErrors([error('Slow down.', null), error('Bad coupon.', ['coupon'])], ['email', 'password']);
    expect(split).toEqual({ fields: {}, general: ['Slow down.', 'Bad coupon.'] });
  });

  it('matches a nested path whole, not by its last segment', () => {
    const split = splitUserErrors([error('Unknown city.', ['address', 'city']), error('Bad email.', ['billing', 'email'])], ['address.city', 'email']);
    expect(split).toEqual({ fields: { 'address.city': 'Unknown city.' }, general: ['Bad email.'] });
  });

  it('keeps the first message when a field has several', () => {
    const split = splitUserErrors([error('First.', ['name']), error('Second.', ['name'])], ['name']);
    expect(split.fields.name).toBe('First.');
  });
});
