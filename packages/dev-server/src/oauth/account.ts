import type { FindAccount } from 'oidc-provider';

import type { SsoSessionStore } from '../am/sso-sessions.js';
import type { UserStore } from '../am/users.js';

/**
 * AM's id_token claim naming the AM session behind the tokens ("OpenID Provider Session"); AM's
 * end session ends that session (am-protocol §6.6). Its value here is the session's `uid`.
 */
export const OPS_CLAIM = 'org.forgerock.openidconnect.ops';

/** Users as oidc-provider accounts. oidc-provider keeps only the claims the granted scopes allow. */
export function accountFinder(users: UserStore, sessions: SsoSessionStore): FindAccount {
  return (_ctx, sub, token) => {
    const user = users.findById(sub);
    if (user === undefined) return undefined;
    // Tokens carry the oidc-provider session they were minted in; one-hop tied it to an AM session.
    const providerSessionUid =
      token !== undefined && 'sessionUid' in token ? token.sessionUid : undefined;
    const amSession =
      typeof providerSessionUid === 'string'
        ? sessions.findByProviderSessionUid(providerSessionUid)
        : undefined;
    return {
      accountId: sub,
      claims: (use) => ({
        sub,
        subname: sub,
        ...user.profile,
        ...(use === 'id_token' && amSession !== undefined ? { [OPS_CLAIM]: amSession.uid } : {}),
      }),
    };
  };
}
