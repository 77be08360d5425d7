import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDevServer, type DevServer } from '../src/index.js';
import {
  AM_HEADERS,
  authenticateUrl,
  fillLogin,
  jwtClaims,
  mintTokens,
  sessionsUrl,
  startLogin,
  submit,
} from './helpers.js';

describe.each([
  {
    style: 'am' as const,
    realm: 'root',
    realmPath: '/',
    issuerPath: '/am/oauth2/realms/root',
    successUrl: '/am/console',
  },
  {
    style: 'aic' as const,
    realm: 'alpha',
    realmPath: '/alpha',
    issuerPath: '/am/oauth2/realms/root/realms/alpha',
    successUrl: '/enduser/?realm=/alpha',
  },
])('$style style', ({ style, realm, realmPath, issuerPath, successUrl }) => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ style });
  });
  afterAll(() => server.close());

  it('presents itself like its kind of deployment', () => {
    expect(server.realm).toBe(realm);
    expect(server.url).toBe(`${server.origin}/am`);
    expect(server.issuer).toBe(`${server.origin}${issuerPath}`);
    expect(server.discoveryEndpoint).toBe(`${server.issuer}/.well-known/openid-configuration`);
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    if (style === 'am') {
      expect(server.cookieName).toBe('iPlanetDirectoryPro');
      expect(server.users[0]!.id).toBe('demo');
    } else {
      expect(server.cookieName).toMatch(/^[a-z][0-9a-f]{14}$/);
      expect(server.users[0]!.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });

  it('runs the whole seed path: journey, cookie, one-hop tokens, userinfo, logout', async () => {
    const user = server.users[0]!;
    const response = await submit(
      server,
      fillLogin(await startLogin(server), user.username, user.password),
    );
    const success = (await response.json()) as { tokenId: string };
    expect(success).toEqual({ tokenId: expect.any(String), successUrl, realm: realmPath });
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${server.cookieName}=`));

    const tokens = await mintTokens(server, success.tokenId);
    expect(jwtClaims(tokens.id_token)).toMatchObject({ iss: server.issuer, sub: user.id });
    const userinfo = await fetch(`${server.issuer}/userinfo`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await userinfo.json()).toMatchObject({
      sub: user.id,
      subname: user.id,
      email: user.profile.email,
    });

    const validate = await fetch(sessionsUrl(server, 'validate'), {
      method: 'POST',
      headers: { ...AM_HEADERS, [server.cookieName]: success.tokenId },
    });
    expect(await validate.json()).toMatchObject({ valid: true, uid: user.id, realm: realmPath });

    const logout = await fetch(sessionsUrl(server, 'logout'), {
      method: 'POST',
      headers: { ...AM_HEADERS, Cookie: `${server.cookieName}=${success.tokenId}` },
    });
    expect(await logout.json()).toEqual({ result: 'Successfully logged out' });
    expect(logout.headers.get('set-cookie')).toMatch(new RegExp(`^${server.cookieName}=;`));
  });

  it('serves the new JS SDK’s paths, derived from the issuer (/oauth2 → /json)', async () => {
    const derived = `${server.issuer.replace('/oauth2', '/json')}/authenticate`;
    expect(derived).toBe(authenticateUrl(server));
    const response = await fetch(derived, { method: 'POST', headers: AM_HEADERS });
    expect(response.status).toBe(200);
  });
});

describe('options', () => {
  it('lets explicit options win over the style preset', async () => {
    const server = await startDevServer({
      style: 'aic',
      realm: 'bravo',
      cookieName: 'tenantcookie',
      clientId: 'my-app',
      redirectUris: ['https://app.example.com/cb'],
    });
    try {
      expect(server.realm).toBe('bravo');
      expect(server.cookieName).toBe('tenantcookie');
      expect(server.clientId).toBe('my-app');
      const response = await submit(
        server,
        fillLogin(await startLogin(server), 'demo', 'Ch4ng3it!'),
      );
      expect(await response.json()).toMatchObject({
        successUrl: '/enduser/?realm=/bravo',
        realm: '/bravo',
      });
    } finally {
      await server.close();
    }
  });

  it('refuses nonsense numbers', async () => {
    await expect(startDevServer({ accessTokenTtl: 0 })).rejects.toThrow(TypeError);
    await expect(startDevServer({ port: -1 })).rejects.toThrow(TypeError);
  });
});

describe('CORS', () => {
  const appOrigin = 'http://localhost:5173';
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ corsOrigins: [appOrigin] });
  });
  afterAll(() => server.close());

  it('answers preflights for the allowed origin with credentials and the SDK headers', async () => {
    const response = await fetch(authenticateUrl(server), {
      method: 'OPTIONS',
      headers: {
        Origin: appOrigin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'accept-api-version, content-type, x-requested-with',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(appOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of [
      'accept-api-version',
      'content-type',
      'x-requested-with',
      'iplanetdirectorypro',
    ]) {
      expect(allowed).toContain(header);
    }
  });

  it('echoes the allowed origin on AM and OAuth responses', async () => {
    for (const url of [authenticateUrl(server), `${server.issuer}/token/revoke`]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...AM_HEADERS, Origin: appOrigin },
        ...(url.endsWith('revoke')
          ? { body: new URLSearchParams({ client_id: server.clientId, token: 'x' }) }
          : {}),
      });
      expect(response.headers.get('access-control-allow-origin'), url).toBe(appOrigin);
      expect(response.headers.get('access-control-allow-credentials'), url).toBe('true');
    }
  });

  it('gives other origins no credentialed CORS', async () => {
    const response = await fetch(authenticateUrl(server), {
      method: 'POST',
      headers: { ...AM_HEADERS, Origin: 'http://evil.example' },
    });
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
