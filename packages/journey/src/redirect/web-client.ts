import {
  JourneyError,
  memoryStorage,
  oidcContextOf,
  webStorage,
  type JourneyClient,
  type KeyValueStorage,
} from '@journeykit/journey';

import { withQuery } from '../http/url';
import type { AuthSession } from '../social/redirect';
import {
  authorizationUrl,
  completeAuthorize,
  type OidcAuthorizeOptions,
  type PendingAuthorize,
} from './authorize';

/** rn-oidc's `Tokens` without `tokenExpiry`. */
export interface OidcTokens {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
}

/** rn-oidc's user handle: the signed-in user's tokens, claims and sign-out. */
export interface OidcUser {
  token(): Promise<OidcTokens>;
  refresh(): Promise<OidcTokens>;
  userinfo(cache?: boolean): Promise<Record<string, unknown>>;
  revoke(): Promise<void>;
  /** Revokes the tokens, then ends the session at the server (a redirect in browsers). */
  logout(): Promise<void>;
}

/** How an authorization attempt ended: `success`, `cancel`, `redirect` (the page is leaving). */
export type OidcAuthorizeResult = { type: 'success' } | { type: 'cancel' } | { type: string };

/** rn-oidc's web client: a login at the server's own pages, then the user's tokens. */
export interface OidcWebClient {
  id: string;
  authorize(options?: OidcAuthorizeOptions): Promise<OidcAuthorizeResult>;
  /** The user; in a browser, first completes a return to this page from the login. */
  user(): Promise<OidcUser | null>;
  /** Completes a return from the login given as a URL (what `user()` does with the page's URL). */
  handleReturn(url: string): Promise<void>;
  dispose(): Promise<void>;
}

export interface OidcWebClientOptions {
  /**
   * Shows the server's pages in an auth session and resolves with the URL it returned to: expo-web-
   * browser's `openAuthSessionAsync`, react-native-inappbrowser's `openAuth`, or `loopbackBrowser()`
   * of `@journeykit/journey/node`. Without it, the page itself goes there and back (browsers).
   */
  browser?: AuthSession;
  /** Where the login returns; default `modules.oidc.redirectUri`. */
  redirectUri?: string;
  /** Where the server sends the user after sign-out; default `modules.oidc.signOutRedirectUri`. */
  signOutRedirectUri?: string;
  /** Where a login waits for its return; default session storage in browsers, memory elsewhere. */
  storage?: KeyValueStorage;
}

const stateError = (message: string) =>
  new JourneyError(message, 'JOURNEY_USER_ERROR', 'state_error');

const location = () => (globalThis as { location?: Location }).location;

/**
 * A centralized login for a journey client created with `modules.oidc`: the same token layer,
 * session lock, storage and events as the client, so `client.user()`, `refresh()`, `revoke()` and
 * `logoutUser()` see what the login issued. The API of `@ping-identity/rn-oidc`'s `createOidcWebClient`.
 */
export function createOidcWebClient(
  client: JourneyClient,
  options: OidcWebClientOptions = {},
): OidcWebClient {
  const ctx = oidcContextOf(client);
  if (!ctx)
    throw new JourneyError(
      'createOidcWebClient() needs a client created with modules.oidc', 'JOURNEY_CONFIG_ERROR', 'argument_error',
    );
  const redirectUri = options.redirectUri ?? ctx.redirectUri;
  const browser = options.browser;
  const storage = options.storage ?? (browser ? memoryStorage() : webStorage('session'));
  const key = `${ctx.tokens.key}|authorize`;
  const pending = async (): Promise<PendingAuthorize | null> => {
    try {
      return JSON.parse((await storage.getItem(key)) ?? 'null') as PendingAuthorize | null;
    } catch {
      return null;
    }
  };
  const forget = async () => {
    await storage.removeItem(key);
  };
  const handleReturn = async (url: string) => completeAuthorize(ctx, await pending(), url, forget);

  const tokens = async (): Promise<OidcTokens> => {
    const session = await client.user();
    const stored = await ctx.tokens.read();
    if (!session) throw stateError('There is no signed-in user');
    return {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      idToken: stored?.idToken,
    };
  };

  const user: OidcUser = {
    token: tokens,
    async refresh() {
      if (!(await client.refresh())) throw stateError('The tokens could not be refreshed');
      return tokens();
    },
    async userinfo(cache = false) {
      const cached = cache ? (await ctx.tokens.read())?.userInfo : undefined;
      const claims = cached ?? (await client.userinfo());
      if (!claims) throw stateError('There is no signed-in user');
      return claims;
    },
    async revoke() {
      await client.revoke();
    },
    async logout() {
      const idToken = (await ctx.tokens.read())?.idToken;
      await client.revoke();
      const signOut = options.signOutRedirectUri ?? ctx.signOutRedirectUri;
      const endpoint = (await ctx.discovery()).end_session_endpoint;
      if (!idToken || !endpoint || !signOut || (!browser && !location())) {
        await client.logoutUser();
        return;
      }
      const url = withQuery(endpoint, {
        id_token_hint: idToken,
        client_id: ctx.clientId,
        post_logout_redirect_uri: signOut,
      });
      ctx.log.secret(idToken);
      if (browser) await browser(url, signOut);
      else location()!.assign(url);
    },
  };

  return {
    id: `${ctx.tokens.key}|web`,
    async authorize(authorizeOptions) {
      const { url, pending: request } = await authorizationUrl(ctx, redirectUri, authorizeOptions);
      await storage.setItem(key, JSON.stringify(request));
      if (!browser) {
        const page = location();
        if (!page) throw stateError('Pass options.browser where there is no page to leave');
        page.assign(url);
        return { type: 'redirect' };
      }
      const result = await browser(url, redirectUri);
      if (result.type !== 'success' || !result.url) {
        await forget();
        return { type: result.type === 'success' ? 'cancel' : result.type };
      }
      await handleReturn(result.url);
      return { type: 'success' };
    },
    async user() {
      const page = location();
      const waiting = !browser && page && (await pending());
      if (waiting && page.href.startsWith(waiting.redirectUri) && /[?#&]state=/.test(page.href))
        await handleReturn(page.href);
      return (await ctx.tokens.read()) ? user : null;
    },
    handleReturn,
    dispose: () => Promise.resolve(),
  };
}
