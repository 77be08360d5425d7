import { describe, expect, it } from 'vitest';
import { resolveCrypto } from '../platform/crypto';
import { base64url } from '../platform/encoding';
import { createPkce } from './pkce';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('PKCE S256', () => {
  it('derives the RFC 7636 Appendix B challenge', async () => {
    const crypto = resolveCrypto(undefined);
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(base64url(await crypto.sha256(utf8(verifier)))).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes an 86-character verifier from 64 random bytes, new each time', async () => {
    const crypto = resolveCrypto(undefined);
    const a = await createPkce(crypto);
    const b = await createPkce(crypto);
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(a.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
  });

  it('uses injected primitives where the runtime has no WebCrypto', async () => {
    const crypto = resolveCrypto({
      getRandomValues: (bytes) => bytes.fill(7),
      sha256: () => new Uint8Array(32),
    });
    const pkce = await createPkce(crypto);
    expect(pkce.verifier).toBe(base64url(new Uint8Array(64).fill(7)));
    expect(pkce.challenge).toBe(base64url(new Uint8Array(32)));
  });
});
