import type {
  AccessToken,
  Client,
  ClientCredentials,
  KoaContextWithOIDC,
  RefreshToken,
} from 'oidc-provider';

/**
 * `features.revocation.allowedPolicy`, used to give revocation AM's reach (am-protocol §6.4). A refresh
 * token takes its whole grant with it: the provider goes on. An access token takes only itself, but
 * the provider would revoke its whole grant, so it is destroyed here and the provider told to stop
 * (it still answers 200). A client revokes only its own tokens; others are ignored, with a 200.
 */
export async function revokeLikeAm(
  _ctx: KoaContextWithOIDC,
  client: Client,
  token: AccessToken | ClientCredentials | RefreshToken,
): Promise<boolean> {
  if (token.clientId !== client.clientId) return false;
  if (token.kind !== 'AccessToken') return true;
  await token.destroy();
  return false;
}
