import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyValueStorage } from '../storage/types';

/**
 * A KeyValueStorage in a directory, one file per key, for Node apps and CLIs:
 * `fileStorage(join(homedir(), '.my-app'))`. A write goes to a new file (mode 0600, flushed to
 * disk) that is then renamed over the old one, so a crash leaves the old record or the new one,
 * never half of one, and no other user can read the tokens. The directory is created with mode
 * 0700. File names are hashes of the keys, so they reveal nothing either.
 */
export function fileStorage(directory: string): KeyValueStorage {
  const path = (key: string) =>
    join(directory, `${createHash('sha256').update(key).digest('hex')}.json`);
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
      await mkdir(directory, { recursive: true, mode: 0o700 });
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
      await rm(path(key), { force: true });
    },
  };
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

export { loopbackBrowser } from './loopback';
export type { LoopbackBrowser } from './loopback';
export { terminalAuthSession } from './terminal';
