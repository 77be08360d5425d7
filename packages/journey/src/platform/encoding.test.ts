import { describe, expect, it } from 'vitest';
import { base64url, fromBase64, fromUtf8, utf8 } from './encoding';

describe('base64url', () => {
  it('matches RFC 4648 test vectors, unpadded and URL-safe', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base64url(utf8(plain))).toBe(encoded);
      expect(fromUtf8(fromBase64(encoded)!)).toBe(plain);
    }
    expect(base64url(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
    expect(fromBase64('+/8=')).toEqual(Uint8Array.from([0xfb, 0xff]));
  });

  it('refuses characters outside the alphabet', () => {
    expect(fromBase64('ab$c')).toBeNull();
  });
});

describe('utf8', () => {
  it('round-trips text outside ASCII like Node does', () => {
    for (const text of ['é', '€uro', '𝄞 clef', 'Zoë Şık 名前']) {
      expect(Buffer.from(utf8(text))).toEqual(Buffer.from(text, 'utf8'));
      expect(fromUtf8(utf8(text))).toBe(text);
    }
  });

  it('turns invalid sequences into U+FFFD instead of throwing', () => {
    expect(fromUtf8(Uint8Array.from([0x61, 0xc3, 0x28]))).toBe('a\uFFFD(');
  });
});
