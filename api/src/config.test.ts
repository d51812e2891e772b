import { describe, expect, it } from 'vitest';
import { DEV_VOICEMAIL_SECRET, loadConfig } from './config';

describe('configuration', () => {
  it('signs demo voicemail with the development secret, but never accepts it in production', () => {
    const production = { NODE_ENV: 'production', STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_x', DIDWW_API_KEY: 'key' };
    expect(loadConfig({}).voicemailSecret).toBe(DEV_VOICEMAIL_SECRET);
    expect(loadConfig(production).voicemailSecret).toBeUndefined();
    expect(loadConfig({ ...production, VOICEMAIL_WEBHOOK_SECRET: 'a-real-secret-of-32-characters!!' }).voicemailSecret).toBe('a-real-secret-of-32-characters!!');
  });

  it('will not run production on the offline Stripe or the fake DIDWW unless told to', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/STRIPE_SECRET_KEY, DIDWW_API_KEY: required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', DIDWW_API_KEY: 'key' })).toThrow(/STRIPE_SECRET_KEY: required/);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_OFFLINE_PROVIDERS: 'true' }).didwwMode).toBe('fake');
  });

  it('refuses test-only and incomplete settings with the variable named', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ALLOW_OFFLINE_PROVIDERS: 'true', WEBHOOK_ALLOW_LOOPBACK: 'true' })).toThrow(/WEBHOOK_ALLOW_LOOPBACK/);
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => loadConfig({ API_PROCESSES: '0' })).toThrow(/API_PROCESSES/);
    expect(() => loadConfig({ CATALOG_PAGE_CACHE_MS: '-1' })).toThrow(/CATALOG_PAGE_CACHE_MS/);
    expect(() => loadConfig({ API_HEAP_GROWTH_PERCENT: '400' })).toThrow(/API_HEAP_GROWTH_PERCENT/);
  });
});
