import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';

import type { JWK } from 'oidc-provider';

/** A fresh RS256 key per server for id_tokens; clients find it at `/connect/jwk_uri`. */
export async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}
