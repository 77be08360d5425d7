import { describe, expect, expectTypeOf, it } from 'vitest';
import { isKeyValueStorage, type KeyValueStorage } from './types';

/**
 * The part of `@react-native-async-storage/async-storage`'s default export the SDK calls, as its
 * type declarations give it (v2 and v3). The package itself cannot be imported outside React
 * Native (toolchain.md §5), so its signatures are restated here.
 */
interface AsyncStorageStatic {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  clear(): Promise<void>;
  getAllKeys(): Promise<readonly string[]>;
}

describe('KeyValueStorage', () => {
  it('takes AsyncStorage as it is', () => {
    expectTypeOf<AsyncStorageStatic>().toExtend<KeyValueStorage>();
  });

  it('takes the Web Storage API as it is', () => {
    expectTypeOf<Storage>().toExtend<KeyValueStorage>();
  });

  it('recognises stores by their three methods', () => {
    const store = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
    expect(isKeyValueStorage(store)).toBe(true);
    expect(isKeyValueStorage({ getItem: () => null, setItem: () => {} })).toBe(false);
    expect(isKeyValueStorage(null)).toBe(false);
  });
});
