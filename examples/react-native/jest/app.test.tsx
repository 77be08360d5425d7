import {
  keychainStorage,
  secureStoreStorage,
  type JourneyClient,
  type KeyValueStorage,
} from '@journeykit/journey';
import AsyncStorage from '@react-native-async-storage/async-storage';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import * as SecureStore from 'expo-secure-store';
import * as Keychain from 'react-native-keychain';
import { App } from '../App';
import { createAppClient } from '../journey';
import { startDevServer, type DevServerProcess } from './dev-server';

// The app as shipped, rendered by React Native's renderer under jest-expo and used through its
// screens: it signs in against the repository's dev server (a child process) over React Native's
// own fetch -> XMLHttpRequest -> Networking path, refreshes and signs out, its session kept by each
// store's real JavaScript. The native halves are emulated (jest/native says exactly how).

const stores: [string, () => KeyValueStorage, () => number][] = [
  [
    'expo-secure-store',
    () =>
      secureStoreStorage(SecureStore, {
        keychainAccessible: SecureStore.WHEN_UNLOCKED_THIS_DEVICE_ONLY,
      }),
    () => native.secureStore.items.size,
  ],
  [
    'react-native-keychain',
    () =>
      keychainStorage(Keychain, {
        accessible: Keychain.ACCESSIBLE.WHEN_UNLOCKED_THIS_DEVICE_ONLY,
      }),
    () => native.keychain.items.size,
  ],
  ['AsyncStorage', () => AsyncStorage, () => native.asyncStorage.items.size],
];

let server: DevServerProcess;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server?.stop());

/** Renders the app over this store and signs in through its screens as demo. */
async function signInThroughTheApp(storage: KeyValueStorage): Promise<JourneyClient> {
  const client = createAppClient(server.url, storage);
  await render(<App client={client} />);
  await fireEvent.press(await screen.findByText('Sign in'));
  await fireEvent.changeText(await screen.findByLabelText('User Name'), 'demo');
  await fireEvent.changeText(screen.getByLabelText('Password'), 'Ch4ng3it!');
  await fireEvent.press(screen.getByRole('button', { name: 'Next' }));
  expect(await screen.findByText('Demo User', {}, { timeout: 20000 })).toBeOnTheScreen();
  return client;
}

const tokenGrants = () =>
  server.requests.filter((r) => r.startsWith('POST /am/oauth2/') && r.includes('access_token 200'))
    .length;

it.each(stores)(
  'signs in, refreshes and signs out, its session in %s',
  async (_name, storage, entries) => {
    const grants = tokenGrants();
    const client = await signInThroughTheApp(storage());
    const sso = (await client.ssoToken())!;
    expect(await server.sessionIsLive(sso.value)).toBe(true);
    expect(entries()).toBeGreaterThanOrEqual(2); // the SSO token and the tokens
    const loads = native.networking.loads.map((l) => l.url);
    expect(loads.some((u) => u.includes('/authorize?') && u.includes('form_post'))).toBe(true);
    await waitFor(() => expect(tokenGrants()).toBe(grants + 1)); // the code exchange

    const before = (await client.user())!;
    await fireEvent.press(screen.getByText('Refresh tokens'));
    await waitFor(() => expect(tokenGrants()).toBe(grants + 2)); // the refresh grant
    await waitFor(async () =>
      expect((await client.user())!.refreshToken).not.toBe(before.refreshToken),
    );

    await fireEvent.press(screen.getByText('Sign out'));
    expect(await screen.findByText('Sign in', {}, { timeout: 20000 })).toBeOnTheScreen();
    expect(await server.sessionIsLive(sso.value)).toBe(false);
    expect(entries()).toBe(0);
  },
);

it('signs in with a wiped store while React Native’s cookie jar keeps the session cookie', async () => {
  native.secureStore.items.clear();
  const first = (await (await signInThroughTheApp(stores[0]![1]())).ssoToken())!.value;
  const host = new URL(server.url).origin;
  expect(await native.networking.jar.getCookieString(host)).toContain('iPlanetDirectoryPro=');
  await cleanup();
  native.secureStore.items.clear(); // the app's store is lost; the native jar is not

  const again = await signInThroughTheApp(stores[0]![1]());
  const sso = (await again.ssoToken())!;
  expect(sso.value).not.toBe(first);
  expect(await server.sessionIsLive(sso.value)).toBe(true);
  expect(typeof (await again.user())?.accessToken).toBe('string');
});
