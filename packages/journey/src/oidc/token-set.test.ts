import { describe, expect, it } from 'vitest';
import { isFresh, isTokenSet, toTokenSet } from './token-set';

describe('token sets', () => {
  it('keeps the old refresh and ID tokens when a refresh reply leaves them out', () => {
    const previous = {
      accessToken: 'a1',
      refreshToken: 'r1',
      idToken: 'i1',
      expiresIn: 60,
      expiresAt: 1,
    };
    const next = toTokenSet({ access_token: 'a2', expires_in: 3600 }, 1000, previous);
    expect(next).toMatchObject({
      accessToken: 'a2',
      refreshToken: 'r1',
      idToken: 'i1',
      expiresIn: 3600,
      expiresAt: 1000 + 3_600_000,
    });
  });

  it('renews ahead of expiry by the threshold, capped at half the lifetime', () => {
    const hour = { accessToken: 'a', expiresIn: 3600, expiresAt: 3_600_000 };
    expect(isFresh(hour, 3_600_000 - 61_000, 60)).toBe(true);
    expect(isFresh(hour, 3_600_000 - 59_000, 60)).toBe(false);
    const short = { accessToken: 'a', expiresIn: 10, expiresAt: 10_000 };
    expect(isFresh(short, 4_000, 60)).toBe(true);
    expect(isFresh(short, 5_000, 60)).toBe(false);
    expect(isFresh({ accessToken: 'a' }, 1e15, 60)).toBe(true);
  });

  it('leaves the refresh mark and keeps earlier userinfo claims until new ones come', () => {
    const previous = {
      accessToken: 'a1',
      refreshToken: 'r1',
      refreshing: true as const,
      userInfo: { sub: 'u' },
    };
    const next = toTokenSet({ access_token: 'a2', refresh_token: 'r2' }, 0, previous);
    expect(next.refreshing).toBeUndefined();
    expect(next.userInfo).toEqual({ sub: 'u' });
  });

  it('recognises only well-formed records', () => {
    expect(isTokenSet({ accessToken: 'a', expiresAt: 5 })).toBe(true);
    expect(isTokenSet({ accessToken: 'a', refreshing: true })).toBe(true);
    expect(isTokenSet({ accessToken: 'a', refreshing: 'yes' })).toBe(false);
    expect(isTokenSet({ accessToken: '' })).toBe(false);
    expect(isTokenSet({ accessToken: 'a', refreshToken: 5 })).toBe(false);
    expect(isTokenSet({ accessToken: 'a', expiresAt: 'soon' })).toBe(false);
    expect(isTokenSet(null)).toBe(false);
  });
});
