import type { Grant, KoaContextWithOIDC } from 'oidc-provider';

/**
 * `loadExistingGrant`: consent is implied for the SDK client, as AM clients for the SDKs are
 * configured (am-protocol §6.2), so authorize never stops for consent. Every authorize starts a new
 * grant, a token family as AM's authorization grants are: revoking one family's refresh token, or
 * replaying it after rotation, leaves the other families alone.
 */
export async function impliedConsentGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { provider, session, client, params } = ctx.oidc;
  if (session?.accountId === undefined || client === undefined) return undefined;
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
  await grant.save();
  return grant;
}
