// Centralized login: the server's own sign-in pages, then the journey client's tokens.
export { createOidcWebClient } from './web-client';
export type {
  OidcAuthorizeResult,
  OidcTokens,
  OidcUser,
  OidcWebClient,
  OidcWebClientOptions,
} from './web-client';
export type { OidcAuthorizeOptions } from './authorize';
export type { AuthSession } from '../social/redirect';
