import type { JourneyError } from '../errors';
import { statusError } from '../http/transport';
import { toQuery } from '../http/url';
import type { OidcContext } from './context';
import { endpointOf } from './discovery';
import type { TokenSet } from './token-set';

/**
 * Forgets the stored tokens, under the session lock so no renewal can save tokens behind it; the
 * SSO session stays, so a later `user()` mints new ones. Resolves what was forgotten, and the
 * storage failure that left it on the device (it is forgotten in memory all the same).
 */
export function forgetTokens(
  ctx: OidcContext,
  signal?: AbortSignal,
): Promise<{ tokens: TokenSet; failed?: JourneyError } | null> {
  return ctx.lock(async () => {
    const tokens = await ctx.tokens.read();
    if (!tokens) return null;
    const failed = await ctx.tokens.remove();
    ctx.emit({ type: 'tokensChanged', saved: false, expiresAt: null });
    return { tokens, failed };
  }, signal);
}

/**
 * Asks the server to revoke tokens already forgotten. Resolves whether it confirmed; only an
 * abort rejects.
 */
export async function revokeForgotten(
  ctx: OidcContext,
  tokens: TokenSet,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    await revokeOnServer(ctx, tokens, signal);
    ctx.log.info('Tokens revoked');
    return true;
  } catch (error) {
    if ((error as JourneyError).type === 'abort_error') throw error;
    ctx.log.warn('The server did not confirm the revocation', { error });
    return false;
  }
}

/**
 * RFC 7009 revocation. Revoking the refresh token revokes the whole grant on AM (am-protocol
 * §6.4), access token included; without one, the access token is revoked.
 */
export async function revokeOnServer(
  ctx: OidcContext,
  tokens: TokenSet,
  signal?: AbortSignal,
): Promise<void> {
  const [token, hint] = tokens.refreshToken
    ? [tokens.refreshToken, 'refresh_token']
    : [tokens.accessToken, 'access_token'];
  const response = await ctx.send({
    url: await endpointOf(ctx, 'revocation', signal),
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: toQuery({ client_id: ctx.clientId, token, token_type_hint: hint }),
    credentials: 'omit',
    signal,
    retry: 'safe',
  });
  if (response.status !== 200) throw statusError('JOURNEY_USER_ERROR', 'Revocation', response);
}
