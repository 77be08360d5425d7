import { randomBytes, randomUUID } from 'node:crypto';

import type { Realm } from '../realm.js';
import type { DevUser } from './users.js';

/** An authenticated AM session, what the SSO token (`tokenId`, the session cookie) stands for. */
export interface SsoSession {
  readonly token: string;
  /** Public id: `sessionUid` in `_action=validate`, the `org.forgerock.openidconnect.ops` id_token claim. */
  readonly uid: string;
  readonly userId: string;
  readonly realm: Realm;
  /** Epoch seconds. */
  readonly authTime: number;
  /** Epoch milliseconds; the session's maximum lifetime ends here. */
  readonly expiresAt: number;
  /** The oidc-provider session that stands for this one at `/authorize` (see oauth/one-hop). */
  providerSession?: { readonly id: string; readonly uid: string };
}

export class SsoSessionStore {
  readonly #byToken = new Map<string, SsoSession>();
  readonly #ttlSeconds: number;

  constructor(ttlSeconds: number) {
    this.#ttlSeconds = ttlSeconds;
  }

  create(user: DevUser, realm: Realm): SsoSession {
    const now = Date.now();
    const session: SsoSession = {
      token: newSsoToken(),
      uid: randomUUID(),
      userId: user.id,
      realm,
      authTime: Math.floor(now / 1000),
      expiresAt: now + this.#ttlSeconds * 1000,
    };
    this.#byToken.set(session.token, session);
    return session;
  }

  /** The live session of a token; expired ones are forgotten. */
  find(token: string | undefined): SsoSession | undefined {
    if (token === undefined) return undefined;
    const session = this.#byToken.get(token);
    if (session === undefined || session.expiresAt > Date.now()) return session;
    this.#byToken.delete(token);
    return undefined;
  }

  findByUid(uid: string): SsoSession | undefined {
    return this.#live().find((session) => session.uid === uid);
  }

  findByProviderSessionUid(uid: string): SsoSession | undefined {
    return this.#live().find((session) => session.providerSession?.uid === uid);
  }

  /** Ends a session; false when it was not live. */
  end(token: string): boolean {
    const live = this.find(token) !== undefined;
    this.#byToken.delete(token);
    return live;
  }

  #live(): SsoSession[] {
    return [...this.#byToken.keys()].flatMap((token) => this.find(token) ?? []);
  }
}

/** Opaque, with AM's look: `AQIC5…*AAJTSQACMDEAAlNLAB…*`. Cookie-safe characters only. */
function newSsoToken(): string {
  return `AQIC5w${randomBytes(33).toString('base64url')}.*AAJTSQACMDEAAlNLABQt${randomBytes(15).toString('base64url')}*`;
}
