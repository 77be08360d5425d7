import { realmUrlPath, type Realm } from './realm.js';

export const AM_PATH = '/am';
export const JSON_PATH = `${AM_PATH}/json`;
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

/** Where oidc-provider is mounted, AM's canonical realm path: `/am/oauth2/realms/root/realms/alpha`. */
export function oauthPath(realm: Realm): string {
  return `${AM_PATH}/oauth2/${realmUrlPath(realm)}`;
}

/** Landing pages for the http loopback redirect URIs, so a browser that follows them sees a page. */
export const LOOPBACK_CALLBACK_PATH = '/callback';
export const LOOPBACK_SIGNED_OUT_PATH = '/signed-out';

/** The custom-scheme URIs a React Native app would register. */
export const APP_REDIRECT_URI = 'com.journeykit.app:/oauth2redirect';
export const APP_SIGN_OUT_URI = 'com.journeykit.app:/signout';

/** Where the social provider (a second OpenID provider, standing in for Google) is served. */
export const SOCIAL_PATH = '/social';
/** Where it sends users back by default: the custom scheme a React Native app would register. */
export const APP_SOCIAL_REDIRECT_URI = 'com.journeykit.app:/social';
