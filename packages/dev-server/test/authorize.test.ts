import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startDevServer, type DevServer } from '../src/index.js';
import { authorizeUrl, login, pkce } from './helpers.js';

let server: DevServer;
let ssoToken: string;
beforeAll(async () => {
  server = await startDevServer();
  ssoToken = await login(server);
});
afterAll(() => server.close());
beforeEach(() => server.resetLog());

const { challenge } = pkce();

describe('discovery', () => {
  it('publishes the realm issuer with AM’s endpoint names, form_post and no pi.flow', async () => {
    const response = await fetch(server.discoveryEndpoint);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(server.issuer);
    expect(server.issuer).toBe(`${server.url}/oauth2/realms/root`);
    expect(discovery).toMatchObject({
      authorization_endpoint: `${server.issuer}/authorize`,
      token_endpoint: `${server.issuer}/access_token`,
      revocation_endpoint: `${server.issuer}/token/revoke`,
      userinfo_endpoint: `${server.issuer}/userinfo`,
      end_session_endpoint: `${server.issuer}/connect/endSession`,
      jwks_uri: `${server.issuer}/connect/jwk_uri`,
      introspection_endpoint: `${server.issuer}/introspect`,
    });
    expect(discovery.response_modes_supported).toContain('form_post');
    expect(discovery.response_modes_supported).not.toContain('pi.flow');
    expect(server.count('discovery')).toBe(1);
  });
});

describe('one-hop authorize from the AM session', () => {
  it('answers a single 302 to redirect_uri with code, state and iss, from the cookie', async () => {
    const response = await fetch(authorizeUrl(server, { code_challenge: challenge, state: 's1' }), {
      redirect: 'manual',
      headers: { Cookie: `iPlanetDirectoryPro=${ssoToken}` },
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.protocol}${location.pathname}`).toBe(server.redirectUri);
    expect(location.searchParams.get('code')).toMatch(/.+/);
    expect(location.searchParams.get('state')).toBe('s1');
    expect(location.searchParams.get('iss')).toBe(server.issuer);
    // oidc-provider's own session cookie never reaches the client.
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(server.count()).toBe(1);
    expect(server.count('authorize')).toBe(1);
  });

  it('takes the token from the header named like the cookie (Android), without state', async () => {
    const response = await fetch(authorizeUrl(server, { code_challenge: challenge }), {
      redirect: 'manual',
      headers: {
        iPlanetDirectoryPro: ssoToken,
        'Accept-API-Version': 'resource=2.1, protocol=1.0',
      },
    });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('code')).toMatch(/.+/);
  });

  it('returns the code in an auto-submitting form with response_mode=form_post', async () => {
    const response = await fetch(
      authorizeUrl(server, { code_challenge: challenge, state: 's2', response_mode: 'form_post' }),
      { redirect: 'manual', headers: { iPlanetDirectoryPro: ssoToken } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(`action="${server.redirectUri}"`);
    for (const name of ['code', 'state', 'iss']) {
      expect(html).toMatch(new RegExp(`<input type="hidden" name="${name}" value="[^"]+"/>`));
    }
    expect(html).toContain('name="state" value="s2"');
  });

  it('accepts the http loopback redirect URI on any port', async () => {
    const loopback = new URL(server.loopbackRedirectUri);
    loopback.port = '51234';
    const response = await fetch(
      authorizeUrl(server, { code_challenge: challenge, redirect_uri: loopback.href }),
      { redirect: 'manual', headers: { iPlanetDirectoryPro: ssoToken } },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(
      /^http:\/\/127\.0\.0\.1:51234\/callback\?code=/,
    );
  });

  it('keeps giving codes from the same session', async () => {
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(authorizeUrl(server, { code_challenge: challenge }), {
        redirect: 'manual',
        headers: { iPlanetDirectoryPro: ssoToken },
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toContain('code=');
    }
  });
});

describe('authorize without an AM session', () => {
  it('redirects prompt=none with interaction_required and AM’s description', async () => {
    const response = await fetch(
      authorizeUrl(server, { code_challenge: challenge, state: 's3', prompt: 'none' }),
      { redirect: 'manual' },
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('interaction_required');
    expect(location.searchParams.get('error_description')).toBe(
      'The request requires some interaction that is not allowed.',
    );
    expect(location.searchParams.get('state')).toBe('s3');
  });

  it('treats an ended session like none', async () => {
    const ended = await login(server);
    await fetch(`${server.url}/json/realms/root/sessions/?_action=logout`, {
      method: 'POST',
      headers: { 'Accept-API-Version': 'resource=2.1', iPlanetDirectoryPro: ended },
    });
    const response = await fetch(
      authorizeUrl(server, { code_challenge: challenge, prompt: 'none' }),
      {
        redirect: 'manual',
        headers: { iPlanetDirectoryPro: ended },
      },
    );
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'interaction_required',
    );
  });

  it('sends an interactive request to the XUI login page with the authorize URL as goto', async () => {
    const url = authorizeUrl(server, { code_challenge: challenge });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.pathname).toBe('/am/XUI/');
    expect(location.searchParams.get('realm')).toBe('/');
    expect(location.searchParams.get('goto')).toBe(url);
  });
});

describe('authorize errors that must not redirect', () => {
  it('400s an unknown client', async () => {
    const response = await fetch(
      authorizeUrl(server, { code_challenge: challenge, client_id: 'nope' }),
      {
        redirect: 'manual',
        headers: { iPlanetDirectoryPro: ssoToken },
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('400s an unregistered redirect_uri with AM’s redirect_uri_mismatch', async () => {
    const response = await fetch(
      authorizeUrl(server, { code_challenge: challenge, redirect_uri: 'https://evil.example/cb' }),
      { redirect: 'manual', headers: { iPlanetDirectoryPro: ssoToken } },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toEqual({
      error: 'redirect_uri_mismatch',
      error_description: 'The redirection URI provided does not match a pre-registered value.',
    });
  });

  it('redirects a request without PKCE with invalid_request', async () => {
    const response = await fetch(authorizeUrl(server), {
      redirect: 'manual',
      headers: { iPlanetDirectoryPro: ssoToken },
    });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'invalid_request',
    );
  });
});
