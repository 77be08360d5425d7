import { randomBytes } from 'node:crypto';

import { errors, jwtVerify, SignJWT } from 'jose';

import type { SharedState } from '../journeys/types.js';
import type { Realm } from '../realm.js';

/** Where a journey stands between two requests; AIC keeps it client-side in the authId JWT too. */
export interface JourneyPosition {
  /** The journey name. Claim names follow the authIds AIC issues (am-protocol §3.3). */
  readonly authIndexValue: string;
  readonly realm: Realm;
  /** The page the client is looking at. */
  readonly page: string;
  readonly state: SharedState;
  /** `noSession=true` on the first request holds for the whole journey. */
  readonly noSession?: true;
}

export type VerifiedAuthId =
  | { readonly ok: true; readonly position: JourneyPosition }
  | { readonly ok: false; readonly problem: 'expired' | 'badSignature' | 'unparseable' };

/** Signs authIds (HS256, `iat`/`exp`) with a key that lives and dies with the server. */
export class AuthIdSigner {
  readonly #key = randomBytes(32);
  readonly #ttlSeconds: number;

  constructor(ttlSeconds: number) {
    this.#ttlSeconds = ttlSeconds;
  }

  /** A new authId for every step; `otk` (a nonce) makes each one unique. */
  issue(position: JourneyPosition): Promise<string> {
    const issuedAt = Math.floor(Date.now() / 1000);
    return new SignJWT({
      otk: randomBytes(16).toString('base64url'),
      authIndexType: 'service',
      ...position,
    })
      .setProtectedHeader({ typ: 'JWT', alg: 'HS256' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.#ttlSeconds)
      .sign(this.#key);
  }

  async verify(authId: string): Promise<VerifiedAuthId> {
    try {
      const { payload } = await jwtVerify(authId, this.#key, { algorithms: ['HS256'] });
      // The signature is ours, so the payload is what issue() wrote.
      return { ok: true, position: payload as unknown as JourneyPosition };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, problem: 'expired' };
      if (error instanceof errors.JWSSignatureVerificationFailed) {
        return { ok: false, problem: 'badSignature' };
      }
      return { ok: false, problem: 'unparseable' };
    }
  }
}
