import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64url } from '../platform/encoding';
import { sha256 } from './sha256';

const utf8 = (text: string) => new TextEncoder().encode(text);

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha256 in JavaScript', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(hex(sha256(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('gives the RFC 7636 appendix B code challenge', () => {
    expect(base64url(sha256(utf8('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')))).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('agrees with node:crypto on every length across several blocks, and on a view', () => {
    const source = Uint8Array.from({ length: 300 }, (_, i) => (i * 151 + 7) & 255);
    for (let length = 0; length <= 200; length++) {
      const data = source.subarray(3, 3 + length);
      expect(hex(sha256(data)), `length ${length}`).toBe(
        createHash('sha256').update(data).digest('hex'),
      );
    }
  });
});
