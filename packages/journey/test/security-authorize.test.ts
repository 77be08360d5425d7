import { createHash } from 'node:crypto';
import { memoryStorage } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { recordingFetch } from './security-helpers';
import { devServerFor, tokenClient } from './tokens-helpers';

const isAuthorize = (url: string) => url.split('?')[0]!.endsWith('/authorize');
const params = (url: string) => new URL(url).searchParams;
const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

// The silent authorize that turns the SSO session into tokens (SECURITY.md, "Network" and
// "Malicious server responses"): PKCE S256, state and nonce on every request, and an answer that
// does not belong to the request — forged, replayed, from another issuer — is refused before its
// code is ever redeemed.
describe('the authorize request', () => {
  const server = devServerFor();

  it('carries PKCE S256, a fresh state and nonce each time, and gets them back', async () => {
    const wire = recordingFetch();
    const client = tokenClient(server, { fetch: wire.fetch });
    await signIn(client);
    const first = (await client.user())!;
    await client.revoke();
    await client.user();
    const authorizes = wire.exchanges.filter((x) => isAuthorize(x.url));
    const exchanges = wire.exchanges.filter((x) =>
      x.body.includes('grant_type=authorization_code'),
    );
    expect(authorizes).toHaveLength(2);
    expect(exchanges).toHaveLength(2);
    authorizes.forEach((authorize, i) => {
      const sent = params(authorize.url);
      const verifier = new URLSearchParams(exchanges[i]!.body).get('code_verifier')!;
      expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
      expect(sent.get('code_challenge_method')).toBe('S256');
      expect(sent.get('code_challenge')).toBe(
        createHash('sha256').update(verifier).digest('base64url'),
      );
      expect(sent.get('state')).toMatch(/^[\w-]{22,}$/); // 16 random bytes or more
      expect(sent.get('nonce')).toMatch(/^[\w-]{22,}$/);
      expect(sent.get('prompt')).toBe('none');
      expect(params(authorize.location!).get('state')).toBe(sent.get('state'));
      const idToken = JSON.parse(exchanges[i]!.reply!).id_token as string;
      expect(claims(idToken).nonce).toBe(sent.get('nonce'));
    });
    const [a, b] = authorizes.map((x) => params(x.url));
    for (const name of ['state', 'nonce', 'code_challenge'])
      expect(a!.get(name)).not.toBe(b!.get(name));
    expect(first.accessToken).toEqual(expect.any(String));
  });

  /** A client whose authorize answers pass through `tamper` before the SDK reads them. */
  function tampered(
    tamper: (answer: Response) => Response | Promise<Response>,
    storage = memoryStorage(),
  ) {
    return tokenClient(server, {
      storage,
      fetch: async (url, init) => {
        const answer = await fetch(url, init);
        return isAuthorize(url) ? tamper(answer) : answer;
      },
    });
  }
  const redirect = (location: URL | string) =>
    new Response(null, { status: 302, headers: { location: String(location) } });
  const withParam = (answer: Response, name: string, value: string | null) => {
    const location = new URL(answer.headers.get('location')!);
    if (value === null) location.searchParams.delete(name);
    else location.searchParams.set(name, value);
    return redirect(location);
  };

  it.each([
    ['another state', (a: Response) => withParam(a, 'state', 'forged-state-value-000000')],
    ['no state', (a: Response) => withParam(a, 'state', null)],
    ['another issuer', (a: Response) => withParam(a, 'iss', 'https://issuer.example')],
  ])('refuses an answer with %s, and never redeems its code', async (_name, tamper) => {
    const storage = memoryStorage();
    const client = tampered(tamper, storage);
    await signIn(client);
    server.resetLog();
    await expect(client.user()).rejects.toMatchObject({ type: 'auth_error', retryable: false });
    expect(server.count('authorize')).toBe(1);
    expect(server.count('token')).toBe(0);
    // The refusal costs nothing: the SSO session is kept, and a genuine answer gets tokens.
    const honest = await tokenClient(server, { storage }).user();
    expect(await server.isAccessTokenActive(honest!.accessToken)).toBe(true);
  });

  it('refuses a replayed answer: an earlier code with its state comes back to a new request', async () => {
    let recorded: Response | undefined;
    const client = tampered((answer) => {
      recorded ??= answer.clone();
      return recorded.clone();
    });
    await signIn(client);
    const first = (await client.user())!;
    await client.revoke();
    server.resetLog();
    await expect(client.user()).rejects.toMatchObject({ type: 'auth_error' });
    expect(server.count('token')).toBe(0); // the replayed code was not sent
    expect(await server.isAccessTokenActive(first.accessToken)).toBe(false);
  });

  it('refuses a forged form_post page the same way', async () => {
    const client = tokenClient(server, {
      oidc: { authorizeStrategy: 'form_post' },
      fetch: async (url, init) => {
        if (!isAuthorize(url)) return fetch(url, init);
        const page = await (await fetch(url, init)).text();
        return new Response(page.replace(/name="state" value="[^"]*"/, 'name="state" value="x"'), {
          headers: { 'content-type': 'text/html' },
        });
      },
    });
    await signIn(client);
    server.resetLog();
    await expect(client.user()).rejects.toMatchObject({ type: 'auth_error' });
    expect(server.count('token')).toBe(0);
  });
});
