import type { FetchLike } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { devServerFor, tokenClient } from './tokens-helpers';

type Json = Record<string, unknown>;

/** The real fetch, with the JSON reply of requests whose path ends with `path` rewritten. */
const rewriting =
  (path: RegExp, change: (reply: Json) => Json): FetchLike =>
  async (url, init) => {
    const response = await fetch(url, init);
    if (!path.test(url.split('?')[0]!) || response.status !== 200) return response;
    return Response.json(change((await response.json()) as Json), {
      headers: { date: response.headers.get('date')! },
    });
  };

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

// The checks a certified relying party makes (as oauth4webapi and openid-client do), each against
// the dev server's real answers with one thing changed; a refused answer saves nothing.
describe('what the token side refuses', () => {
  const server = devServerFor();

  /** Signs in with `fetch`, asks for tokens: the outcome, and the grants the server made. */
  async function mint(fetch: FetchLike) {
    const client = tokenClient(server, { fetch });
    await signIn(client);
    server.resetLog();
    const outcome = await client.user().catch((e: unknown) => e);
    return { client, outcome, grants: server.grants.authorization_code };
  }

  it.each([
    ['token_type MAC', { token_type: 'MAC' }],
    ['no token_type', { token_type: undefined }],
    ['a negative expires_in', { expires_in: -5 }],
  ])('a token reply with %s', async (_, change) => {
    const { client, outcome, grants } = await mint(
      rewriting(/\/access_token$/, (r) => ({ ...r, ...change })),
    );
    expect(outcome).toMatchObject({ type: 'parse_error' });
    expect(grants).toBe(1);
    expect(await client.ssoToken()).not.toBeNull();
  });

  it('takes token_type in any case, and an expires_in sent as a numeric string', async () => {
    const { outcome } = await mint(
      rewriting(/\/access_token$/, (r) => ({ ...r, token_type: 'bearer', expires_in: '3600' })),
    );
    expect(outcome).toMatchObject({ expiresIn: 3600 });
  });

  it('treats an expires_in of 0 as expired, not as never expiring', async () => {
    const { client } = await mint(rewriting(/\/access_token$/, (r) => ({ ...r, expires_in: 0 })));
    server.resetLog();
    await client.user();
    expect(server.grants.refresh_token + server.grants.authorization_code).toBe(1);
  });

  it('a code exchange for openid without an ID token', async () => {
    const { outcome } = await mint(
      rewriting(/\/access_token$/, (r) => ({ ...r, id_token: undefined })),
    );
    expect(outcome).toMatchObject({
      type: 'auth_error',
      message: expect.stringMatching(/no ID token/),
    });
  });

  it('an ID token with alg none, even without a signature verifier', async () => {
    const { outcome } = await mint(
      rewriting(/\/access_token$/, (r) => {
        const [, payload] = String(r.id_token).split('.');
        return { ...r, id_token: `${b64({ alg: 'none' })}.${payload}.` };
      }),
    );
    expect(outcome).toMatchObject({
      type: 'auth_error',
      message: expect.stringMatching(/unsigned/),
    });
  });

  it('userinfo about another user than the ID token', async () => {
    const client = tokenClient(server, {
      fetch: rewriting(/\/userinfo$/, (r) => ({ ...r, sub: 'someone-else' })),
    });
    await signIn(client);
    const tokens = await client.user();
    expect(tokens?.userInfo?.sub).not.toBe('someone-else');
    await expect(client.userinfo()).rejects.toMatchObject({
      type: 'auth_error',
      message: expect.stringMatching(/another user/),
    });
  });

  it('an authorize answer without iss when discovery says the server sends it', async () => {
    const discovery = rewriting(/openid-configuration$/, (r) => ({
      ...r,
      authorization_response_iss_parameter_supported: true,
    }));
    // The dev server names itself in its answer (RFC 9207); this one leaves it out.
    const withoutIss: FetchLike = async (url, init) => {
      const response = await discovery(url, init);
      const location = response.headers.get('location');
      if (!/\/authorize$/.test(url.split('?')[0]!) || !location) return response;
      const stripped = new URL(location);
      stripped.searchParams.delete('iss');
      return new Response(null, { status: response.status, headers: { location: stripped.href } });
    };
    const { client, outcome, grants } = await mint(withoutIss);
    expect(outcome).toMatchObject({ type: 'auth_error', message: expect.stringMatching(/issuer/) });
    expect(grants).toBe(0);
    expect(await client.ssoToken()).not.toBeNull();
  });

  it('a discovery document naming another issuer than the one it came from', async () => {
    const { outcome } = await mint(
      rewriting(/openid-configuration$/, (r) => ({ ...r, issuer: 'https://elsewhere.example' })),
    );
    expect(outcome).toMatchObject({ type: 'wellknown_error' });
    expect(server.count('authorize')).toBe(0);
  });
});
