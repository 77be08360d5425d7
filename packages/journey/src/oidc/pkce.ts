import type { CryptoProvider } from '../platform/crypto';
import { ascii, base64url } from '../platform/encoding';

/** A random URL-safe string of `bytes` random bytes (state, nonce, verifier). */
export function randomString(crypto: CryptoProvider, bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** RFC 7636 PKCE with S256: a 64-byte verifier (86 characters) and its SHA-256 challenge. */
export async function createPkce(
  crypto: CryptoProvider,
): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomString(crypto, 64);
  return { verifier, challenge: base64url(await crypto.sha256(ascii(verifier))) };
}
