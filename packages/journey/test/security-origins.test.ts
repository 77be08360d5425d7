import { createJourneyClient, type FetchLike } from '@journeykit/journey';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { reactNativeFetch } from './react-native/fetch';
import { bystander } from './security-helpers';
import { devServerFor, tokenClient } from './tokens-helpers';

// Where the SSO token may go (SECURITY.md, "Other origins"): to the configured server's origin
// only — never to another origin that a discovery document, a redirect or a link points at — and
// never over plain http, except to a loopback address or when the app says so.
describe('the SSO token', () => {
  const server = devServerFor();
  let other: Awaited<ReturnType<typeof bystander>>;
  beforeAll(async () => {
    other = await bystander();
  });
  afterAll(() => other.close());
  beforeEach(() => void (other.heard.length = 0));
  const carried = () => other.heard.filter((r) => server.cookieName.toLowerCase() in r.headers);

  /** A fetch that serves the real discovery document with `authorization_endpoint` replaced. */
  const discoveryPointingAt =
    (endpoint: string): FetchLike =>
    async (url, init) => {
      if (url !== server.discoveryEndpoint) return fetch(url, init);
      const doc = (await (await fetch(url, init)).json()) as Record<string, string>;
      return Response.json({ ...doc, authorization_endpoint: endpoint });
    };

  it.each([
    ['another origin', (o: string) => `${o}/authorize`],
    ['the server origin as user info', (o: string) => `${server.origin}@${o.slice(7)}/authorize`],
    ['a backslash after another host', (o: string) => `${o}\\@${server.origin.slice(7)}/authorize`],
    ['the server host as a prefix', () => `${server.origin}.example/authorize`],
  ])('is not sent to an authorize endpoint on %s', async (_name, endpoint) => {
    const client = tokenClient(server, { fetch: discoveryPointingAt(endpoint(other.origin)) });
    await signIn(client);
    server.resetLog();
    await expect(client.user()).rejects.toMatchObject({ type: 'auth_error' });
    expect(other.heard).toEqual([]);
    expect(server.count('authorize')).toBe(0);
    expect(await client.ssoToken()).not.toBeNull();
  });

  it('is not carried along a redirect: the SDK reads the redirect to another origin, never follows it', async () => {
    const redirectUri = `${other.origin}/callback`; // the dev server accepts loopback URIs on any port
    const client = tokenClient(server, { oidc: { redirectUri, authorizeStrategy: 'redirect' } });
    await signIn(client);
    const tokens = await client.user();
    expect(await server.isAccessTokenActive(tokens!.accessToken)).toBe(true);
    expect(other.heard).toEqual([]);
  });

  /** Node's fetch as a browser's behaves: a manual redirect comes back opaque. */
  const browserFetch: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    if (init?.redirect !== 'manual' || response.status < 300 || response.status >= 400)
      return response;
    const opaque = { status: 0, type: 'opaqueredirect', url: '', headers: new Headers() };
    return { ...opaque, text: () => Promise.resolve('') } as unknown as Response;
  };

  it('is not carried along a redirect with the follow strategy either: fetch is asked to stop, and does', async () => {
    const redirectUri = `${other.origin}/callback`;
    const client = tokenClient(server, { oidc: { redirectUri, authorizeStrategy: 'follow' } });
    await signIn(client);
    const tokens = await client.user();
    expect(await server.isAccessTokenActive(tokens!.accessToken)).toBe(true);
    expect(carried()).toEqual([]);
  });

  it.each(['follow', 'redirect'] as const)(
    'is not sent where a browser would have to follow a redirect to another origin (%s): a configuration error',
    async (strategy) => {
      const redirectUri = `${other.origin}/callback`;
      const client = tokenClient(server, {
        fetch: browserFetch,
        oidc: { redirectUri, authorizeStrategy: strategy },
      });
      await signIn(client);
      server.resetLog();
      const failed = await client.user().catch((e: unknown) => e);
      expect(failed).toMatchObject({ code: 'JOURNEY_CONFIG_ERROR', retryable: false });
      expect(carried()).toEqual([]);
      expect(server.count('authorize')).toBe(1);
      expect(await client.ssoToken()).not.toBeNull();
    },
  );

  it('is not sent to a custom-scheme redirect URI a browser cannot load: a configuration error, not a retryable one', async () => {
    const client = tokenClient(server, { fetch: browserFetch });
    await signIn(client);
    const failed = await client.user().catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'JOURNEY_CONFIG_ERROR', retryable: false });
    expect(failed).toHaveProperty('message', expect.stringMatching(/form_post/));
  });

  it('is not carried elsewhere by form_post, even through a fetch that follows every redirect', async () => {
    const redirectUri = `${other.origin}/callback`; // e.g. an https app link on the app's own domain
    const client = tokenClient(server, {
      fetch: reactNativeFetch(),
      oidc: { redirectUri, authorizeStrategy: 'form_post' },
    });
    await signIn(client);
    const tokens = await client.user();
    expect(await server.isAccessTokenActive(tokens!.accessToken)).toBe(true);
    expect(other.heard).toEqual([]);
  });

  it('goes to the configured server on resume(), whatever origin the link names', async () => {
    const suspender = tokenClient(server);
    await suspender.start('EmailLink');
    await suspender.next({ callbacks: [{ type: 'NameCallback', value: 'demo' }] });
    const client = tokenClient(server);
    await signIn(client);
    const link = new URL(server.outbox.at(-1)!.link!);
    const elsewhere = `${other.origin}/resume${link.search}`;
    expect((await client.resume(elsewhere)).type).toBe('SuccessNode');
    expect(other.heard).toEqual([]);
  });
});

describe('plain http', () => {
  const config = (serverUrl: string, discovery = serverUrl, allowInsecureRequests?: boolean) => ({
    serverUrl,
    allowInsecureRequests,
    modules: {
      oidc: {
        clientId: 'app',
        redirectUri: 'com.example.app:/cb',
        discoveryEndpoint: `${discovery}/oauth2/.well-known/openid-configuration`,
      },
    },
  });

  it.each([
    'http://am.example.com/am',
    'http://10.0.0.7:8080/am',
    'http://127.0.0.1.nip.io/am',
    'http://localhost.example.com/am',
  ])('is refused for %s, at creation', (url) => {
    expect(() => createJourneyClient(config(url))).toThrow(
      expect.objectContaining({ code: 'JOURNEY_CONFIG_ERROR' }),
    );
    expect(() => createJourneyClient(config('https://am.example.com/am', url))).toThrow(
      expect.objectContaining({ code: 'JOURNEY_CONFIG_ERROR' }),
    );
    expect(createJourneyClient(config(url, url, true))).toBeDefined();
  });

  it.each([
    'http://127.0.0.1:8080/am',
    'http://127.8.9.10/am',
    'http://localhost:9443/am',
    'http://[::1]:9443/am',
    'https://am.example.com/am',
  ])('is accepted for %s (loopback, or https)', (url) => {
    expect(createJourneyClient(config(url))).toBeDefined();
  });

  it('is beside the point for a URL with no host, only a port or user info: refused', () => {
    for (const url of ['https://am.example.com@:443/am', 'https://:443/am', 'http://@:80/am'])
      expect(() => createJourneyClient(config(url, url, true))).toThrow(
        expect.objectContaining({ code: 'JOURNEY_CONFIG_ERROR' }),
      );
  });

  const server = devServerFor();

  it('is refused for an endpoint a discovery document names, before anything is sent there', async () => {
    const sent: string[] = [];
    const client = tokenClient(server, {
      fetch: async (url, init) => {
        sent.push(url);
        if (url !== server.discoveryEndpoint) return fetch(url, init);
        const doc = (await (await fetch(url, init)).json()) as Record<string, string>;
        return Response.json({ ...doc, token_endpoint: 'http://am.example.com/token' });
      },
    });
    await signIn(client);
    await expect(client.user()).rejects.toMatchObject({ code: 'JOURNEY_USER_ERROR' });
    expect(sent.filter((url) => url.startsWith('http://am.example.com'))).toEqual([]);
    expect(await client.ssoToken()).not.toBeNull();
  });
});
