import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safeRedirect';

describe('safeRedirect', () => {
  it('keeps a same-site path with its query and hash', () => {
    expect(safeRedirect('/account?tab=orders#top', '/')).toBe('/account?tab=orders#top');
  });

  it('falls back when nothing usable is given', () => {
    expect(safeRedirect(undefined, '/account')).toBe('/account');
    expect(safeRedirect(null, '/account')).toBe('/account');
    expect(safeRedirect('', '/account')).toBe('/account');
  });

  it('uses the first value when the parameter is repeated', () => {
    expect(safeRedirect(['/numbers', '/account'], '/')).toBe('/numbers');
  });

  it.each([
    'https://evil.example/phish',
    '//evil.example/phish',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'account',
  ])('refuses %s, which could leave the site', (value) => {
    expect(safeRedirect(value, '/account')).toBe('/account');
  });

  it('normalises dot segments without escaping the origin', () => {
    expect(safeRedirect('/a/../../account', '/')).toBe('/account');
  });
});
