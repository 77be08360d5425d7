// What InitializeCore would install on a device, over the emulated native halves in jest/native:
// `fetch` is whatwg-fetch over React Native's XMLHttpRequest over the `Networking` module (in place
// of Node's fetch), and the stores' native modules are registered where
// their JavaScript looks for them.
import { DeviceEventEmitter, NativeModules } from 'react-native';
import { emulatedNetworking } from './native/networking';
import { asyncStorageNative, keychainNative, secureStoreNative } from './native/storage';

const globals = globalThis as Record<string, unknown>;
for (const name of ['fetch', 'Headers', 'Request', 'Response', 'XMLHttpRequest'])
  delete globals[name];

const networking = emulatedNetworking((event, args) => DeviceEventEmitter.emit(event, args));
Object.assign(NativeModules.Networking as object, networking.module);
globals.XMLHttpRequest = jest.requireActual<{ default: unknown }>(
  'react-native/Libraries/Network/XMLHttpRequest',
).default;
jest.requireActual('react-native/Libraries/Network/fetch'); // whatwg-fetch: fetch over that XHR
jest.requireActual('react-native/Libraries/Core/setUpNavigator'); // navigator.product

const native = {
  networking,
  secureStore: secureStoreNative(),
  keychain: keychainNative(),
  asyncStorage: asyncStorageNative(),
};
globals.native = native;
NativeModules.RNKeychainManager = native.keychain.module;
NativeModules.RNAsyncStorage = native.asyncStorage.module;
jest.mock('expo-secure-store/build/ExpoSecureStore', () => ({
  __esModule: true,
  default: (globalThis as unknown as { native: typeof native }).native.secureStore.module,
}));
jest.mock('expo-crypto/build/ExpoCrypto', () => ({
  __esModule: true,
  default: {
    getRandomValues: (bytes: Uint8Array) =>
      jest.requireActual<typeof import('node:crypto')>('node:crypto').getRandomValues(bytes),
  },
}));

declare global {
  /** The emulated native halves, for the tests to look at. */
  var native: {
    networking: ReturnType<typeof emulatedNetworking>;
    secureStore: ReturnType<typeof secureStoreNative>;
    keychain: ReturnType<typeof keychainNative>;
    asyncStorage: ReturnType<typeof asyncStorageNative>;
  };
}
