import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDevServer, type DevServer } from '../src/index.js';
import {
  AM_HEADERS,
  authenticateUrl,
  fillLogin,
  jwtClaims,
  login,
  startLogin,
  submit,
} from './helpers.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());

describe('Login journey', () => {
  it('starts with AM’s exact step JSON and a signed, expiring authId', async () => {
    const response = await fetch(
      authenticateUrl(server, '?authIndexType=service&authIndexValue=Login'),
      {
        method: 'POST',
        headers: AM_HEADERS,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(response.headers.get('expires')).toBe('0');
    const step = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(step)).toEqual(['authId', 'callbacks', 'header', 'stage']);
    expect(step.callbacks).toEqual([
      {
        type: 'NameCallback',
        output: [{ name: 'prompt', value: 'User Name' }],
        input: [{ name: 'IDToken1', value: '' }],
        _id: 0,
      },
      {
        type: 'PasswordCallback',
        output: [{ name: 'prompt', value: 'Password' }],
        input: [{ name: 'IDToken2', value: '' }],
        _id: 1,
      },
    ]);
    expect(step.header).toBe('Sign In');
    expect(step.stage).toBe('UsernamePassword');
    const authId = step.authId as string;
    expect(JSON.parse(Buffer.from(authId.split('.')[0]!, 'base64url').toString())).toEqual({
      typ: 'JWT',
      alg: 'HS256',
    });
    const claims = jwtClaims(authId);
    expect(claims).toMatchObject({ authIndexType: 'service', authIndexValue: 'Login', realm: '/' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
    expect(claims).not.toHaveProperty('password');
  });

  it('succeeds with the demo credentials: tokenId, successUrl, realm and the session cookie', async () => {
    const response = await submit(server, fillLogin(await startLogin(server), 'demo', 'Ch4ng3it!'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tokenId: string };
    expect(Object.keys(body)).toEqual(['tokenId', 'successUrl', 'realm']);
    expect(body).toMatchObject({ successUrl: '/am/console', realm: '/' });
    expect(body.tokenId).toMatch(/^AQIC5.*\*.*\*$/);
    expect(response.headers.getSetCookie()).toEqual([
      `iPlanetDirectoryPro=${body.tokenId}; Path=/; HttpOnly; SameSite=Lax`,
      'amlbcookie=01; Path=/',
    ]);
    expect(server.isSessionValid(body.tokenId)).toBe(true);
  });

  it('answers 401 Login failure to a wrong password', async () => {
    const response = await submit(server, fillLogin(await startLogin(server), 'demo', 'wrong'));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 401,
      reason: 'Unauthorized',
      message: 'Login failure',
    });
  });

  it('reads inputs by name: extra keys, a shuffled order and missing outputs are fine', async () => {
    const step = await startLogin(server);
    const body = {
      authId: step.authId,
      status: 200,
      ok: true,
      callbacks: [
        { type: 'PasswordCallback', input: [{ name: 'IDToken2', value: 'Ch4ng3it!' }] },
        { type: 'NameCallback', input: [{ name: 'IDToken1', value: 'demo' }], _id: 0 },
      ],
    };
    const response = await submit(server, body);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('tokenId');
  });

  it('takes the journey from the authId, not from the URL', async () => {
    const step = fillLogin(await startLogin(server), 'demo', 'Ch4ng3it!');
    const response = await submit(server, step, '?authIndexType=service&authIndexValue=Nope');
    expect(response.status).toBe(200);
  });

  it('runs Login when no journey is named', async () => {
    const response = await fetch(authenticateUrl(server), {
      method: 'POST',
      headers: AM_HEADERS,
      body: '{}',
    });
    expect(((await response.json()) as { stage: string }).stage).toBe('UsernamePassword');
  });
});

describe('authId problems', () => {
  it('answers 401 "Session has timed out" (errorCode 110) to an expired authId', async () => {
    const quick = await startDevServer({ authIdTtl: 0 });
    try {
      const step = fillLogin(await startLogin(quick), 'demo', 'Ch4ng3it!');
      const response = await submit(quick, step);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        code: 401,
        reason: 'Unauthorized',
        message: 'Session has timed out',
        detail: { errorCode: '110' },
      });
    } finally {
      await quick.close();
    }
  });

  it('answers 400 to a tampered authId', async () => {
    const step = fillLogin(await startLogin(server), 'demo', 'Ch4ng3it!');
    const [header, , signature] = step.authId.split('.');
    const forged = Buffer.from(JSON.stringify({ authIndexValue: 'Login', page: 'x' })).toString(
      'base64url',
    );
    const response = await submit(server, { ...step, authId: `${header}.${forged}.${signature}` });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 400,
      reason: 'Bad Request',
      message: 'AuthId JWT Signature not valid',
    });
  });

  it('answers 400 to an authId that is not a JWT', async () => {
    const response = await submit(server, { authId: 'not-a-jwt', callbacks: [] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 400, message: 'Failed to parse JWT' });
  });

  it('rejects an authId issued by another server', async () => {
    const other = await startDevServer();
    try {
      const step = fillLogin(await startLogin(other), 'demo', 'Ch4ng3it!');
      expect((await submit(server, step)).status).toBe(400);
    } finally {
      await other.close();
    }
  });
});

describe('sessions and noSession', () => {
  it('honours noSession=true on the finishing request: no tokenId, no cookie', async () => {
    const step = fillLogin(await startLogin(server), 'demo', 'Ch4ng3it!');
    const response = await submit(server, step, '?noSession=true');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ successUrl: '/am/console', realm: '/' });
    expect(response.headers.getSetCookie()).toEqual(['amlbcookie=01; Path=/']);
  });

  it('honours noSession=true given only when the journey started', async () => {
    const step = fillLogin(await startLogin(server, '&noSession=true'), 'demo', 'Ch4ng3it!');
    const response = await submit(server, step);
    expect(await response.json()).not.toHaveProperty('tokenId');
  });

  it('completes at once for a valid session, by cookie or by header, with an empty tokenId', async () => {
    const token = await login(server);
    const query = '?authIndexType=service&authIndexValue=Login';
    const presentations: Record<string, string>[] = [
      { Cookie: `iPlanetDirectoryPro=${token}` },
      { iPlanetDirectoryPro: token },
    ];
    for (const headers of presentations) {
      const response = await fetch(authenticateUrl(server, query), {
        method: 'POST',
        headers: { ...AM_HEADERS, ...headers },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ tokenId: '', successUrl: '/am/console', realm: '/' });
    }
  });

  it('runs the journey anyway with ForceAuth=true and mints a new session', async () => {
    const token = await login(server);
    const step = await startLogin(server, '&ForceAuth=true');
    expect(step).toHaveProperty('authId');
    const response = await submit(server, fillLogin(step, 'demo', 'Ch4ng3it!'), '', {
      iPlanetDirectoryPro: token,
    });
    const body = (await response.json()) as { tokenId: string };
    expect(body.tokenId).not.toBe(token);
    expect(server.isSessionValid(body.tokenId)).toBe(true);
  });

  it('ignores an unknown or ended session and runs the journey', async () => {
    const response = await fetch(authenticateUrl(server), {
      method: 'POST',
      headers: { ...AM_HEADERS, iPlanetDirectoryPro: 'AQIC5-unknown' },
    });
    expect(await response.json()).toHaveProperty('authId');
  });
});

describe('request errors', () => {
  it('403s a cookie-bearing POST without X-Requested-With and Accept-API-Version (CSRF)', async () => {
    const token = await login(server);
    const response = await fetch(authenticateUrl(server), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `iPlanetDirectoryPro=${token}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 403, reason: 'Forbidden', message: 'Forbidden' });
    const withOne = await fetch(authenticateUrl(server), {
      method: 'POST',
      headers: { 'Accept-API-Version': 'resource=2.0', Cookie: `iPlanetDirectoryPro=${token}` },
    });
    expect(withOne.status).toBe(200);
  });

  it('accepts any Accept-API-Version, or none', async () => {
    for (const version of ['resource=2.1, protocol=1.0', 'resource=9.9', undefined]) {
      const headers: Record<string, string> =
        version === undefined ? {} : { 'Accept-API-Version': version };
      const response = await fetch(authenticateUrl(server), { method: 'POST', headers });
      expect(response.status).toBe(200);
    }
  });

  it('400s an unknown journey', async () => {
    const response = await fetch(
      authenticateUrl(server, '?authIndexType=service&authIndexValue=Nope'),
      {
        method: 'POST',
        headers: AM_HEADERS,
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 400,
      reason: 'Bad Request',
      message: 'No Configuration found',
    });
  });

  it('400s an unknown authIndexType', async () => {
    const response = await fetch(
      authenticateUrl(server, '?authIndexType=nonsense&authIndexValue=x'),
      {
        method: 'POST',
        headers: AM_HEADERS,
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 400,
      message: 'Unknown Authentication Index Type',
    });
  });

  it('400s a malformed JSON body, 415s a non-JSON one', async () => {
    const malformed = await fetch(authenticateUrl(server), {
      method: 'POST',
      headers: AM_HEADERS,
      body: '{"authId": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      code: 400,
      reason: 'Bad Request',
      message: 'The request could not be processed because the provided content is not valid JSON',
    });
    const form = await fetch(authenticateUrl(server), {
      method: 'POST',
      headers: { ...AM_HEADERS, 'Content-Type': 'text/plain' },
      body: 'authId=1',
    });
    expect(form.status).toBe(415);
  });

  it('405s a GET', async () => {
    const response = await fetch(authenticateUrl(server), { headers: AM_HEADERS });
    expect(response.status).toBe(405);
  });
});

describe('realm paths', () => {
  it('serves every realm path form of its realm and 400s other realms', async () => {
    const alpha = await startDevServer({ realm: 'alpha' });
    try {
      const json = `${alpha.url}/json`;
      for (const path of [
        'realms/root/realms/alpha/authenticate',
        'realms/alpha/authenticate',
        'alpha/authenticate',
        'authenticate?realm=/alpha',
      ]) {
        const response = await fetch(`${json}/${path}`, { method: 'POST', headers: AM_HEADERS });
        expect(response.status, path).toBe(200);
        expect(jwtClaims(((await response.json()) as { authId: string }).authId).realm).toBe(
          '/alpha',
        );
      }
      for (const path of [
        'realms/root/authenticate',
        'authenticate',
        'realms/root/realms/bravo/authenticate',
      ]) {
        const response = await fetch(`${json}/${path}`, { method: 'POST', headers: AM_HEADERS });
        expect(response.status, path).toBe(400);
        expect(await response.json()).toEqual({
          code: 400,
          reason: 'Bad Request',
          message: 'Realm not found',
        });
      }
    } finally {
      await alpha.close();
    }
  });

  it('serves nested realms', async () => {
    const nested = await startDevServer({ realm: 'alpha/sub' });
    try {
      expect(nested.realm).toBe('alpha/sub');
      expect(nested.issuer).toBe(`${nested.url}/oauth2/realms/root/realms/alpha/realms/sub`);
      const response = await fetch(
        `${nested.url}/json/realms/root/realms/alpha/realms/sub/authenticate`,
        {
          method: 'POST',
          headers: AM_HEADERS,
        },
      );
      expect(response.status).toBe(200);
    } finally {
      await nested.close();
    }
  });

  it('404s paths that name no endpoint', async () => {
    const response = await fetch(`${server.url}/json/realms/root/whatever`, {
      method: 'POST',
      headers: AM_HEADERS,
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 404, reason: 'Not Found' });
  });
});
