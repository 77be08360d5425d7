import { joseVerifier } from '@journeykit/journey/jose';
import { describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { devServerFor, manualClock, recordEvents, tokenClient } from './tokens-helpers';

/** A fetch between the SDK and the server that can rewrite what passes, as an attacker could. */
function meddler() {
  const plan = { signature: 0, nonce: false };
  const fetcher = async (target: string, init?: RequestInit) => {
    if (plan.nonce && target.includes('/authorize?')) {
      plan.nonce = false;
      return fetch(target.replace(/nonce=[^&]+/, 'nonce=someone-elses'), init);
    }
    const response = await fetch(target, init);
    if (!(plan.signature > 0 && target.endsWith('/access_token') && response.ok)) return response;
    plan.signature -= 1;
    const body = (await response.json()) as { id_token: string };
    const [header, payload, signature] = body.id_token.split('.') as [string, string, string];
    const forged = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    body.id_token = `${header}.${payload}.${forged}`;
    return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
  };
  return { plan, fetch: fetcher };
}

// ID token checks (issue 4, fifth bullet): iss, aud, azp, exp, iat and the nonce sent on
// authorize are checked by the core (unit tests in src/oidc/id-token.test.ts); the signature by a
// pluggable verifier, here the jose one against the discovery jwks_uri.
describe('ID tokens', () => {
  const server = devServerFor();

  async function client() {
    const clock = manualClock();
    const wire = meddler();
    const journey = tokenClient(server, {
      clock: clock.now,
      fetch: wire.fetch,
      oidc: { idTokenVerifier: joseVerifier() },
    });
    await signIn(journey);
    server.resetLog();
    return { client: journey, clock, plan: wire.plan };
  }

  it('verifies signatures on mint and refresh, fetching the key set once', async () => {
    const { client: c, clock } = await client();
    const minted = await c.user();
    clock.advance(3600);
    const refreshed = await c.user();
    expect(refreshed!.accessToken).not.toBe(minted!.accessToken);
    expect(server.count('jwks')).toBe(1);
    expect(server.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
  });

  it('refuses a forged signature from the code exchange, storing nothing and keeping the SSO session', async () => {
    const { client: c, plan } = await client();
    plan.signature = 1;
    await expect(c.user()).rejects.toMatchObject({
      type: 'auth_error',
      retryable: false,
      message: expect.stringContaining('Rejected the ID token signature'),
    });
    expect(server.grants.authorization_code).toBe(1);
    expect(await c.ssoToken()).not.toBeNull();
    const good = await c.user();
    expect(await server.isAccessTokenActive(good!.accessToken)).toBe(true);
    expect(server.grants.authorization_code).toBe(2);
  });

  it('drops tokens from a refresh whose ID token is forged, and mints anew without replaying', async () => {
    const { client: c, clock, plan } = await client();
    const minted = await c.user();
    const events = recordEvents(c);
    clock.advance(3600);
    plan.signature = 1;
    const after = await c.user();
    expect(after!.accessToken).not.toBe(minted!.accessToken);
    expect(server.grants).toEqual({ authorization_code: 2, refresh_token: 1 });
    expect(server.reuseDetections).toBe(0);
    expect(events[0]).toMatchObject({ type: 'refreshFailed', tokensKept: false });
  });

  it('keeps everything when the key set cannot be fetched: a retryable error, not a refusal', async () => {
    const { client: c } = await client();
    server.inject('jwks', { status: 503, times: 1 });
    await expect(c.user()).rejects.toMatchObject({ retryable: true, type: 'network_error' });
    expect(await c.ssoToken()).not.toBeNull();
    expect(await c.user()).not.toBeNull();
  });

  it('refuses an ID token carrying another nonce than the one sent', async () => {
    const { client: c, plan } = await client();
    plan.nonce = true;
    await expect(c.user()).rejects.toMatchObject({
      type: 'auth_error',
      message: 'Rejected the ID token: nonce mismatch',
    });
    expect(server.grants.authorization_code).toBe(1);
    expect(server.count('jwks')).toBe(0);
  });
});
