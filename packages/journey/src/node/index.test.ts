import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStorage } from './index';

describe('the Node file store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'journeykit-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps each key in its own file, readable only by its owner', async () => {
    const dir = join(root, 'session');
    const storage = fileStorage(dir);
    expect(await storage.getItem('journeykit.tokens:https://am|/|app')).toBeNull();
    await storage.setItem('journeykit.tokens:https://am|/|app', '{"v":1}');
    await storage.setItem('journeykit.session:https://am|/', '{"v":2}');
    expect(await storage.getItem('journeykit.tokens:https://am|/|app')).toBe('{"v":1}');
    const files = await readdir(dir);
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^[0-9a-f]{64}\.json$/);
      expect((await stat(join(dir, file))).mode & 0o777).toBe(0o600);
    }
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('replaces a record whole, even with many writers at once, and leaves no temporary file', async () => {
    const storage = fileStorage(root);
    const values = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ i, pad: 'x'.repeat(5000) }),
    );
    await Promise.all(values.map((v) => storage.setItem('k', v)));
    expect(values).toContain(await storage.getItem('k'));
    expect(await readdir(root)).toHaveLength(1);
  });

  it('is shared by two stores over the same directory, as after a restart', async () => {
    await fileStorage(root).setItem('k', 'v');
    expect(await fileStorage(root).getItem('k')).toBe('v');
    await fileStorage(root).removeItem('k');
    await fileStorage(root).removeItem('k');
    expect(await fileStorage(root).getItem('k')).toBeNull();
  });
});
