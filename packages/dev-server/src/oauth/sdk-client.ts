import type { ClientMetadata } from 'oidc-provider';

import type { Settings } from '../options.js';
import {
  APP_REDIRECT_URI,
  APP_SIGN_OUT_URI,
  LOOPBACK_CALLBACK_PATH,
  LOOPBACK_SIGNED_OUT_PATH,
} from '../urls.js';

/**
 * The one OAuth client: public, PKCE, configured like AM clients for the SDKs. `native` is what lets
 * oidc-provider accept a custom-scheme redirect URI next to http loopback ones (and for loopback
 * URIs it ignores the port, as RFC 8252 asks).
 */
export function sdkClient(settings: Settings, origin: string): ClientMetadata {
  return {
    client_id: settings.clientId,
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: 'openid profile email offline_access',
    id_token_signed_response_alg: 'RS256',
    redirect_uris: [
      APP_REDIRECT_URI,
      `${origin}${LOOPBACK_CALLBACK_PATH}`,
      ...settings.redirectUris,
    ],
    post_logout_redirect_uris: [
      APP_SIGN_OUT_URI,
      `${origin}${LOOPBACK_SIGNED_OUT_PATH}`,
      ...settings.postLogoutRedirectUris,
    ],
  };
}

/**
 * A second public client registered like the first, as another app of the same tenant: codes and
 * tokens are bound to the client they were issued to, which tests show with it.
 */
export function otherClient(client: ClientMetadata): ClientMetadata {
  return { ...client, client_id: `${client.client_id}-other` };
}
