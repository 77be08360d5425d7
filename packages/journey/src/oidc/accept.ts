import { userError } from '../errors';
import type { OidcContext } from './context';
import type { Discovery } from './discovery';
import { checkIdToken, decodeJwt, profileClaims } from './id-token';
import type { TokenAnswer } from './token-endpoint';
import { toTokenSet, type TokenSet } from './token-set';
import { fetchUserInfo } from './userinfo';

/**
 * A token endpoint answer becomes the session's tokens: the ID token is checked (claims, then the
 * app's signature verifier), the tokens are saved before anyone sees them, userinfo claims are
 * fetched once for this issuance, then listeners hear of it. Throws when the ID token is refused.
 */
export async function acceptTokens(
  ctx: OidcContext,
  discovery: Discovery,
  { reply, response }: TokenAnswer,
  expected: { nonce?: string; previous?: TokenSet },
): Promise<TokenSet> {
  if (response.serverDate !== undefined) ctx.skew.offset = response.serverDate - ctx.clock();
  const tokens = toTokenSet(reply, ctx.clock(), expected.previous);
  tokens.userInfo ??= profileClaims(tokens.idToken);
  ctx.log.secret(tokens.accessToken, tokens.refreshToken, reply.id_token);
  // A code exchange for `openid` must prove who signed in.
  if (!reply.id_token && expected.nonce !== undefined && ctx.scopes.includes('openid'))
    throw userError('auth_error', 'Rejected the token reply: no ID token for the openid scope');
  if (reply.id_token) {
    const now = ctx.clock() + ctx.skew.offset;
    const previous = expected.previous?.idToken && decodeJwt(expected.previous.idToken);
    const context = { issuer: discovery.issuer, clientId: ctx.clientId, now };
    checkIdToken(reply.id_token, {
      ...context,
      nonce: expected.nonce,
      subject: previous && typeof previous.sub === 'string' ? previous.sub : undefined,
    });
    await ctx.idTokenVerifier?.(reply.id_token, { ...context, jwksUri: discovery.jwks_uri });
  }
  await ctx.tokens.write(tokens);
  let issued = tokens;
  try {
    const withClaims = { ...tokens, userInfo: await fetchUserInfo(ctx, tokens) };
    await ctx.tokens.write(withClaims);
    issued = withClaims;
  } catch (error) {
    ctx.log.warn('Could not add userinfo claims to the new tokens', { error });
  }
  ctx.emit({ type: 'tokensChanged', saved: true, expiresAt: issued.expiresAt ?? null });
  return issued;
}
