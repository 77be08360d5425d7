import type { interactionPolicy, KoaContextWithOIDC } from 'oidc-provider';

import type { Realm } from '../realm.js';
import { AM_PATH } from '../urls.js';

/** AM's words for `prompt=none` without a session; the legacy JS SDK matches on them (am-protocol §6.2). */
const INTERACTION_REQUIRED_DESCRIPTION =
  'The request requires some interaction that is not allowed.';

/**
 * oidc-provider's default interaction policy, made AM-like:
 * - consent is implied, so native clients are not made to confirm every authorize;
 * - `prompt=none` without a session fails with `interaction_required` and AM's description,
 *   where oidc-provider says `login_required`.
 */
export function amInteractionPolicy(
  policies: typeof interactionPolicy,
): interactionPolicy.Prompt[] {
  const policy = policies.base();
  policy.get('consent')?.checks.remove('native_client_prompt');
  const noSession = policy.get('login')?.checks.get('no_session');
  if (noSession === undefined)
    throw new Error('oidc-provider: login prompt has no no_session check');
  noSession.error = 'interaction_required';
  noSession.description = INTERACTION_REQUIRED_DESCRIPTION;
  return policy;
}

/** Where a browser without a session goes: AM's login UI, with the authorize URL to return to. */
export function xuiLoginUrl(realm: Realm) {
  return (ctx: KoaContextWithOIDC): string =>
    new URL(`${AM_PATH}/XUI/?realm=${realm}&goto=${encodeURIComponent(ctx.href)}`, ctx.href).href;
}
