import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createJourneyClient,
  memoryStorage,
  type FetchLike,
  type JourneyClient,
} from '@journeykit/journey';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reactNativeFetch } from './react-native/fetch';

const COOKIE = 'iPlanetDirectoryPro';
const SESSION = 'AQIC5wM2LY4Sfcx-the-real-session.*';

/** A local HTTP server; `answer` writes each reply, every request is written down. */
async function listen(answer: (req: IncomingMessage, origin: string) => [number, object, string]) {
  const heard: { path: string; sso?: string }[] = [];
  const server = createServer((req, res) => {
    heard.push({ path: req.url ?? '', sso: req.headers[COOKIE.toLowerCase()] as string });
    req.resume();
    const [status, headers, body] = answer(req, origin);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, heard, close: () => new Promise((r) => server.close(r)) };
}

// A stand-in for a compromised AM or a proxy in front of it (AM itself never does this): it signs
// the user in, then redirects every request that carries the SSO token to another origin, which
// answers with a session of its own.
describe('a server that redirects requests carrying the SSO token to another origin', () => {
  let elsewhere: Awaited<ReturnType<typeof listen>>;
  let hostile: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    elsewhere = await listen(() => [
      200,
      {},
      JSON.stringify({ tokenId: 'AQIC-stolen.*', successUrl: '/' }),
    ]);
    hostile = await listen((req, origin) => {
      const url = new URL(req.url!, origin);
      if (url.pathname.endsWith('openid-configuration'))
        return [
          200,
          {},
          JSON.stringify({
            issuer: `${origin}/am/oauth2`,
            authorization_endpoint: `${origin}/authorize`,
            token_endpoint: `${origin}/token`,
            revocation_endpoint: `${origin}/revoke`,
            userinfo_endpoint: `${origin}/userinfo`,
            end_session_endpoint: `${origin}/end`,
          }),
        ];
      if (!req.headers[COOKIE.toLowerCase()])
        return [
          200,
          {},
          JSON.stringify({ tokenId: SESSION, successUrl: '/am/console', realm: '/' }),
        ];
      return [307, { location: `${elsewhere.origin}${url.pathname}` }, ''];
    });
  });
  afterAll(() => Promise.all([hostile.close(), elsewhere.close()]));
  beforeEach(() => {
    hostile.heard.length = 0;
    elsewhere.heard.length = 0;
  });

  const clientWith = (
    fetch: FetchLike | undefined,
    authorizeStrategy: 'follow' | 'redirect' = 'redirect',
  ): JourneyClient =>
    createJourneyClient({
      serverUrl: `${hostile.origin}/am`,
      fetch,
      modules: {
        session: { storage: memoryStorage() },
        oidc: {
          clientId: 'app',
          redirectUri: 'com.example.app:/callback',
          discoveryEndpoint: `${hostile.origin}/am/oauth2/.well-known/openid-configuration`,
          authorizeStrategy,
        },
      },
    });
  const carriedElsewhere = () => elsewhere.heard.filter((r) => r.sso !== undefined);

  /** Signs in (no token yet, so no redirect), then runs a journey, a mint and a logout. */
  async function attempt(client: JourneyClient) {
    expect((await client.start('Login')).type).toBe('SuccessNode');
    const journey = await client.start('Login');
    const minted = await client.user().catch((e: unknown) => e);
    const session = await client.ssoToken();
    await client.logoutUser();
    return { journey, minted, session };
  }

  it("with Node's fetch, also with the follow strategy: the redirects are read, never followed; the token stays on its origin", async () => {
    const { journey, minted, session } = await attempt(clientWith(undefined, 'follow'));
    expect(journey).toMatchObject({
      type: 'FailureNode',
      message: expect.stringMatching(/Unexpected redirect/),
    });
    // An authorize sent elsewhere without a code is a login page: the session is not accepted.
    expect(minted).toBeNull();
    expect(session).toBeNull();
    expect(hostile.heard.filter((r) => r.sso === SESSION).map((r) => r.path.split('?')[0])).toEqual(
      ['/am/json/realms/root/authenticate', '/authorize'],
    );
    expect(elsewhere.heard).toEqual([]);
  });

  it('with a fetch that follows every redirect (React Native): every answer from the other origin is refused, nothing of it kept', async () => {
    const { journey, minted, session } = await attempt(clientWith(reactNativeFetch()));
    expect(journey).toMatchObject({
      type: 'FailureNode',
      message: expect.stringMatching(/redirected to .* refused/),
    });
    expect(minted).toMatchObject({ type: 'auth_error', message: expect.stringMatching(/refused/) });
    // The session the other origin offered was never stored; ours was kept until the logout.
    expect(session?.value).toBe(SESSION);
    // What this runtime cannot prevent (SECURITY.md): its fetch took the header along.
    expect(carriedElsewhere().map((r) => r.path)).toEqual([
      '/am/json/realms/root/authenticate',
      '/authorize',
      '/am/json/realms/root/sessions/',
    ]);
  });
});
