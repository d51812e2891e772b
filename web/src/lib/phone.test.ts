import { describe, expect, it } from 'vitest';
import { formatE164 } from './phone';

describe('formatE164', () => {
  it('groups North American numbers', () => {
    expect(formatE164('+14155550123')).toBe('+1 (415) 555-0123');
  });

  it('leaves other numbers as E.164', () => {
    expect(formatE164('+442079460018')).toBe('+442079460018');
    expect(formatE164('+1415555012')).toBe('+1415555012');
  });
});
