import { describe, expect, it } from 'vitest';
import { keychainStorage, type KeychainModule } from './keychain';

type Options = { service?: string; accessible?: string };

// react-native-keychain cannot be imported outside React Native (toolchain.md §5), so this
// stand-in keeps one generic password per service, as its documentation describes.
function fakeKeychain() {
  const entries = new Map<string, { username: string; password: string; options: Options }>();
  const keychain: KeychainModule<Options> = {
    getGenericPassword: (options) => {
      const entry = entries.get(options!.service!);
      return Promise.resolve(entry ? { ...entry, service: options!.service! } : false);
    },
    setGenericPassword: (username, password, options) => {
      entries.set(options!.service!, { username, password, options: options! });
      return Promise.resolve({ service: options!.service!, storage: 'keychain' });
    },
    resetGenericPassword: (options) => Promise.resolve(entries.delete(options!.service!)),
  };
  return { keychain, entries };
}

describe('react-native-keychain adapter', () => {
  it('keeps each key in its own entry and passes the options on', async () => {
    const { keychain, entries } = fakeKeychain();
    const storage = keychainStorage(keychain, { service: 'app', accessible: 'WhenUnlocked' });
    await storage.setItem('journeykit.session:x', 'one');
    await storage.setItem('journeykit.tokens:x', 'two'.repeat(2000));
    expect(await storage.getItem('journeykit.session:x')).toBe('one');
    expect(await storage.getItem('journeykit.tokens:x')).toBe('two'.repeat(2000));
    expect([...entries.keys()]).toEqual(['app:journeykit.session:x', 'app:journeykit.tokens:x']);
    expect(entries.get('app:journeykit.session:x')!.options.accessible).toBe('WhenUnlocked');
    await storage.removeItem('journeykit.session:x');
    expect(await storage.getItem('journeykit.session:x')).toBeNull();
    expect(await keychainStorage(keychain).getItem('journeykit.tokens:x')).toBeNull();
  });
});
