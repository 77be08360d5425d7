import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { KeyValueStorage } from '../storage/types';

/** A temporary file older than this was left by a process that died mid-write. */
const STRAY_AFTER = 60_000;

/**
 * A KeyValueStorage in a directory, one file per key, for Node apps and CLIs:
 * `fileStorage(join(homedir(), '.my-app'))`. A write goes to a new file (mode 0600, flushed to
 * disk) that is then renamed over the old one, so a crash leaves the old record or the new one,
 * never half of one, and no other user can read the tokens; temporary files a crash left behind
 * are deleted. The directory is created with mode 0700. File names are hashes of the keys, so
 * they reveal nothing either. Its `lock` is a lock file (proper-lockfile) that every process
 * using the directory respects, so N processes renew a session once.
 */
export function fileStorage(directory: string): KeyValueStorage {
  const path = (key: string) =>
    join(directory, `${createHash('sha256').update(key).digest('hex')}.json`);
  let swept: Promise<void> | undefined;
  const ready = async () => {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    await (swept ??= sweep(directory, (_, age) => age > STRAY_AFTER));
  };
  return {
    async getItem(key) {
      try {
        return await readFile(path(key), 'utf8');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async setItem(key, value) {
      await ready();
      const file = path(key);
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, value, { mode: 0o600, flag: 'wx', flush: true });
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      await syncDirectory(directory);
    },
    async removeItem(key) {
      const file = path(key);
      await rm(file, { force: true });
      // A removed record leaves no copy behind, not even in a crashed write's temporary file.
      await sweep(directory, (name) => name.startsWith(`${file.slice(directory.length + 1)}.`));
    },
    async lock(name, task) {
      await ready();
      const release = await lock(directory, {
        lockfilePath: `${path(name)}.lock`,
        realpath: false,
        // A lock whose holder died is taken over after `stale` ms; a live holder keeps it fresh.
        stale: 10_000,
        retries: { retries: 300, factor: 1, minTimeout: 25, maxTimeout: 100 },
        // A holder too slow to keep it fresh lost it: its task still ends, nothing more to do.
        onCompromised: () => undefined,
      });
      try {
        return await task();
      } finally {
        await release().catch(() => undefined);
      }
    },
  };
}

/** Deletes the directory's temporary files that `stray(name, age in ms)` selects. */
async function sweep(directory: string, stray: (name: string, age: number) => boolean) {
  const names = await readdir(directory).catch(() => []);
  for (const name of names.filter((n) => n.endsWith('.tmp'))) {
    const file = join(directory, name);
    const age = Date.now() - ((await stat(file).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (stray(name, age)) await rm(file, { force: true });
  }
}

/** Makes the rename itself durable; not every platform can open a directory, which is fine. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // best effort
  }
}

const isMissing = (error: unknown) => (error as { code?: unknown }).code === 'ENOENT';
