import type { Grant, KoaContextWithOIDC } from 'oidc-provider';

/**
 * `loadExistingGrant`: the SDK client has implied consent, as AM clients for SDKs are configured
 * (am-protocol §6.2), so authorize never stops for consent. Each provider session (one per AM session)
 * gets one grant, widened to whatever scopes are asked for. A revoked grant is replaced.
 */
export async function impliedConsentGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { provider, session, client, params } = ctx.oidc;
  if (session?.accountId === undefined || client === undefined) return undefined;
  const grantId = session.grantIdFor(client.clientId);
  const grant =
    (grantId === undefined ? undefined : await provider.Grant.find(grantId)) ??
    new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
  await grant.save();
  return grant;
}
