import { describe, expect, it } from 'vitest';
import { signIn } from './helpers';
import { devServerFor, recordEvents, tokenClient } from './tokens-helpers';

// The classic AIC mistake: the SSO token sent under the wrong header name. The server then refuses
// the session; that is the app's configuration, never a reason to sign the user out.
describe('a wrong cookie name', () => {
  const server = devServerFor({ style: 'aic' });

  it('is a JOURNEY_CONFIG_ERROR naming both names; the session is kept, serverinfo asked once', async () => {
    const client = tokenClient(server, { cookie: 'iPlanetDirectoryPro' });
    const events = recordEvents(client);
    await signIn(client);
    const sso = (await client.ssoToken())!.value;
    server.resetLog();
    for (let i = 0; i < 2; i++)
      await expect(client.user()).rejects.toMatchObject({
        code: 'JOURNEY_CONFIG_ERROR',
        message: expect.stringContaining(`${server.cookieName}, not iPlanetDirectoryPro`),
      });
    expect((await client.ssoToken())?.value).toBe(sso);
    expect(server.isSessionValid(sso)).toBe(true);
    expect(events.filter((e) => e.type === 'sessionEnded')).toEqual([]);
    expect(server.count('serverinfo')).toBe(1);
  });

  it('costs the right one nothing: no serverinfo request on the way to tokens', async () => {
    const client = tokenClient(server);
    await signIn(client);
    server.resetLog();
    expect(await client.user()).not.toBeNull();
    expect(server.count('serverinfo')).toBe(0);
    expect(server.requests.map((r) => r.route)).toEqual([
      'discovery',
      'authorize',
      'token',
      'userinfo',
    ]);
  });
});
