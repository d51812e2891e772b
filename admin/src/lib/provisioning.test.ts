import { describe, expect, it } from 'vitest';
import { formatAge, formatMs, formatRate } from './provisioning';

describe('provisioning figures', () => {
  it('formats ages, durations and rates for staff', () => {
    expect(formatAge(42)).toBe('42 s');
    expect(formatAge(3 * 60 + 5)).toBe('3 min');
    expect(formatAge(2 * 3600 + 5 * 60)).toBe('2 h 5 min');
    expect(formatAge(5 * 86_400)).toBe('5 d');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(4200)).toBe('4.2 s');
    expect(formatMs(null)).toBe('—');
    expect(formatRate(0.995)).toBe('99.5 %');
    expect(formatRate(null)).toBe('—');
  });
});
