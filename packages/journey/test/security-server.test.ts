import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { refreshGrant, signIn } from './helpers';
import { devServerFor, tokenClient } from './tokens-helpers';

// What the server side of PKCE and code binding guarantees (SECURITY.md, "Network"): a code is
// redeemed only by the client it was issued to, with the redirect URI and verifier of its
// authorize request, once. oidc-provider does the checking; these tests show the dev server keeps it.
describe('the dev server binds codes and refresh tokens', () => {
  const server = devServerFor();

  /** POSTs a grant to the token endpoint as any client could. */
  async function grant(form: Record<string, string>) {
    const { token_endpoint } = (await (await fetch(server.discoveryEndpoint)).json()) as {
      token_endpoint: string;
    };
    const reply = await fetch(token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    return { status: reply.status, body: (await reply.json()) as Record<string, string> };
  }

  /** A code from a silent authorize (SSO token as the header, as the SDK sends it), with its verifier. */
  async function authorizationCode(redirectUri = server.redirectUri) {
    const client = tokenClient(server);
    await signIn(client);
    const verifier = randomBytes(48).toString('base64url');
    const query = new URLSearchParams({
      client_id: server.clientId,
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: redirectUri,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      prompt: 'none',
    });
    const response = await fetch(`${server.issuer}/authorize?${query}`, {
      redirect: 'manual',
      headers: { [server.cookieName]: (await client.ssoToken())!.value },
    });
    const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
    expect(code).toMatch(/.+/);
    const exchange = (form: Record<string, string>) =>
      grant({
        grant_type: 'authorization_code',
        code,
        client_id: server.clientId,
        redirect_uri: redirectUri,
        code_verifier: verifier,
        ...form,
      });
    return { exchange, verifier };
  }

  it('refuses a code presented by another registered client, then still honours its own', async () => {
    const { exchange } = await authorizationCode();
    const stolen = await exchange({ client_id: server.otherClientId });
    expect(stolen).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await exchange({})).status).toBe(200);
  });

  it('refuses a code with another redirect URI, even one registered for the client', async () => {
    const { exchange } = await authorizationCode();
    const elsewhere = await exchange({ redirect_uri: server.loopbackRedirectUri });
    expect(elsewhere).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await exchange({})).status).toBe(200);
  });

  it('refuses a code with another verifier, with none, and with the challenge itself', async () => {
    const { exchange, verifier } = await authorizationCode();
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    for (const code_verifier of [randomBytes(48).toString('base64url'), '', challenge])
      expect(await exchange({ code_verifier })).toMatchObject({
        status: 400,
        body: { error: expect.stringMatching(/^invalid_(grant|request)$/) },
      });
    expect((await exchange({})).status).toBe(200);
  });

  it('refuses a code redeemed twice', async () => {
    const { exchange } = await authorizationCode();
    expect((await exchange({})).status).toBe(200);
    expect(await exchange({})).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a refresh token presented by another client, leaving it good for its own', async () => {
    const { exchange } = await authorizationCode();
    const { body } = await exchange({});
    const stolen = await grant({
      grant_type: 'refresh_token',
      refresh_token: body.refresh_token!,
      client_id: server.otherClientId,
    });
    expect(stolen).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await server.isRefreshTokenActive(body.refresh_token!)).toBe(true);
    expect(await refreshGrant(server, body.refresh_token!)).toEqual({ status: 200 });
    expect(server.reuseDetections).toBe(0);
  });
});
