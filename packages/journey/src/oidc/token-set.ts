import { isObject, misfit } from '../http/json';

/** OAuth tokens as stored, one record per server, realm and client. */
export interface TokenSet {
  accessToken: string;
  tokenType?: string;
  refreshToken?: string;
  idToken?: string;
  scope?: string;
  /** Lifetime in seconds as issued (`expires_in`), not the time left. */
  expiresIn?: number;
  /** When the access token expires, in ms on this device's clock. */
  expiresAt?: number;
  /** Claims from the userinfo endpoint (else the ID token), fetched once per issuance. */
  userInfo?: Record<string, unknown>;
  /**
   * Set while a refresh grant with this refresh token is unanswered, and left set when the answer
   * never came: the server may have rotated it, so it is never sent again (replaying a spent
   * refresh token makes the server revoke the whole grant).
   */
  refreshing?: true;
}

/** What `user()` and `refresh()` resolve to (rn-journey `JourneyUserSession`, plus `expiresAt`). */
export interface JourneyUserSession {
  accessToken: string;
  refreshToken?: string;
  expiresIn?: number;
  expiresAt?: number;
  userInfo?: Record<string, unknown>;
}

export function isTokenSet(data: unknown): data is TokenSet {
  return (
    isObject(data) &&
    !misfit(data, {
      accessToken: 'text',
      tokenType: 'string?',
      refreshToken: 'string?',
      idToken: 'string?',
      scope: 'string?',
      expiresIn: 'number?',
      expiresAt: 'number?',
      userInfo: 'object?',
    }) &&
    (data.refreshing === undefined || data.refreshing === true)
  );
}

/**
 * A token endpoint reply as a TokenSet; what the reply leaves out is kept from `previous`
 * (userinfo claims too, until new ones are fetched).
 */
export function toTokenSet(reply: TokenReply, now: number, previous?: TokenSet): TokenSet {
  // A lifetime too long for a date (1e306 s) is no lifetime: the record must read back. One of
  // 0 s has expired already.
  const ms = typeof reply.expires_in === 'number' ? reply.expires_in * 1000 : NaN;
  const expiresIn = Number.isFinite(ms) ? reply.expires_in : undefined;
  return {
    accessToken: reply.access_token,
    tokenType: reply.token_type ?? previous?.tokenType,
    // Servers that do not rotate send no refresh token: the old one stays valid (peers.md §B).
    refreshToken: reply.refresh_token ?? previous?.refreshToken,
    idToken: reply.id_token ?? previous?.idToken,
    scope: reply.scope ?? previous?.scope,
    expiresIn,
    expiresAt: expiresIn === undefined ? undefined : now + expiresIn * 1000,
    userInfo: previous?.userInfo,
  };
}

/** RFC 6749 §5.1 token response, checked. */
export interface TokenReply {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

/**
 * Whether the access token can still be handed out: it must outlive the refresh threshold,
 * which is capped at half the token's lifetime so short-lived tokens do not refresh on every call.
 * With a threshold of 0: whether it has not expired yet.
 */
export function isFresh(tokens: TokenSet, now: number, thresholdSeconds: number): boolean {
  if (tokens.expiresAt === undefined) return true;
  const lifetime = tokens.expiresIn ?? 0;
  const threshold = Math.min(thresholdSeconds, lifetime / 2) * 1000;
  return now < tokens.expiresAt - threshold;
}

/** What `user()` and `refresh()` hand out of the stored tokens; null without tokens. */
export function toUserSession(tokens: TokenSet | null): JourneyUserSession | null {
  if (!tokens) return null;
  const session: JourneyUserSession = { accessToken: tokens.accessToken };
  if (tokens.refreshToken) session.refreshToken = tokens.refreshToken;
  if (tokens.expiresIn !== undefined) session.expiresIn = tokens.expiresIn;
  if (tokens.expiresAt !== undefined) session.expiresAt = tokens.expiresAt;
  if (tokens.userInfo) session.userInfo = tokens.userInfo;
  return session;
}
