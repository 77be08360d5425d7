import { startDevServer, type DevServer, type DevServerOptions } from '@journeykit/dev-server';
import { JourneyError, logger, memoryStorage, type JourneyClient } from '@journeykit/journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, refreshGrant, sessionValidates, signIn, userinfoStatus } from './helpers';

// The session page of the seed, end to end against the dev server (oidc-provider behind it),
// in both the AM-style and the AIC-style configuration.
describe.each<[string, DevServerOptions, string, string]>([
  ['AM', { style: 'am' }, '/', 'iPlanetDirectoryPro'],
  ['AIC', { style: 'aic' }, '/alpha', 'random'],
])('the session page on %s', (_name, options, realm, cookie) => {
  let server: DevServer;
  let client: JourneyClient;
  const logs: string[] = [];
  const seen = new Set<string>();
  const remember = <
    T extends { accessToken?: string; refreshToken?: string; value?: string } | null,
  >(
    s: T,
  ): T => {
    for (const v of [s?.accessToken, s?.refreshToken, s?.value]) if (v) seen.add(v);
    return s;
  };

  beforeAll(async () => {
    server = await startDevServer(options);
    const capture = (...args: unknown[]) => void logs.push(args.join(' '));
    client = clientFor(server, {
      logger: logger({
        level: 'debug',
        custom: { debug: capture, info: capture, warn: capture, error: capture },
      }),
    });
  });
  afterAll(() => server.close());

  it('uses the configuration it was given', () => {
    expect(server.realm).toBe(realm === '/' ? 'root' : realm.slice(1));
    if (cookie === 'random') expect(server.cookieName).toMatch(/^c[0-9a-f]{14}$/);
    else expect(server.cookieName).toBe(cookie);
  });

  it('signs in through Login and keeps the SSO token, without OAuth requests', async () => {
    const first = await client.start('Login');
    expect(first).toMatchObject({
      type: 'ContinueNode',
      callbacks: [
        { type: 'NameCallback', prompt: 'User Name' },
        { type: 'PasswordCallback', prompt: 'Password' },
      ],
    });
    const done = await client.next({
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
      ],
    });
    expect(done.type).toBe('SuccessNode');
    const sso = remember(await client.ssoToken());
    expect(sso).toEqual({ value: expect.any(String), successUrl: expect.any(String), realm });
    if (realm === '/alpha') expect(sso!.successUrl).toBe('/enduser/?realm=/alpha');
    expect(await sessionValidates(server, sso!.value)).toBe(true);
    expect(server.count('authorize') + server.count('token')).toBe(0);
  });

  it('mints tokens once for 20 concurrent user() calls, then serves them with no request', async () => {
    const sessions = (await Promise.all(Array.from({ length: 20 }, () => client.user()))).map(
      remember,
    );
    expect(new Set(sessions.map((s) => s!.accessToken)).size).toBe(1);
    expect(server.count('authorize')).toBe(1);
    expect(server.count('token')).toBe(1);
    expect(sessions[0]).toMatchObject({ refreshToken: expect.any(String), expiresIn: 3600 });
    expect(sessions[0]!.userInfo).toMatchObject({
      name: expect.any(String),
      email: expect.any(String),
    });

    const before = server.requests.length;
    expect((await client.user())!.accessToken).toBe(sessions[0]!.accessToken);
    expect(server.requests.length).toBe(before);
  });

  it('returns userinfo claims from the server', async () => {
    const claims = await client.userinfo();
    expect(claims).toMatchObject({
      sub: expect.any(String),
      name: expect.any(String),
      given_name: expect.any(String),
      family_name: expect.any(String),
      email: expect.any(String),
    });
  });

  it('refreshes with a rotated refresh token; the old one no longer works', async () => {
    const before = (await client.user())!;
    const refreshed = remember(await client.refresh());
    expect(refreshed!.accessToken).not.toBe(before.accessToken);
    expect(refreshed!.refreshToken).not.toBe(before.refreshToken);
    expect(server.grants.refresh_token).toBe(1);
    expect(await server.isRefreshTokenActive(before.refreshToken!)).toBe(false);
    expect(await server.isRefreshTokenActive(refreshed!.refreshToken!)).toBe(true);
    expect(await userinfoStatus(server, refreshed!.accessToken)).toBe(200);
    expect(server.reuseDetections).toBe(0);
  });

  it('revokes the tokens on the server but keeps the AM session, then mints new ones from it', async () => {
    const tokens = (await client.user())!;
    const sso = (await client.ssoToken())!;
    expect(await client.revoke()).toBe(true);
    expect(server.revocations).toBe(1);
    expect(await userinfoStatus(server, tokens.accessToken)).toBe(401);
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(false);
    expect(await refreshGrant(server, tokens.refreshToken!)).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
    expect(await sessionValidates(server, sso.value)).toBe(true);

    const authorizeBefore = server.count('authorize');
    const minted = remember(await client.user())!;
    expect(minted.accessToken).not.toBe(tokens.accessToken);
    expect(server.count('authorize')).toBe(authorizeBefore + 1);
  });

  it('logs out everywhere: AM session ended, tokens revoked, end_session with a valid hint', async () => {
    const tokens = (await client.user())!;
    const sso = (await client.ssoToken())!;
    expect(await client.logoutUser()).toBe(true);
    expect(await sessionValidates(server, sso.value)).toBe(false);
    expect(server.endSessions).toEqual([expect.objectContaining({ idTokenHintValid: true })]);
    expect(await server.isRefreshTokenActive(tokens.refreshToken!)).toBe(false);
    expect(await userinfoStatus(server, tokens.accessToken)).toBe(401);
    expect(await client.ssoToken()).toBeNull();
    expect(await client.user()).toBeNull();
    expect(await client.logoutUser()).toBe(true);
  });

  it('never wrote a secret to the log, even at debug level', () => {
    expect(logs.length).toBeGreaterThan(10);
    const text = logs.join('\n');
    expect(seen.size).toBeGreaterThanOrEqual(7);
    for (const secret of [...seen, 'Ch4ng3it!']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  });
});

describe('journey outcomes', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer();
  });
  afterAll(() => server.close());

  it('answers a wrong password with an ErrorNode, and stores nothing', async () => {
    const client = clientFor(server);
    expect(await signIn(client, 'wrong')).toMatchObject({
      type: 'ErrorNode',
      message: 'Login failure',
      status: 401,
    });
    expect(await client.ssoToken()).toBeNull();
    await expect(client.next()).rejects.toMatchObject({ code: 'JOURNEY_STATE_ERROR' });
  });

  it('resolves a FailureNode when the server cannot be reached', async () => {
    const down = await startDevServer();
    await down.close();
    const client = clientFor(down);
    const node = await client.start('Login');
    expect(node).toMatchObject({
      type: 'FailureNode',
      error: { type: 'network_error', retryable: true },
    });
  });

  it('rejects misuse with typed JourneyErrors', async () => {
    const client = clientFor(server);
    await expect(client.start('  ')).rejects.toMatchObject({
      code: 'JOURNEY_START_ERROR',
      type: 'argument_error',
    });
    await expect(client.next()).rejects.toBeInstanceOf(JourneyError);
    await expect(client.resume('')).rejects.toMatchObject({ code: 'JOURNEY_RESUME_ERROR' });
    expect(() => clientFor(server, { serverUrl: '' })).toThrow(
      expect.objectContaining({ code: 'JOURNEY_CONFIG_ERROR' }),
    );
    await client.start('Login');
    await client.dispose();
    await expect(client.next()).rejects.toMatchObject({ code: 'JOURNEY_STATE_ERROR' });
  });

  it('gives ssoToken() without an OIDC module; user() is null and revoke() true, with a warning why', async () => {
    const warnings: unknown[] = [];
    const log = logger({ level: 'warn', custom: { warn: (...a) => warnings.push(a.join(' ')) } });
    const client = clientFor(server, { modules: {}, logger: log });
    expect((await signIn(client)).type).toBe('SuccessNode');
    expect(await client.ssoToken()).toMatchObject({ value: expect.any(String) });
    server.resetLog();
    expect(await client.user()).toBeNull();
    expect(await client.revoke()).toBe(true);
    expect(server.count()).toBe(0); // no token request: there is no OAuth client to ask for
    expect(warnings).toEqual([
      expect.stringContaining('user() resolves null: there are no tokens without modules.oidc'),
      expect.stringContaining('revoke() resolves true: there are no tokens without modules.oidc'),
    ]);
    expect(await client.logoutUser()).toBe(true);
    expect(await client.ssoToken()).toBeNull();
  });

  it('shares the session with a second client over the same storage', async () => {
    const storage = memoryStorage();
    const first = clientFor(server, { modules: { session: { storage }, oidc: oidcOf(server) } });
    await signIn(first);
    const tokens = await first.user();
    const second = clientFor(server, { modules: { session: { storage }, oidc: oidcOf(server) } });
    expect(await second.ssoToken()).toEqual(await first.ssoToken());
    expect((await second.user())!.accessToken).toBe(tokens!.accessToken);
    await second.logoutUser();
    expect(await first.ssoToken()).toBeNull();
    expect(await first.user()).toBeNull();
  });

  it('refuses a rotated refresh token at the server, which then revokes the whole grant', async () => {
    const client = clientFor(server);
    await signIn(client);
    const first = (await client.user())!;
    const second = (await client.refresh())!;
    const detections = server.reuseDetections;
    expect(await refreshGrant(server, first.refreshToken!)).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
    // This replay is what single-flight refresh exists to prevent: it kills the current tokens too.
    expect(server.reuseDetections).toBe(detections + 1);
    expect(await server.isRefreshTokenActive(second.refreshToken!)).toBe(false);
  });

  it('gets tokens with response_mode=form_post too', async () => {
    const client = clientFor(server, {
      modules: { oidc: { ...oidcOf(server), authorizeStrategy: 'form_post' } },
    });
    await signIn(client);
    const tokens = await client.user();
    expect(await userinfoStatus(server, tokens!.accessToken)).toBe(200);
  });

  it('logs out locally even when the server is unreachable', async () => {
    const own = await startDevServer();
    const client = clientFor(own);
    await signIn(client);
    await client.user();
    await own.close();
    expect(await client.logoutUser()).toBe(true);
    expect(await client.ssoToken()).toBeNull();
    expect(await client.user()).toBeNull();
  });
});

function oidcOf(server: DevServer) {
  return {
    clientId: server.clientId,
    redirectUri: server.redirectUri,
    discoveryEndpoint: server.discoveryEndpoint,
  };
}
