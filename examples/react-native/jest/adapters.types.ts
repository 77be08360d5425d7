// Type tests, checked by `tsc` (never run): the SDK's storage adapters take the real modules
// with the options their own declarations accept, and refuse what those declarations refuse.
import { keychainStorage, secureStoreStorage, type KeyValueStorage } from '@journeykit/journey';
import AsyncStorage from '@react-native-async-storage/async-storage';
import * as SecureStore from 'expo-secure-store';
import * as Keychain from 'react-native-keychain';

export const accepted: KeyValueStorage[] = [
  AsyncStorage,
  secureStoreStorage(SecureStore),
  secureStoreStorage(SecureStore, {
    keychainService: 'app',
    keychainAccessible: SecureStore.AFTER_FIRST_UNLOCK,
    requireAuthentication: false,
  }),
  keychainStorage(Keychain),
  keychainStorage(Keychain, {
    service: 'app',
    accessible: Keychain.ACCESSIBLE.WHEN_UNLOCKED_THIS_DEVICE_ONLY,
    accessControl: Keychain.ACCESS_CONTROL.BIOMETRY_ANY_OR_DEVICE_PASSCODE,
    securityLevel: Keychain.SECURITY_LEVEL.SECURE_HARDWARE,
    storage: Keychain.STORAGE_TYPE.AES_GCM,
  }),
];

export const refused = [
  // @ts-expect-error: not an ACCESSIBLE value
  keychainStorage(Keychain, { accessible: 'WhenUnlocked' }),
  // @ts-expect-error: expo-secure-store's accessibility is a number constant
  secureStoreStorage(SecureStore, { keychainAccessible: 'WHEN_UNLOCKED' }),
];
