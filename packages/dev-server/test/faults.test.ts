import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startDevServer, type DevServer } from '../src/index.js';
import { AM_HEADERS, authenticateUrl, authorizeUrl, login, pkce } from './helpers.js';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.resetLog();
});

const start = () => fetch(authenticateUrl(server), { method: 'POST', headers: AM_HEADERS });

describe('fault injection', () => {
  it('answers a status with an HTML body instead of the handler', async () => {
    server.inject('authenticate', {
      status: 503,
      body: '<html><body>Service Unavailable</body></html>',
      contentType: 'text/html; charset=utf-8',
    });
    const response = await start();
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<html><body>Service Unavailable</body></html>');
    expect(server.requests.at(-1)).toMatchObject({
      route: 'authenticate',
      status: 503,
      fault: 'status',
    });
  });

  it('sends extra headers and JSON bodies, e.g. 429 with Retry-After', async () => {
    server.inject('token', {
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { error: 'slow_down' },
    });
    const response = await fetch(`${server.issuer}/access_token`, { method: 'POST' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ error: 'slow_down' });
  });

  it('applies to the next N requests only', async () => {
    server.inject('authenticate', { status: 500, times: 2 });
    expect((await start()).status).toBe(500);
    expect((await start()).status).toBe(500);
    expect((await start()).status).toBe(200);
  });

  it('stays until cleared without times', async () => {
    server.inject('authenticate', { status: 502 });
    expect((await start()).status).toBe(502);
    expect((await start()).status).toBe(502);
    server.clearFaults();
    expect((await start()).status).toBe(200);
  });

  it('touches only its route', async () => {
    server.inject('sessions', { status: 500 });
    expect((await start()).status).toBe(200);
  });

  it('delays, then runs the real handler', async () => {
    server.inject('authenticate', { delayMs: 30, times: 1 });
    const response = await start();
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('authId');
    expect(server.requests.at(-1)).toMatchObject({ status: 200, fault: 'delay' });
  });

  it('sends malformed JSON with a JSON content type', async () => {
    server.inject('userinfo', { malformedJson: true });
    const response = await fetch(`${server.issuer}/userinfo`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('truncates the real response: headers arrive, the body breaks off', async () => {
    server.inject('authenticate', { truncate: true, times: 1 });
    const response = await start();
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(server.requests.at(-1)).toMatchObject({ status: 200, fault: 'truncate' });
  });

  it('truncation happens after the handler did its work', async () => {
    const ssoToken = await login(server);
    server.inject('sessions', { truncate: true, times: 1 });
    const logout = fetch(`${server.url}/json/realms/root/sessions/?_action=logout`, {
      method: 'POST',
      headers: { ...AM_HEADERS, iPlanetDirectoryPro: ssoToken },
    });
    await expect(logout.then((response) => response.json())).rejects.toThrow();
    expect(server.isSessionValid(ssoToken)).toBe(false);
  });

  it('sends half the real body as a complete response, after the handler did its work', async () => {
    const ssoToken = await login(server);
    server.inject('sessions', { halfBody: true, times: 1 });
    const response = await fetch(`${server.url}/json/realms/root/sessions/?_action=logout`, {
      method: 'POST',
      headers: { ...AM_HEADERS, iPlanetDirectoryPro: ssoToken },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const whole = JSON.stringify({ result: 'Successfully logged out' });
    expect(await response.text()).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    expect(server.isSessionValid(ssoToken)).toBe(false);
    expect(server.requests.at(-1)).toMatchObject({ status: 200, fault: 'halfBody' });
  });

  it('drops the connection without a response', async () => {
    server.inject('authorize', { drop: true, times: 1 });
    const ssoToken = await login(server);
    const url = authorizeUrl(server, { code_challenge: pkce().challenge });
    const headers = { iPlanetDirectoryPro: ssoToken };
    await expect(fetch(url, { redirect: 'manual', headers })).rejects.toThrow('fetch failed');
    expect(server.requests.find((r) => r.route === 'authorize')).toMatchObject({
      status: 0,
      fault: 'drop',
    });
    expect((await fetch(url, { redirect: 'manual', headers })).status).toBe(302);
  });

  it('refuses times below 1', () => {
    expect(() => server.inject('token', { status: 500, times: 0 })).toThrow(TypeError);
  });
});

describe('request log', () => {
  it('names every route and counts per route', async () => {
    const ssoToken = await login(server);
    await fetch(server.discoveryEndpoint);
    await fetch(`${server.issuer}/connect/jwk_uri`);
    await fetch(`${server.url}/json/serverinfo/*`);
    await fetch(`${server.url}/json/realms/root/sessions/?_action=validate`, {
      method: 'POST',
      headers: { ...AM_HEADERS, iPlanetDirectoryPro: ssoToken },
    });
    await fetch(`${server.origin}/favicon.ico`);
    expect(server.requests.map((r) => r.route)).toEqual([
      'authenticate',
      'authenticate',
      'discovery',
      'jwks',
      'serverinfo',
      'sessions',
      'other',
    ]);
    expect(server.count()).toBe(7);
    expect(server.count('authenticate')).toBe(2);
    expect(server.count('token')).toBe(0);
    const record = server.requests[0]!;
    expect(record).toEqual({
      method: 'POST',
      path: '/am/json/realms/root/authenticate',
      route: 'authenticate',
      status: 200,
      at: expect.any(Number),
    });
  });

  it('never records query strings', async () => {
    await fetch(`${server.issuer}/connect/endSession?id_token_hint=secret`);
    expect(server.requests[0]!.path).toBe('/am/oauth2/realms/root/connect/endSession');
  });

  it('calls onRequest once per finished request', async () => {
    const seen: string[] = [];
    const logged = await startDevServer({
      onRequest: (r) => seen.push(`${r.method} ${r.route} ${r.status}`),
    });
    try {
      await fetch(logged.discoveryEndpoint);
      expect(seen).toEqual(['GET discovery 200']);
    } finally {
      await logged.close();
    }
  });
});
