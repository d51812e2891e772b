import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPublicAddress } from './url-guard';

describe('webhook URL guard (SSRF)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1'])(
    'refuses %s',
    (a) => expect(isPublicAddress(a)).toBe(false),
  );

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111'])('accepts public %s', (a) => expect(isPublicAddress(a)).toBe(true));

  it('lets loopback through only with the test flag', () => {
    expect(isPublicAddress('127.0.0.1', { allowLoopback: true })).toBe(true);
    expect(isPublicAddress('10.0.0.1', { allowLoopback: true })).toBe(false);
  });

  it('refuses internal URLs by literal, by name, by scheme and with credentials', async () => {
    for (const url of ['http://127.0.0.1/x', 'http://[::1]:8080/', 'http://localhost/hook', 'http://169.254.169.254/latest/meta-data', 'ftp://example.com/', 'https://u:p@example.com/', 'not a url', 'http://10.0.0.5/']) {
      expect((await checkWebhookUrl(url)).ok, url).toBe(false);
    }
  });

  it('accepts a public IP literal without DNS', async () => {
    expect((await checkWebhookUrl('https://93.184.216.34/hook')).ok).toBe(true);
  });
});
