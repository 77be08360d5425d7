/** AM's endpoint paths below the realm's oauth2 path, keyed by oidc-provider's route names. */
export const AM_OAUTH_ROUTES = {
  authorization: '/authorize',
  token: '/access_token',
  revocation: '/token/revoke',
  userinfo: '/userinfo',
  end_session: '/connect/endSession',
  jwks: '/connect/jwk_uri',
  introspection: '/introspect',
} as const;
