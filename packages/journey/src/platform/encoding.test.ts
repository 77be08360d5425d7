import { describe, expect, it } from 'vitest';
import { ascii, base64Text, base64url } from './encoding';

const utf8 = (text: string) => new TextEncoder().encode(text);

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
      expect(base64url(ascii(plain))).toBe(encoded);
      expect(base64Text(encoded)).toBe(plain);
    }
    expect(base64url(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
  });

  it('decodes base64 too, padded or not', () => {
    expect(base64Text(base64url(utf8('ü?>')))).toBe('ü?>');
    expect(base64Text('w7w/Pg==')).toBe('ü?>');
  });

  it('refuses characters outside the alphabet', () => {
    expect(base64Text('ab$c')).toBeNull();
  });
});

describe('UTF-8 text', () => {
  it('decodes text outside ASCII as Node encodes it', () => {
    for (const text of ['é', '€uro', '𝄞 clef', 'Zoë Şık 名前'])
      expect(base64Text(Buffer.from(text, 'utf8').toString('base64url'))).toBe(text);
  });

  it('refuses invalid sequences instead of throwing', () => {
    expect(base64Text(base64url(Uint8Array.from([0x61, 0xc3, 0x28])))).toBeNull();
  });
});
