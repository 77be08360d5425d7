import type { DevServer } from '@journeykit/dev-server';
import {
  createJourneyClient,
  type JourneyClient,
  type JourneyClientWithEvents,
  type JourneyConfig,
  type JourneyNode,
} from '@journeykit/journey';

/** A client for the dev server, with OIDC configured unless overridden. */
export function clientFor(
  server: DevServer,
  overrides: Partial<JourneyConfig> = {},
): JourneyClientWithEvents {
  return createJourneyClient({
    serverUrl: server.url,
    realm: server.realm,
    cookie: server.cookieName,
    modules: {
      oidc: {
        clientId: server.clientId,
        redirectUri: server.redirectUri,
        discoveryEndpoint: server.discoveryEndpoint,
      },
    },
    ...overrides,
  });
}

/** Runs Login with the demo user (or the given password) and returns the final node. */
export async function signIn(client: JourneyClient, password = 'Ch4ng3it!'): Promise<JourneyNode> {
  const first = await client.start('Login');
  if (first.type !== 'ContinueNode') return first;
  return client.next({
    callbacks: [
      { type: 'NameCallback', value: 'demo' },
      { type: 'PasswordCallback', value: password },
    ],
  });
}

/** Asks the dev server directly, as AM would answer any client: is this SSO session valid? */
export async function sessionValidates(server: DevServer, token: string): Promise<boolean> {
  const names = server.realm.split('/').filter((n) => n && n !== 'root');
  const realms = ['root', ...names].map((n) => `realms/${n}`).join('/');
  const response = await fetch(`${server.url}/json/${realms}/sessions?_action=validate`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-api-version': 'resource=2.1, protocol=1.0',
      [server.cookieName]: token,
    },
    body: '{}',
  });
  return ((await response.json()) as { valid: boolean }).valid;
}

/** What the userinfo endpoint says to this access token: its HTTP status. */
export async function userinfoStatus(server: DevServer, accessToken: string): Promise<number> {
  const discovery = (await (await fetch(server.discoveryEndpoint)).json()) as {
    userinfo_endpoint: string;
  };
  return (
    await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
  ).status;
}

/** Spends a refresh token directly at the token endpoint: the server's answer, as any client would get it. */
export async function refreshGrant(
  server: DevServer,
  refreshToken: string,
): Promise<{ status: number; error?: string }> {
  const discovery = (await (await fetch(server.discoveryEndpoint)).json()) as {
    token_endpoint: string;
  };
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: server.clientId,
    }),
  });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, error: body.error };
}
