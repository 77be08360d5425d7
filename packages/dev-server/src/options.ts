import { randomBytes } from 'node:crypto';

import type { OutboxMessage } from './hooks/outbox.js';
import type { RequestRecord } from './hooks/request-log.js';
import type { Journey } from './journeys/types.js';
import { normalizeRealm, type Realm } from './realm.js';
import { APP_SOCIAL_REDIRECT_URI } from './urls.js';

/** `am`: a self-managed AM (root realm, `iPlanetDirectoryPro`); `aic`: an AIC tenant (alpha realm, random cookie). */
export type DevServerStyle = 'am' | 'aic';

export interface DevServerOptions {
  /** TCP port; 0 (the default) takes any free port. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Preset for realm, cookie name and success URL; default `am`. Explicit options win. */
  style?: DevServerStyle;
  /** The one realm served: `root`, `alpha`, `alpha/sub` (also `/alpha`, `root/alpha`). */
  realm?: string;
  /** Name of the SSO cookie, also accepted as a request header. */
  cookieName?: string;
  /** `successUrl` of journey successes. */
  successUrl?: string;
  /** Seconds. Default 3600. */
  accessTokenTtl?: number;
  /** Seconds. Default 604800 (7 days, AM's default). */
  refreshTokenTtl?: number;
  /**
   * AM's "Issue Refresh Tokens on Refreshing Access Tokens". Default true: every refresh rotates the
   * refresh token. False: the refresh token stays valid and refresh replies leave it out.
   */
  rotateRefreshTokens?: boolean;
  /** Seconds a journey step (its authId) stays valid. Default 300; 0 makes every authId expire at once. */
  authIdTtl?: number;
  /** Maximum lifetime of an AM session, seconds. Default 7200. */
  sessionTtl?: number;
  /** The public OAuth client. Default `journeykit`. */
  clientId?: string;
  /** Redirect URIs registered besides the defaults. */
  redirectUris?: readonly string[];
  /** Post-logout redirect URIs registered besides the defaults. */
  postLogoutRedirectUris?: readonly string[];
  /** Exact origins allowed to call with credentials (CORS). */
  corsOrigins?: readonly string[];
  /** Called once per request after the response; records carry no query strings, so no tokens. */
  onRequest?: (record: RequestRecord) => void;
  /** Journeys served besides (or instead of, by name) the built-in ones; see the README's format. */
  journeys?: readonly Journey[];
  /**
   * Base of the resume links of suspended journeys, AM's "External Login Page URL"; `suspendedId`
   * is added to its query. Default `<server url>/XUI/?realm=<realm>`.
   */
  resumeUrl?: string;
  /** Called with every message the server sends a user (one-time codes, resume links). */
  onMessage?: (message: OutboxMessage) => void;
  /**
   * Where the social provider sends users back to the app (AM's per-provider redirect URI), e.g.
   * the web app's page. Default `com.journeykit.app:/social`.
   */
  socialRedirectUri?: string;
}

export interface Settings {
  readonly host: string;
  readonly port: number;
  readonly style: DevServerStyle;
  readonly realm: Realm;
  readonly cookieName: string;
  readonly successUrl: string;
  readonly accessTokenTtl: number;
  readonly refreshTokenTtl: number;
  readonly rotateRefreshTokens: boolean;
  readonly authIdTtl: number;
  readonly sessionTtl: number;
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly corsOrigins: readonly string[];
  readonly journeys: readonly Journey[];
  readonly resumeUrl: string | undefined;
  readonly socialRedirectUri: string;
}

export function resolveOptions(options: DevServerOptions = {}): Settings {
  const style = options.style ?? 'am';
  const realm = normalizeRealm(options.realm ?? (style === 'aic' ? 'alpha' : 'root'));
  return {
    host: options.host ?? '127.0.0.1',
    port: wholeNumber('port', options.port, 0, 0),
    style,
    realm,
    cookieName:
      options.cookieName ?? (style === 'aic' ? tenantCookieName() : 'iPlanetDirectoryPro'),
    successUrl:
      options.successUrl ?? (style === 'aic' ? `/enduser/?realm=${realm}` : '/am/console'),
    accessTokenTtl: wholeNumber('accessTokenTtl', options.accessTokenTtl, 3600, 1),
    refreshTokenTtl: wholeNumber('refreshTokenTtl', options.refreshTokenTtl, 7 * 24 * 3600, 1),
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    authIdTtl: wholeNumber('authIdTtl', options.authIdTtl, 300, 0),
    sessionTtl: wholeNumber('sessionTtl', options.sessionTtl, 2 * 3600, 1),
    clientId: options.clientId ?? 'journeykit',
    redirectUris: options.redirectUris ?? [],
    postLogoutRedirectUris: options.postLogoutRedirectUris ?? [],
    corsOrigins: options.corsOrigins ?? [],
    journeys: options.journeys ?? [],
    resumeUrl: options.resumeUrl,
    socialRedirectUri: options.socialRedirectUri ?? APP_SOCIAL_REDIRECT_URI,
  };
}

/** AIC names its session cookie per tenant with a random token such as `ch15fefc5407912`. */
function tenantCookieName(): string {
  return `c${randomBytes(7).toString('hex')}`;
}

function wholeNumber(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new TypeError(`${name} must be an integer of at least ${min}, got ${String(value)}`);
  }
  return value;
}
