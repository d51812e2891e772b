import { describe, expect, it } from 'vitest';
import { canManagePricing, isStaff, roleLabel } from './staff';

describe('isStaff', () => {
  it('lets support and admin accounts in', () => {
    expect(isStaff('SUPPORT')).toBe(true);
    expect(isStaff('ADMIN')).toBe(true);
  });

  it('keeps customers and unknown sessions out', () => {
    expect(isStaff('CUSTOMER')).toBe(false);
    expect(isStaff(null)).toBe(false);
    expect(isStaff(undefined)).toBe(false);
  });
});

describe('roleLabel', () => {
  it('names each role for people', () => {
    expect(roleLabel('SUPPORT')).toBe('Support');
  });
});

describe('canManagePricing', () => {
  it('lets admins change prices and nobody else', () => {
    expect(canManagePricing('ADMIN')).toBe(true);
    expect(canManagePricing('SUPPORT')).toBe(false);
    expect(canManagePricing('CUSTOMER')).toBe(false);
    expect(canManagePricing(null)).toBe(false);
  });
});
