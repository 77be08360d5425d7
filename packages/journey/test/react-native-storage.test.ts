import { startDevServer, type DevServer } from '@journeykit/dev-server';
import {
  keychainStorage,
  secureStoreStorage,
  type JourneyClient,
  type KeyValueStorage,
} from '@journeykit/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, sessionValidates, signIn } from './helpers';
import { actAsReactNative } from './react-native/environment';
import { reactNativeFetch } from './react-native/fetch';
import {
  ACCESSIBLE,
  AsyncStorageDouble,
  keychainDouble,
  secureStoreDouble,
} from './react-native/stores';

// A React Native app's session kept in each of the stores React Native apps use, with real tokens
// from the dev server through React Native's fetch: it survives an app restart (a new client over
// the same store) without a request, refreshes there, and logout leaves the store empty. The
// stores are stand-ins (test/react-native/stores.ts says why).

function asyncStorage() {
  const store = new AsyncStorageDouble();
  return { storage: store as KeyValueStorage, keys: () => store.getAllKeys() };
}
function secureStore() {
  const { module, keys } = secureStoreDouble();
  return { storage: secureStoreStorage(module, { keychainService: 'app' }), keys };
}
function keychain() {
  const { module, keys } = keychainDouble();
  return { storage: keychainStorage(module, { accessible: ACCESSIBLE.AFTER_FIRST_UNLOCK }), keys };
}

describe.each([
  ['AsyncStorage, as is', asyncStorage],
  ['expo-secure-store', secureStore],
  ['react-native-keychain', keychain],
])('a React Native session in %s', (_name, open) => {
  let server: DevServer;
  let undo: () => void;
  const { storage, keys } = open();
  const app = (): JourneyClient =>
    clientFor(server, {
      fetch: reactNativeFetch(),
      modules: { session: { storage }, oidc: server.clientConfig.modules.oidc },
    });
  let first: JourneyClient;

  beforeAll(async () => {
    undo = actAsReactNative();
    server = await startDevServer({ style: 'aic' });
    first = app();
  });
  afterAll(async () => {
    undo();
    await server.close();
  });

  it('keeps the SSO token and the tokens there', async () => {
    expect(await keys()).toEqual([]);
    expect((await signIn(first)).type).toBe('SuccessNode');
    expect(await first.user()).toMatchObject({ refreshToken: expect.any(String) });
    expect((await keys()).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the session to the app after a restart, without a request, and refreshes there', async () => {
    const before = (await first.user())!;
    const restarted = app();
    const requests = server.requests.length;
    expect(await restarted.ssoToken()).toEqual(await first.ssoToken());
    expect((await restarted.user())!.accessToken).toBe(before.accessToken);
    expect(server.requests.length).toBe(requests);

    const refreshed = (await restarted.refresh())!;
    expect(refreshed.refreshToken).not.toBe(before.refreshToken);
    expect(await server.isRefreshTokenActive(before.refreshToken!)).toBe(false);
    expect((await app().user())!.refreshToken).toBe(refreshed.refreshToken);
    expect(server.reuseDetections).toBe(0);
  });

  it('is left empty by logout, with the session ended on the server', async () => {
    const sso = (await first.ssoToken())!;
    const tokens = (await first.user())!;
    expect(await app().logoutUser()).toBe(true);
    expect(await keys()).toEqual([]);
    expect(await sessionValidates(server, sso.value)).toBe(false);
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(false);
    expect(await first.user()).toBeNull();
  });
});

describe('a React Native keychain that will not save', () => {
  it('makes the sign-in a FailureNode with a storage_error, and keeps no session', async () => {
    const undo = actAsReactNative();
    const server = await startDevServer({ style: 'aic' });
    try {
      const { module, control, keys } = keychainDouble();
      control.failSaves = true;
      const client = clientFor(server, {
        fetch: reactNativeFetch(),
        modules: { session: { storage: keychainStorage(module) } },
      });
      expect(await signIn(client)).toMatchObject({
        type: 'FailureNode',
        error: { type: 'storage_error' },
      });
      expect(await client.ssoToken()).toBeNull();
      expect(keys()).toEqual([]);
    } finally {
      undo();
      await server.close();
    }
  });
});
