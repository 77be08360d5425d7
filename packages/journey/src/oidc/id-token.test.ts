import { describe, expect, it } from 'vitest';
import { base64url } from '../platform/encoding';
import { checkIdToken, decodeJwt, profileClaims } from './id-token';

const utf8 = (text: string) => new TextEncoder().encode(text);

const jwt = (claims: Record<string, unknown>) =>
  `${base64url(utf8('{"alg":"RS256"}'))}.${base64url(utf8(JSON.stringify(claims)))}.sig`;
const now = 1_700_000_000_000;
const good = {
  iss: 'https://am/oauth2',
  aud: 'app',
  exp: now / 1000 + 300,
  iat: now / 1000,
  nonce: 'n1',
  sub: 'u1',
};
const expected = { issuer: 'https://am/oauth2', clientId: 'app', nonce: 'n1', now };

describe('ID token checks', () => {
  it('accepts a token issued to us for this request', () => {
    expect(checkIdToken(jwt(good), expected)).toMatchObject({ sub: 'u1' });
    expect(
      checkIdToken(jwt({ ...good, aud: ['app', 'other'], azp: 'app' }), expected),
    ).toBeTruthy();
  });

  it.each([
    ['another issuer', { iss: 'https://evil' }, 'unexpected issuer'],
    ['another audience', { aud: 'other' }, 'not issued to this client'],
    ['several audiences without azp', { aud: ['app', 'other'] }, 'authorized party'],
    ['expired beyond leeway', { exp: now / 1000 - 61 }, 'expired'],
    ['issued in the future', { iat: now / 1000 + 120 }, 'future'],
    ['a replayed nonce', { nonce: 'old' }, 'nonce mismatch'],
  ])('refuses %s', (_n, change, message) => {
    expect(() => checkIdToken(jwt({ ...good, ...change }), expected)).toThrow(message);
  });

  it('tolerates a minute of clock skew', () => {
    expect(
      checkIdToken(jwt({ ...good, exp: now / 1000 - 30, iat: now / 1000 + 30 }), expected),
    ).toBeTruthy();
  });

  it('refuses a refreshed ID token about another user', () => {
    expect(() => checkIdToken(jwt(good), { ...expected, subject: 'u2' })).toThrow(
      'subject changed',
    );
  });

  it('gives the claims about the user, without the protocol ones, as userInfo', () => {
    const token = jwt({ ...good, name: 'Demo', email: 'd@example.com', auth_time: 1, azp: 'app' });
    expect(profileClaims(token)).toEqual({ sub: 'u1', name: 'Demo', email: 'd@example.com' });
    expect(profileClaims(undefined)).toBeUndefined();
    expect(profileClaims('garbage')).toBeUndefined();
  });

  it('decodes only readable JWTs', () => {
    expect(decodeJwt('not-a-jwt')).toBeNull();
    expect(decodeJwt('a.!!!.c')).toBeNull();
    expect(decodeJwt(`a.${base64url(utf8('[1]'))}.c`)).toBeNull();
  });
});
