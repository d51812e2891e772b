import { describe, expect, it } from 'vitest';
import { emailRule, validateEmail, validateName, validateNewPassword, validatePresentPassword } from './validators';

describe('validateEmail', () => {
  it('accepts an ordinary address, ignoring surrounding spaces', () => {
    expect(validateEmail(' ada@example.com ')).toBeNull();
  });

  it.each(['', 'ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com'])('rejects %j', (value) => {
    expect(validateEmail(value)).not.toBeNull();
  });
});

describe('emailRule', () => {
  it('words its messages for the audience', () => {
    const validateWorkEmail = emailRule({ noun: 'work email address', example: 'name@numninja.com' });
    expect(validateWorkEmail('')).toBe('Enter your work email address.');
    expect(validateWorkEmail('grace@numninja')).toBe('Enter an email address like name@numninja.com.');
    expect(validateWorkEmail('grace@numninja.com')).toBeNull();
  });
});

describe('validateNewPassword', () => {
  it('says how many characters are still missing', () => {
    expect(validateNewPassword('abc')).toBe('Use at least 10 characters (7 more).');
  });

  it('accepts exactly 10 and exactly 128 characters', () => {
    expect(validateNewPassword('a'.repeat(10))).toBeNull();
    expect(validateNewPassword('a'.repeat(128))).toBeNull();
  });

  it('rejects 129 characters', () => {
    expect(validateNewPassword('a'.repeat(129))).not.toBeNull();
  });
});

describe('validatePresentPassword', () => {
  it('only requires something to be typed', () => {
    expect(validatePresentPassword('')).not.toBeNull();
    expect(validatePresentPassword('short')).toBeNull();
  });
});

describe('validateName', () => {
  it('rejects blank and over-long names', () => {
    expect(validateName('   ')).not.toBeNull();
    expect(validateName('x'.repeat(101))).not.toBeNull();
  });

  it('accepts 1 to 100 characters', () => {
    expect(validateName('A')).toBeNull();
    expect(validateName('x'.repeat(100))).toBeNull();
  });
});
