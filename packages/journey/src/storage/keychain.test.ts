import { describe, expect, it } from 'vitest';
import { ACCESSIBLE, keychainDouble } from '../../test/react-native/stores';
import { keychainStorage } from './keychain';

describe('react-native-keychain adapter', () => {
  it('keeps each key in its own entry, with the save options on saves only', async () => {
    const { module, entries } = keychainDouble();
    const storage = keychainStorage(module, {
      service: 'app',
      accessible: ACCESSIBLE.WHEN_UNLOCKED_THIS_DEVICE_ONLY,
    });
    await storage.setItem('journeykit.session:x', 'one');
    await storage.setItem('journeykit.tokens:x', 'two'.repeat(2000));
    expect(await storage.getItem('journeykit.session:x')).toBe('one');
    expect(await storage.getItem('journeykit.tokens:x')).toBe('two'.repeat(2000));
    expect([...entries.keys()]).toEqual(['app:journeykit.session:x', 'app:journeykit.tokens:x']);
    expect(entries.get('app:journeykit.session:x')!.accessible).toBe(
      'AccessibleWhenUnlockedThisDeviceOnly',
    );
    await storage.removeItem('journeykit.session:x');
    expect(await storage.getItem('journeykit.session:x')).toBeNull();
    expect(await keychainStorage(module).getItem('journeykit.tokens:x')).toBeNull();
  });

  it('fails a save the module answers with false, and keeps the old value', async () => {
    const { module, control } = keychainDouble();
    const storage = keychainStorage(module);
    await storage.setItem('journeykit.session:x', 'old');
    control.failSaves = true;
    await expect(storage.setItem('journeykit.session:x', 'new')).rejects.toMatchObject({
      name: 'JourneyError',
      type: 'storage_error',
    });
    expect(await storage.getItem('journeykit.session:x')).toBe('old');
  });
});
