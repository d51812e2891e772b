import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalStorage } from '.';

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
