import type { JourneyEvent } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { capturingLogger, recordingFetch, secretsOf } from './security-helpers';
import { devServerFor, manualClock, tokenClient } from './tokens-helpers';

// Secrets never reach a log, at any level, or an error message (SECURITY.md, "What the SDK
// guarantees"): not on the happy path, and not when a failure carries text the SDK did not write —
// a server that echoes a token in its error description, or a fetch whose errors quote the URL.
describe('secrets', () => {
  const server = devServerFor();

  it('never appear in a log line or an error message, through a session and its failures', async () => {
    const clock = manualClock();
    const wire = recordingFetch();
    const { logger, lines } = capturingLogger();
    const client = tokenClient(server, { logger, fetch: wire.fetch, clock: clock.now });
    const errors: string[] = [];
    const seen = (error: unknown) => void (error instanceof Error && errors.push(error.message));
    client.subscribe((event: JourneyEvent) => {
      if ('error' in event) seen(event.error);
      if (event.type === 'logout') event.outcomes.forEach((o) => seen(o.error));
    });
    /** Runs a call as an app would, keeping the text of whatever failed. */
    const call = async <T>(promise: Promise<T>) => {
      try {
        const value = await promise;
        const node = value as { type?: string; message?: string; error?: unknown };
        if (node?.type === 'FailureNode' || node?.type === 'ErrorNode') {
          errors.push(node.message ?? '');
          seen(node.error);
        }
        return value;
      } catch (error) {
        seen(error);
        return undefined;
      }
    };
    const login = (password: string) => [
      { type: 'NameCallback', value: 'demo' },
      { type: 'PasswordCallback', value: password },
    ];

    // Wrong passwords (a short one too: too short to be masked, so it must never be written at all).
    for (const password of ['pw~5', 'Wr0ng~password', 'Ch4ng3it!']) {
      await call(client.start('Login'));
      await call(client.next({ callbacks: login(password) }));
    }
    const tokens = (await client.user())!;
    await call(client.userinfo());
    // A long session: many more secrets than the log remembers since the SSO token came.
    let renewed = tokens;
    for (let i = 0; i < 30; i++) renewed = (await client.refresh())!;
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);

    // A server that quotes the refresh token, the access token and the SSO token in its errors.
    const sso = (await client.ssoToken())!.value;
    const quoting = (error: string, secret: string) => ({
      status: 400,
      body: { error, error_description: `cannot use ${secret}` },
      times: 1,
    });
    clock.advance(3600);
    server.inject('token', quoting('invalid_request', renewed.refreshToken!));
    await call(client.user());
    clock.advance(-3600);
    server.inject('userinfo', quoting('invalid_request', renewed.accessToken));
    await call(client.userinfo());
    await call(client.revoke());
    server.inject('authorize', quoting('invalid_request', sso));
    await call(client.user());
    await call(client.user());

    // A fetch whose failures quote the URL: end_session carries the ID token in its query.
    wire.unreachable(/endSession$/);
    await call(client.logoutUser());

    const secrets = [...secretsOf(wire.exchanges)];
    const kinds = ['tokenId', 'code', 'code_verifier', 'access_token', 'refresh_token', 'id_token'];
    expect(secrets.length).toBeGreaterThanOrEqual(kinds.length + 3);
    expect(lines.length).toBeGreaterThan(20);
    expect(errors.length).toBeGreaterThan(5);
    const leaks = [...lines, ...errors].filter((text) =>
      ['pw~5', ...secrets].some((secret) => text.includes(secret)),
    );
    expect(leaks).toEqual([]);
  });
});
