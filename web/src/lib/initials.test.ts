import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first letters of the first and last word', () => {
    expect(initials('Ada King Lovelace')).toBe('AL');
  });

  it('uses one letter for a single word and a placeholder for nothing', () => {
    expect(initials('  ada ')).toBe('A');
    expect(initials('   ')).toBe('?');
  });
});
