import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startDevServer, type DevServer } from '../src/index.js';
import { AM_HEADERS, login, sessionsUrl } from './helpers.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());

function sessions(action: string, headers: Record<string, string> = {}, body?: unknown) {
  return fetch(sessionsUrl(server, action), {
    method: 'POST',
    headers: { ...AM_HEADERS, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('sessions?_action=validate', () => {
  it('reports a live session from the body, the cookie or the header', async () => {
    const token = await login(server);
    for (const [headers, body] of [
      [{}, { tokenId: token }],
      [{ Cookie: `iPlanetDirectoryPro=${token}` }, undefined],
      [{ iPlanetDirectoryPro: token }, undefined],
    ] as const) {
      const response = await sessions('validate', headers, body);
      expect(response.status).toBe(200);
      const result = (await response.json()) as Record<string, unknown>;
      expect(result).toEqual({
        valid: true,
        sessionUid: expect.any(String),
        uid: 'demo',
        realm: '/',
      });
    }
  });

  it('reports {valid:false} for an unknown token or none', async () => {
    expect(await (await sessions('validate', {}, { tokenId: 'AQIC5-nope' })).json()).toEqual({
      valid: false,
    });
    expect(await (await sessions('validate')).json()).toEqual({ valid: false });
  });
});

describe('sessions?_action=logout', () => {
  it('ends the session and expires the cookie', async () => {
    const token = await login(server);
    const response = await sessions('logout', { Cookie: `iPlanetDirectoryPro=${token}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: 'Successfully logged out' });
    expect(response.headers.get('set-cookie')).toMatch(
      /^iPlanetDirectoryPro=; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(server.isSessionValid(token)).toBe(false);
  });

  it('takes the token from the header, as Android sends it, on a path without the trailing slash', async () => {
    const token = await login(server);
    const response = await fetch(`${server.url}/json/realms/root/sessions?_action=logout`, {
      method: 'POST',
      headers: {
        'Accept-API-Version': 'resource=3.1, protocol=1.0',
        'Content-Type': 'application/json',
        iPlanetDirectoryPro: token,
      },
      body: '{}',
    });
    expect(await response.json()).toEqual({ result: 'Successfully logged out' });
    expect(server.isSessionValid(token)).toBe(false);
  });

  it('says "Token has expired" for an ended or unknown token', async () => {
    const token = await login(server);
    await sessions('logout', { iPlanetDirectoryPro: token });
    const again = await sessions('logout', { iPlanetDirectoryPro: token });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ result: 'Token has expired' });
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('401s without any token', async () => {
    const response = await sessions('logout');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 401,
      reason: 'Unauthorized',
      message: 'Access Denied',
    });
  });

  it('501s an action it does not implement', async () => {
    expect((await sessions('refresh')).status).toBe(501);
  });
});

describe('session lifetime', () => {
  it('ends sessions after sessionTtl', async () => {
    const token = await login(server);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 2 * 3600 * 1000 - 1000);
      expect(server.isSessionValid(token)).toBe(true);
      vi.setSystemTime(Date.now() + 2000);
      expect(server.isSessionValid(token)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('serverinfo', () => {
  it('tells the cookie name and the realm', async () => {
    const response = await fetch(`${server.url}/json/serverinfo/*`, { headers: AM_HEADERS });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      _id: '*',
      cookieName: 'iPlanetDirectoryPro',
      realm: '/',
    });
  });
});
