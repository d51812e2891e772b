import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalStorage, S3Storage } from '.';

describe('local blob storage', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('stores and reads back bytes under nested keys, and says null for a missing key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nn-storage-'));
    dirs.push(dir);
    const s = new LocalStorage(dir);
    await s.put('voicemail/abc/1.wav', Buffer.from('RIFF1234'), 'audio/wav');
    expect((await s.get('voicemail/abc/1.wav'))?.toString()).toBe('RIFF1234');
    expect(await s.get('voicemail/abc/2.wav')).toBeNull();
  });

  it('refuses keys that would escape its directory', async () => {
    const s = new LocalStorage(tmpdir());
    await expect(s.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
    await expect(s.get('/abs/path')).rejects.toThrow(/unsafe/);
  });
});

describe('S3 blob storage', () => {
  it('loads the SDK on first use and talks to the endpoint (refused here, so the call fails as a network error)', async () => {
    const s = new S3Storage({ bucket: 'b', region: 'us-east-1', endpoint: 'http://127.0.0.1:9', accessKeyId: 'k', secretAccessKey: 's' });
    await expect(s.put('../x', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
    const err = await s.get('voicemail/1.wav').catch((e: unknown) => e as Error & { code?: string });
    expect(err).toBeInstanceOf(Error);
    expect((err as Error & { code?: string }).code).toBe('ECONNREFUSED');
  }, 20_000);
});
