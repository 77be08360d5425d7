import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
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

  it('deletes the temporary files a crash left: old ones at the next write, a removed key’s at once', async () => {
    const storage = fileStorage(root);
    await storage.setItem('k', 'v');
    const [record] = await readdir(root);
    const crashed = join(root, `${record}.0123456789ab.tmp`);
    const old = join(root, `${'0'.repeat(64)}.json.ba9876543210.tmp`);
    await writeFile(crashed, '{"refreshToken":"left by a crash"}');
    await writeFile(old, '{"accessToken":"left long ago"}');
    const past = new Date(Date.now() - 3_600_000);
    await utimes(old, past, past);
    await fileStorage(root).setItem('other', 'v');
    expect(await readdir(root)).not.toContain(old.slice(root.length + 1));
    expect(await readdir(root)).toContain(crashed.slice(root.length + 1));
    await storage.removeItem('k');
    expect((await readdir(root)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('holds its lock across stores of one directory: a second holder waits for the first', async () => {
    const order: string[] = [];
    let entered!: () => void;
    const aIn = new Promise<void>((resolve) => (entered = resolve));
    const first = fileStorage(root).lock!('session', async () => {
      order.push('a in');
      entered();
      await new Promise((resolve) => setTimeout(resolve, 200));
      order.push('a out');
    });
    await aIn;
    const second = fileStorage(root).lock!('session', () =>
      Promise.resolve(void order.push('b in')),
    );
    await Promise.all([first, second]);
    expect(order).toEqual(['a in', 'a out', 'b in']);
  });
});
