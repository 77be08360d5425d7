import {
  createJourneyClient,
  secureStoreStorage,
  type JourneyClient,
  type KeyValueStorage,
} from '@journeykit/journey';
import * as Crypto from 'expo-crypto';
import * as SecureStore from 'expo-secure-store';

// `npm run dev-server` in the repository (Android emulator: `adb reverse tcp:9443 tcp:9443` first).
// For a tenant, see the repository README: serverUrl, realm, cookie, clientId and discovery.
const devServer = 'http://127.0.0.1:9443/am';

/** A client of the server at `server`, its session and tokens kept in `storage`. */
export function createAppClient(server: string, storage: KeyValueStorage): JourneyClient {
  return createJourneyClient({
    serverUrl: server,
    realm: 'root',
    cookie: 'iPlanetDirectoryPro',
    // Expo Go ships expo-crypto, not react-native-get-random-values: random bytes come from it.
    crypto: { getRandomValues: Crypto.getRandomValues },
    modules: {
      session: { storage },
      oidc: {
        clientId: 'journeykit',
        discoveryEndpoint: `${server}/oauth2/realms/root/.well-known/openid-configuration`,
        // Registered on the OAuth client; never opened: the SDK reads the code with form_post.
        redirectUri: 'com.journeykit.app:/oauth2redirect',
        scopes: ['openid', 'profile', 'email'],
      },
    },
  });
}

/** The app's one client: the session and its tokens live in the Keychain / Keystore. */
export const client = createAppClient(
  devServer,
  secureStoreStorage(SecureStore, {
    keychainAccessible: SecureStore.WHEN_UNLOCKED_THIS_DEVICE_ONLY,
  }),
);
