import { describe, expect, it } from 'vitest';
import { DEV_VOICEMAIL_SECRET, loadConfig } from './config';

describe('configuration', () => {
  it('signs demo voicemail with the development secret, but never accepts it in production', () => {
    expect(loadConfig({}).voicemailSecret).toBe(DEV_VOICEMAIL_SECRET);
    expect(loadConfig({ NODE_ENV: 'production' }).voicemailSecret).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', VOICEMAIL_WEBHOOK_SECRET: 'a-real-secret-of-32-characters!!' }).voicemailSecret).toBe('a-real-secret-of-32-characters!!');
  });

  it('refuses test-only and incomplete settings with the variable named', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_LOOPBACK: 'true' })).toThrow(/WEBHOOK_ALLOW_LOOPBACK/);
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => loadConfig({ API_PROCESSES: '0' })).toThrow(/API_PROCESSES/);
    expect(() => loadConfig({ CATALOG_PAGE_CACHE_MS: '-1' })).toThrow(/CATALOG_PAGE_CACHE_MS/);
  });
});
