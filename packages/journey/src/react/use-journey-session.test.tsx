// @vitest-environment happy-dom
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { createJourneyClient, type JourneyClient, type JourneyConfig } from '@journeykit/journey';
import { JourneyProvider, useJourneySession } from '@journeykit/journey/react';
import { act, configure, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The dev server answers in milliseconds, but a loaded CI machine may not: wait generously.
configure({ asyncUtilTimeout: 10_000 });

// useJourneySession against the real dev server, in StrictMode (effects and subscriptions run
// twice). Like the useJourney tests: happy-dom's fetch, a server per test.
describe('useJourneySession', () => {
  let server: DevServer;
  let client: JourneyClient;
  const config = (): JourneyConfig => ({
    ...server.clientConfig,
    modules: {
      oidc: { ...server.clientConfig.modules.oidc, redirectUri: server.loopbackRedirectUri },
    },
  });
  const calls = (route: Parameters<DevServer['count']>[0]) =>
    server.requests.filter((r) => r.route === route && r.method !== 'OPTIONS').length;
  const strict = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;
  const signIn = async (target = client) => {
    await target.start('Login');
    return target.next({
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
      ],
    });
  };
  const session = () => renderHook(() => useJourneySession(client), { wrapper: strict }).result;

  beforeEach(async () => {
    server = await startDevServer({ corsOrigins: [location.origin], accessTokenTtl: 600 });
    client = createJourneyClient(config());
  });
  afterEach(() => server.close());

  it('shows signed out without a session, and asks the server nothing', async () => {
    const result = session();
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('signedOut'));
    expect(result.current).toMatchObject({ ssoToken: null, user: null, error: null });
    expect(server.requests).toEqual([]);
  });

  it('follows sign-in, refresh, revoke, new tokens and logout through the events', async () => {
    const result = session();
    await waitFor(() => expect(result.current.status).toBe('signedOut'));

    await act(() => signIn());
    await waitFor(() => expect(result.current.user).not.toBeNull());
    const sso = (await client.ssoToken())!;
    expect(result.current).toMatchObject({ status: 'signedIn', ssoToken: sso, error: null });
    const first = result.current.user!;
    expect(first).toMatchObject({ expiresIn: 600, userInfo: { sub: 'demo' } });
    expect(first.expiresAt).toBeGreaterThan(Date.now());
    expect(await server.isAccessTokenActive(first.accessToken)).toBe(true);
    expect(calls('authorize')).toBe(1); // one mint, although StrictMode subscribed twice

    await act(() => client.refresh());
    await waitFor(() => expect(result.current.user?.accessToken).not.toBe(first.accessToken));
    const refreshed = result.current.user!;
    expect(refreshed.accessToken).toBe((await client.user())!.accessToken);
    expect(server.grants.refresh_token).toBe(1);
    expect(await server.isRefreshTokenActive(first.refreshToken!)).toBe(false);

    await act(() => client.revoke());
    await waitFor(() => expect(result.current.user).toBeNull());
    expect(result.current.status).toBe('signedIn'); // the SSO session stays
    expect(await server.isRefreshTokenActive(refreshed.refreshToken!)).toBe(false);
    expect(calls('authorize')).toBe(1); // and the hook did not mint new tokens by itself

    const fresh = (await act(() => client.user()))!;
    await waitFor(() => expect(result.current.user?.accessToken).toBe(fresh.accessToken));
    expect(calls('authorize')).toBe(2);

    await act(() => client.logoutUser());
    await waitFor(() => expect(result.current.status).toBe('signedOut'));
    expect(result.current).toMatchObject({ ssoToken: null, user: null, ended: 'logout' });
    expect(server.isSessionValid(sso.value)).toBe(false);
    expect(await server.isAccessTokenActive(fresh.accessToken)).toBe(false);
  });

  it('says so when the server ended the session', async () => {
    await signIn();
    const sso = (await client.ssoToken())!.value;
    const result = session();
    await waitFor(() => expect(result.current.user).not.toBeNull());
    await act(() => client.revoke());
    // The session ends elsewhere (another app of the user signs out): AM's sessions logout.
    await endSessionOnServer(server, sso);
    expect(server.isSessionValid(sso)).toBe(false);

    expect(await act(() => client.user())).toBeNull(); // authorize is refused: no session
    await waitFor(() => expect(result.current.status).toBe('signedOut'));
    expect(result.current).toMatchObject({ ended: 'expired', ssoToken: null, user: null });
  });

  it('shares one store per client and reads only what events announce', async () => {
    await signIn();
    function Panel({ name }: { name: string }) {
      const { status, user } = useJourneySession();
      return <p>{`${name}: ${status} ${user ? 'tokens' : 'none'}`}</p>;
    }
    render(
      <StrictMode>
        <JourneyProvider client={client}>
          <Panel name="a" />
          <Panel name="b" />
        </JourneyProvider>
      </StrictMode>,
    );
    await screen.findByText('a: signedIn tokens');
    screen.getByText('b: signedIn tokens');
    expect(calls('authorize')).toBe(1);
    expect(calls('token')).toBe(1);
    const before = server.requests.length;
    await act(() => client.ssoToken()); // no event: nothing to read, nothing asked
    expect(server.requests.length).toBe(before);
  });

  it('shows tokens the server gave no lifetime (no expires_in) as signed in', async () => {
    // A server that leaves out expires_in: the token reply is passed on without it.
    const withoutLifetime: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (typeof input !== 'string' || !input.endsWith('/access_token') || !response.ok)
        return response;
      const reply = (await response.json()) as Record<string, unknown>;
      delete reply.expires_in;
      return new Response(JSON.stringify(reply), { status: 200, headers: response.headers });
    };
    client = createJourneyClient({ ...config(), fetch: withoutLifetime });
    const result = session();
    await act(() => signIn());
    await act(() => client.user());
    await waitFor(() => expect(result.current.user).not.toBeNull());
    expect(result.current.status).toBe('signedIn');
    expect(result.current.user!.expiresAt).toBeUndefined();
    expect(await server.isAccessTokenActive(result.current.user!.accessToken)).toBe(true);
  });

  it('shows the SSO session alone for a client without an OIDC module', async () => {
    const { serverUrl, realm, cookie } = config();
    client = createJourneyClient({ serverUrl, realm, cookie });
    await signIn();
    const result = session();
    await waitFor(() => expect(result.current.status).toBe('signedIn'));
    expect(result.current).toMatchObject({ user: null, error: null });
    expect(result.current.ssoToken?.value).toBe((await client.ssoToken())!.value);
  });
});

/** Ends an AM session the way any other client of it would: AM's sessions logout. */
async function endSessionOnServer(server: DevServer, ssoToken: string): Promise<void> {
  const path = server.realm === 'root' ? 'realms/root' : `realms/root/realms/${server.realm}`;
  const response = await fetch(`${server.url}/json/${path}/sessions/?_action=logout`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-api-version': 'resource=3.1, protocol=1.0',
      [server.cookieName]: ssoToken,
    },
    body: '{}',
  });
  if (!response.ok) throw new Error(`logout answered ${response.status}`);
}
