import { describe, expect, it, vi } from 'vitest';
import { safeKey, secureStoreStorage, type SecureStoreModule } from './secure-store';

// expo-secure-store cannot be imported outside React Native (toolchain.md §5), so this stand-in
// enforces what its documentation promises: keys of letters, digits, '.', '-' and '_', values of
// at most 2048 bytes, and the options passed through.
function fakeSecureStore(failAfter = Infinity) {
  const items = new Map<string, string>();
  const seen: unknown[] = [];
  let writes = 0;
  const store: SecureStoreModule<{ keychainService: string }> = {
    getItemAsync: (key, options) => {
      seen.push(options);
      return Promise.resolve(items.get(key) ?? null);
    },
    setItemAsync: (key, value, options) => {
      seen.push(options);
      if (!/^[\w.-]+$/.test(key)) return Promise.reject(new Error(`Invalid key ${key}`));
      if (Buffer.byteLength(value) > 2048) return Promise.reject(new Error('Value too large'));
      if (++writes > failAfter) return Promise.reject(new Error('Killed'));
      items.set(key, value);
      return Promise.resolve();
    },
    deleteItemAsync: (key) => Promise.resolve(void items.delete(key)),
  };
  return { store, items, seen };
}

const key = 'journeykit.tokens:https://am.example.com/am|/alpha|my-app';
const record = (size: number, filler = 'x') => `{"data":"${filler.repeat(size)}"}`;

describe('expo-secure-store adapter', () => {
  it('escapes keys to the allowed characters, one key per name', () => {
    expect(safeKey(key)).toMatch(/^[\w.-]+$/);
    expect(safeKey('a_b')).not.toBe(safeKey('a:b'));
    expect(safeKey('a.b-C9')).toBe('a.b-C9');
  });

  it('stores small values whole and passes the options on', async () => {
    const { store, items, seen } = fakeSecureStore();
    const storage = secureStoreStorage(store, { keychainService: 'app' });
    await storage.setItem(key, '{"v":1}');
    expect(await storage.getItem(key)).toBe('{"v":1}');
    expect(items.size).toBe(1);
    expect(seen.every((o) => (o as { keychainService: string }).keychainService === 'app')).toBe(
      true,
    );
    await storage.removeItem(key);
    expect(await storage.getItem(key)).toBeNull();
  });

  it('splits values over 2048 bytes, multi-byte text included, and puts them back together', async () => {
    const { store, items } = fakeSecureStore();
    const storage = secureStoreStorage(store);
    for (const value of [record(5000), record(1500, 'é'), record(900, '名'), record(700, '𝄞')]) {
      await storage.setItem(key, value);
      expect(await storage.getItem(key)).toBe(value);
    }
    await storage.setItem(key, 'small');
    expect(items.size).toBe(1);
    await storage.setItem(key, record(5000));
    await storage.removeItem(key);
    expect(items.size).toBe(0);
  });

  it('keeps the old value when a write dies part of the way, and leaves no mix', async () => {
    const { store, items } = fakeSecureStore(4);
    const storage = secureStoreStorage(store);
    const old = record(3000, 'o');
    await storage.setItem(key, old); // 2 parts + the entry: 3 writes
    await expect(storage.setItem(key, record(3000, 'n'))).rejects.toThrow('Killed');
    expect(await storage.getItem(key)).toBe(old);
    expect(items.size).toBe(3);
  });

  it('reports a record whose parts are gone instead of returning half of it', async () => {
    const { store, items } = fakeSecureStore();
    const storage = secureStoreStorage(store);
    await storage.setItem(key, record(5000));
    items.delete([...items.keys()].find((k) => k !== safeKey(key))!);
    await expect(storage.getItem(key)).rejects.toThrow('missing');
  });

  it.each(['30000000', '-1', '1.5', 'NaN', '0'])(
    'refuses an entry claiming %s parts, reading nothing more, and removes it',
    async (count) => {
      const { store, items } = fakeSecureStore();
      const storage = secureStoreStorage(store);
      await store.setItemAsync(safeKey(key), `journeykit-parts:abc:${count}`);
      const reads = vi.spyOn(store, 'getItemAsync');
      await expect(storage.getItem(key)).rejects.toThrow(`claims ${count} parts`);
      expect(reads).toHaveBeenCalledTimes(1);
      await storage.removeItem(key);
      expect(items.size).toBe(0);
    },
  );
});
