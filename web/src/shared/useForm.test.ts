import { describe, expect, it } from 'vitest';
import { validateEmail, validateNewPassword } from './validators';
import { useForm } from './useForm';

const signUpLikeForm = () => useForm({ email: validateEmail, password: validateNewPassword });

describe('useForm', () => {
  it('stays quiet until a field is typed in, blurred or submitted', () => {
    const form = signUpLikeForm();
    expect(form.errorOf('email')).toBeNull();
    form.touch('email');
    expect(form.errorOf('email')).toBe('Enter your email address.');
    expect(form.errorOf('password')).toBeNull();
    expect(form.check()).toBe('email');
    expect(form.errorOf('password')).toBe('Choose a password.');
  });

  it('validates while typing', () => {
    const form = signUpLikeForm();
    form.values.password = 'abc';
    expect(form.errorOf('password')).toMatch(/7 more/);
    form.values.password = 'abcdefghij';
    expect(form.errorOf('password')).toBeNull();
  });

  it('shows a server error until the value it was about changes', () => {
    const form = signUpLikeForm();
    form.values.email = 'ada@example.com';
    const focus = form.applyUserErrors([
      { message: 'An account with this email already exists.', field: ['email'] },
      { message: 'Slow down.', field: null },
    ]);
    expect(focus).toBe('email');
    expect(form.errorOf('email')).toBe('An account with this email already exists.');
    expect(form.general.value).toEqual(['Slow down.']);

    form.values.email = 'ada@example.org';
    expect(form.errorOf('email')).toBeNull();
  });
});
