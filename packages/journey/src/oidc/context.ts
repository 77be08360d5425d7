import type { JourneyEvent } from '../events';
import type { Send } from '../http/transport';
import type { Log } from '../logger';
import type { Clock } from '../platform/clock';
import type { CryptoProvider } from '../platform/crypto';
import type { StoredRecord } from '../storage/record';
import type { AuthorizeStrategy } from './authorize';
import type { Discovery } from './discovery';
import type { IdTokenVerifier } from './id-token';
import type { Lock } from './lock';
import type { TokenSet } from './token-set';

/** Everything a token operation needs, wired once by the client. */
export interface OidcContext {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** Seconds before expiry at which tokens are renewed. */
  refreshThreshold: number;
  signOutRedirectUri?: string;
  strategy: AuthorizeStrategy;
  /** acr_values, login_hint, ui_locales and the app's additional authorize parameters. */
  authorizeParameters: Record<string, string | undefined>;
  server: { origin: string; cookie: string };
  send: Send;
  discovery(signal?: AbortSignal): Promise<Discovery>;
  tokens: StoredRecord<TokenSet>;
  ssoToken(): Promise<string | null>;
  /** Forgets the SSO token once the server has refused it for good. */
  dropSsoToken(): Promise<void>;
  lock: Lock;
  /** The renewal in flight for this client; every concurrent caller shares it. */
  renewal?: Promise<TokenSet | null>;
  crypto: CryptoProvider;
  clock: Clock;
  /** Server clock minus ours, in ms, learnt from `Date` headers; used for ID token times. */
  skew: { offset: number };
  log: Log;
  emit(event: JourneyEvent): void;
  verifyIdToken?: IdTokenVerifier;
}
