import type { createJourneyClient, JourneyConfig, LogoutOutcome } from '@journeykit/journey';

/** What the script saw; Node and Hermes must see the same. */
export interface ScenarioResult {
  nodes: string[];
  ssoToken: string | null;
  minted: { accessToken: string; refreshToken?: string; expiresIn?: number } | null;
  subject: unknown;
  refreshed: { accessToken: string; refreshToken?: string } | null;
  loggedOut: boolean;
  logout: LogoutOutcome[];
  afterLogout: { ssoToken: unknown; user: unknown };
  events: string[];
}

/**
 * The script run in Node (recording) and under Hermes (replaying): the Login journey, then
 * tokens from the SSO session (PKCE + code exchange), userinfo, a refresh, and logout.
 */
export async function runScenario(
  create: typeof createJourneyClient,
  config: JourneyConfig,
): Promise<ScenarioResult> {
  const client = create(config);
  const events: string[] = [];
  let logout: LogoutOutcome[] = [];
  client.subscribe((event) => {
    events.push(event.type);
    if (event.type === 'logout') logout = event.outcomes;
  });
  const first = await client.start('Login');
  const done = await client.next({
    callbacks: [
      { type: 'NameCallback', value: 'demo' },
      { type: 'PasswordCallback', value: 'Ch4ng3it!' },
    ],
  });
  const sso = await client.ssoToken();
  const minted = await client.user();
  const claims = await client.userinfo();
  const refreshed = await client.refresh();
  const loggedOut = await client.logoutUser();
  return {
    nodes: [first.type, done.type],
    ssoToken: sso && sso.value,
    minted: minted && {
      accessToken: minted.accessToken,
      refreshToken: minted.refreshToken,
      expiresIn: minted.expiresIn,
    },
    subject: claims && claims.sub,
    refreshed: refreshed && {
      accessToken: refreshed.accessToken,
      refreshToken: refreshed.refreshToken,
    },
    loggedOut,
    logout: logout.map((o) => (o.error ? { ...o, error: o.error.message } : o)) as LogoutOutcome[],
    afterLogout: { ssoToken: await client.ssoToken(), user: await client.user() },
    events,
  };
}
