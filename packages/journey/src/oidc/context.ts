import type { JourneyEvent } from '../events';
import type { Send } from '../http/transport';
import type { Log } from '../logger';
import type { Clock } from '../platform/clock';
import type { CryptoProvider } from '../platform/crypto';
import type { SsoToken } from '../session/sso-token';
import type { KeyValueStorage } from '../storage/types';
import type { StoredRecord } from '../storage/record';
import type { AuthorizeStrategy } from './authorize';
import type { Discovery } from './discovery';
import type { IdTokenVerifier } from './id-token';
import type { Lock } from './lock';
import type { TokenSet } from './token-set';

/** `modules.oidc` of the client configuration. */
export interface OidcModuleConfig {
  clientId: string;
  /** `https://tenant/am/oauth2/realms/root/realms/alpha/.well-known/openid-configuration` */
  discoveryEndpoint: string;
  /** Registered for the (public, PKCE) client; for React Native usually a custom scheme. */
  redirectUri: string;
  /** Default `['openid', 'profile', 'email']`. */
  scopes?: string[];
  /** Seconds before expiry at which `user()` renews the tokens; default 60, capped at half a token's lifetime. */
  refreshThreshold?: number;
  /** Sent as `post_logout_redirect_uri` to end_session when set (not with form_post: React Native). */
  signOutRedirectUri?: string;
  /** Where tokens are kept; default: the session storage. */
  storage?: KeyValueStorage;
  /** How to read the authorization code back; 'auto' (default) picks by runtime (design.md §2). */
  authorizeStrategy?: AuthorizeStrategy;
  /** Checks the ID token's signature, e.g. `joseVerifier()` from `@journeykit/journey/jose`. */
  idTokenVerifier?: IdTokenVerifier;
  acrValues?: string;
  loginHint?: string;
  uiLocales?: string;
  additionalParameters?: Record<string, string>;
}

/** Everything a token operation needs, wired once by the client: the app's settings and the client's parts. */
export interface OidcContext extends OidcModuleConfig {
  scopes: string[];
  refreshThreshold: number;
  /** The AM server: the SSO token is sent to its origin only, as the header named like the cookie. */
  server: { origin: string; cookie: string; serverUrl: string; realm: string };
  send: Send;
  discovery(signal?: AbortSignal): Promise<Discovery>;
  tokens: StoredRecord<TokenSet>;
  /** The SSO session tokens are minted from; forgotten once the server has refused it for good. */
  sso: StoredRecord<SsoToken>;
  lock: Lock;
  /** The SSO cookie name the server publishes, asked once when it refuses the session. */
  cookieName?: Promise<unknown>;
  /** The renewal in flight for this client; every concurrent caller shares it. */
  renewal?: Promise<TokenSet | null>;
  crypto: CryptoProvider;
  clock: Clock;
  /** Server clock minus ours, in ms, learnt from `Date` headers; used for ID token times. */
  skew: { offset: number };
  log: Log;
  emit(event: JourneyEvent): void;
}
