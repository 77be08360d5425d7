// The behaviour rn-journey's client tests define (its JS API and integration tests), checked on
// journeykit against the dev server: where rn-journey's tests mock the native module and look at
// what it was called with, these look at what the server received and what it holds afterwards.
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import {
  createJourneyClient,
  JourneyError,
  logger,
  memoryStorage,
  type FetchLike,
  type JourneyConfig,
  type KeyValueStorage,
} from '@journeykit/journey';
import { configureOidcStorage, configureSessionStorage } from '@journeykit/journey/rn-storage';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as reactNativeEntry from '../src/react-native';
import { signIn } from './helpers';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.resetLog();
});

/** The URLs the client fetched, in order: its side of the exchange. */
function recordingFetch(): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (url, init) => {
      urls.push(url);
      return fetch(url, init);
    },
  };
}

/** A logger whose every line lands in `lines`. */
function capture(level: 'debug' | 'warn' = 'debug') {
  const lines: string[] = [];
  const sink = (...a: unknown[]) => void lines.push(a.map(String).join(' '));
  return {
    lines,
    logger: logger({ level, custom: { debug: sink, info: sink, warn: sink, error: sink } }),
  };
}

const config = (extra: Partial<JourneyConfig> = {}): JourneyConfig => ({
  ...server.clientConfig,
  ...extra,
});

/** Keys a store holds, by the kind of record (`session`, `tokens`). */
const kinds = (store: Map<string, string>) =>
  [...store.keys()].map((k) => /^journeykit\.(\w+):/.exec(k)?.[1]);

/** A store over a Map the test can look into. */
function mapStore(): { map: Map<string, string>; store: KeyValueStorage } {
  const map = new Map<string, string>();
  return {
    map,
    store: {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    },
  };
}

describe('the React Native entry, as rn-journey exports it', () => {
  it('has createJourneyClient, buildNextInput, normalizeCallbacks, JourneyProvider and useJourney', () => {
    expect(typeof reactNativeEntry.createJourneyClient).toBe('function');
    expect(typeof reactNativeEntry.buildNextInput).toBe('function');
    expect(typeof reactNativeEntry.normalizeCallbacks).toBe('function');
    expect(reactNativeEntry.JourneyProvider).toBeDefined();
    expect(typeof reactNativeEntry.useJourney).toBe('function');
    expect(typeof reactNativeEntry.useJourneyForm).toBe('function');
    expect(reactNativeEntry.JourneyError).toBe(JourneyError);
  });
});

describe('createJourneyClient', () => {
  it('refuses an empty or missing serverUrl', () => {
    for (const bad of [{ serverUrl: '' }, {}]) {
      let thrown: unknown;
      try {
        createJourneyClient(bad as JourneyConfig);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(JourneyError);
      expect(thrown).toMatchObject({
        name: 'JourneyError',
        code: 'JOURNEY_CONFIG_ERROR',
        type: 'argument_error',
        message: expect.stringContaining('Missing configuration. Provide a non-empty serverUrl.'),
      });
    }
  });

  it("has rn-journey's methods, also from a config with options it does not know", () => {
    const { lines, logger: log } = capture('warn');
    const client = createJourneyClient({
      serverUrl: 'https://openam.example.com/openam',
      realmPath: '/alpha',
      tree: 'Login',
      logger: log,
    } as unknown as JourneyConfig);
    for (const method of [
      'init',
      'getId',
      'start',
      'next',
      'resume',
      'user',
      'refresh',
      'revoke',
      'userinfo',
      'ssoToken',
      'logoutUser',
      'dispose',
    ])
      expect(typeof client[method as keyof typeof client], method).toBe('function');
    expect(lines).toEqual([
      expect.stringContaining('realmPath is not an option and is ignored: did you mean realm?'),
      expect.stringContaining('tree is not an option and is ignored.'),
    ]);
  });

  it('keeps the session where a configureSessionStorage() handle says, and logs to the top-level logger', async () => {
    const { map, store } = mapStore();
    const { lines, logger: log } = capture();
    const storage = configureSessionStorage({ storage: store, ios: { account: 'app' } });
    expect(storage).toEqual({ id: expect.any(String), kind: 'session', ios: { account: 'app' } });
    const client = createJourneyClient(config({ logger: log, modules: { session: { storage } } }));
    expect((await signIn(client)).type).toBe('SuccessNode');
    expect(kinds(map)).toEqual(['session']);
    const { value } = (await client.ssoToken())!;
    expect(server.isSessionValid(value)).toBe(true);
    expect(map.get([...map.keys()][0]!)).toContain(value.slice(0, 8));
    expect(lines.some((l) => l.includes('Journey reached SuccessNode'))).toBe(true);
  });

  it('keeps the tokens where a configureOidcStorage() handle says', async () => {
    const session = mapStore();
    const tokens = mapStore();
    const client = createJourneyClient(
      config({
        modules: {
          session: { storage: configureSessionStorage({ storage: session.store }) },
          oidc: {
            ...server.clientConfig.modules.oidc,
            storage: configureOidcStorage({ storage: tokens.store }),
          },
        },
      }),
    );
    await signIn(client);
    const user = (await client.user())!;
    expect(kinds(session.map)).toEqual(['session']);
    expect(kinds(tokens.map)).toEqual(['tokens']);
    expect(await server.isAccessTokenActive(user.accessToken)).toBe(true);
  });

  it('keeps a session in memory, and says so, for a handle configured without a store', async () => {
    const { lines, logger: log } = capture('warn');
    const client = createJourneyClient(
      config({ logger: log, modules: { session: { storage: configureSessionStorage({}) } } }),
    );
    expect((await signIn(client)).type).toBe('SuccessNode');
    expect(await client.ssoToken()).toMatchObject({ value: expect.any(String) });
    expect(lines).toEqual([
      expect.stringContaining(
        'The session was configured without a store: it is kept in memory only',
      ),
    ]);
  });

  it('refuses a session storage that is not a session handle', () => {
    expect(() =>
      createJourneyClient(
        config({ modules: { session: { storage: { id: 'session-storage-id' } as never } } }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'JOURNEY_CONFIG_ERROR',
        message: expect.stringContaining(
          'Invalid modules.session.storage handle. Use configureSessionStorage(...)',
        ),
      }),
    );
  });

  it('refuses an OIDC storage that is not an OIDC handle', () => {
    const storage = configureSessionStorage({ storage: memoryStorage() });
    expect(() =>
      createJourneyClient(
        config({
          modules: { oidc: { ...server.clientConfig.modules.oidc, storage: storage as never } },
        }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'JOURNEY_CONFIG_ERROR',
        message: expect.stringContaining(
          'Invalid modules.oidc.storage handle. Use configureOidcStorage(...)',
        ),
      }),
    );
  });

  it('refuses a handle with nothing behind it (not made by configureSessionStorage) at creation', () => {
    expect(() =>
      createJourneyClient(
        config({ modules: { session: { storage: { id: 'made-up', kind: 'session' } } } }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'JOURNEY_INIT_ERROR',
        message: expect.stringContaining('No session storage is configured for id=made-up'),
      }),
    );
  });
});

describe('logging', () => {
  it('does not log through modules.oidc.logger: the client logs through the top-level logger', async () => {
    const top = capture();
    const oidcOnly = capture();
    const client = createJourneyClient(
      config({
        logger: top.logger,
        modules: { oidc: { ...server.clientConfig.modules.oidc, logger: oidcOnly.logger } },
      }),
    );
    await signIn(client);
    await client.user();
    expect(oidcOnly.lines).toEqual([]);
    expect(top.lines.length).toBeGreaterThan(0);
  });

  it('logs nothing without a logger', async () => {
    const spies = (['log', 'debug', 'info', 'warn', 'error'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    try {
      const client = createJourneyClient(config());
      await signIn(client);
      await client.user();
      await client.logoutUser();
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});

it('waits for a reply no longer than timeout', async () => {
  server.inject('authenticate', { delayMs: 2_000, times: 1 });
  const client = createJourneyClient(config({ timeout: 200 }));
  const node = await client.start('Login');
  expect(node).toMatchObject({
    type: 'FailureNode',
    error: { code: 'JOURNEY_START_ERROR', type: 'network_error', retryable: true },
  });
  expect(server.count('authenticate')).toBe(1);
});

it('mints tokens with explicit openId endpoints, never asking discovery, with the OIDC options sent', async () => {
  const discovery = (await (await fetch(server.discoveryEndpoint)).json()) as Record<
    string,
    string
  >;
  server.resetLog();
  const { fetch: recording, urls } = recordingFetch();
  const { lines, logger: log } = capture('warn');
  const client = createJourneyClient(
    config({
      fetch: recording,
      logger: log,
      modules: {
        oidc: {
          clientId: server.clientId,
          redirectUri: server.redirectUri,
          openId: {
            authorizationEndpoint: discovery.authorization_endpoint!,
            tokenEndpoint: discovery.token_endpoint!,
            userinfoEndpoint: discovery.userinfo_endpoint!,
            revocationEndpoint: discovery.revocation_endpoint,
            endSessionEndpoint: discovery.end_session_endpoint,
          },
          scopes: ['openid', 'profile'],
          acrValues: 'loa-2',
          uiLocales: 'en fr',
          refreshThreshold: 30,
          loginHint: 'demo',
          additionalParameters: { audience: 'urn:example:api' },
          signOutRedirectUri: server.signOutRedirectUri,
          state: 'state-123',
          nonce: 'nonce-123',
          display: 'page',
          prompt: 'login',
        },
      },
    }),
  );
  await signIn(client);
  const user = (await client.user())!;
  expect(user).toMatchObject({
    accessToken: expect.any(String),
    userInfo: { sub: expect.any(String) },
  });
  expect(server.count('discovery')).toBe(0);
  expect(server.grants.authorization_code).toBe(1);
  const authorize = new URL(urls.find((u) => u.startsWith(discovery.authorization_endpoint!))!);
  const sent = Object.fromEntries(authorize.searchParams);
  expect(sent).toMatchObject({
    scope: 'openid profile',
    acr_values: 'loa-2',
    ui_locales: 'en fr',
    login_hint: 'demo',
    audience: 'urn:example:api',
    prompt: 'none',
  });
  // A silent authorize sends its own state and nonce; the fixed ones are not used, and said so.
  expect(sent.state).not.toBe('state-123');
  expect(sent.nonce).not.toBe('nonce-123');
  expect(
    lines.filter((l) => l.includes('is ignored: tokens are minted by a silent authorize')),
  ).toHaveLength(4);
  expect(await client.revoke()).toBe(true);
  expect(await server.isAccessTokenActive(user.accessToken)).toBe(false);
  expect(server.count('discovery')).toBe(0);
});

describe('the journey', () => {
  it('init() and getId() give one id, and ask the server nothing', async () => {
    const client = createJourneyClient(config());
    const id = await client.init();
    expect(typeof id).toBe('string');
    expect(await client.getId()).toBe(id);
    expect(await client.init()).toBe(id);
    expect(server.count()).toBe(0);
  });

  it('start() sends the journey name and the options', async () => {
    const { fetch: recording, urls } = recordingFetch();
    const client = createJourneyClient(config({ fetch: recording }));
    const first = await client.start('Login', { forceAuth: true, noSession: true });
    expect(first).toMatchObject({ type: 'ContinueNode', callbacks: expect.any(Array) });
    const query = Object.fromEntries(new URL(urls[0]!).searchParams);
    expect(query).toMatchObject({
      authIndexType: 'service',
      authIndexValue: 'Login',
      ForceAuth: 'true',
      noSession: 'true',
    });
    // noSession: through the journey, without a session on the server or here.
    const done = await client.next({
      callbacks: [
        { type: 'NameCallback', value: 'demo' },
        { type: 'PasswordCallback', value: 'Ch4ng3it!' },
      ],
    });
    expect(done.type).toBe('SuccessNode');
    expect(await client.ssoToken()).toBeNull();
  });

  it('refuses an empty journey name before sending anything', async () => {
    const client = createJourneyClient(config());
    const error = await client.start('   ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'JourneyError',
      code: 'JOURNEY_START_ERROR',
      type: 'argument_error',
    });
    expect(server.count()).toBe(0);
  });

  it('next() sends the values given to the callbacks of the current step', async () => {
    const client = createJourneyClient(config());
    await client.start('Login');
    const node = await client.next({ callbacks: [{ type: 'NameCallback', value: 'user' }] });
    expect(node).toBeDefined();
    const step = server.journeySteps.at(-1)!;
    expect(step.inputs[0]).toMatchObject({ name: 'IDToken1', type: 'string', value: 'user' });
    expect(server.count('authenticate')).toBe(2);
  });

  it('refuses an empty resume URI before sending anything', async () => {
    const client = createJourneyClient(config());
    const error = await client.resume('   ').catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'JourneyError',
      code: 'JOURNEY_RESUME_ERROR',
      type: 'argument_error',
    });
    expect(server.count()).toBe(0);
  });

  it('resume() of a redirect URL without a suspendedId is a FailureNode, sent nowhere', async () => {
    const client = createJourneyClient(config());
    const node = await client.resume('https://example.com/callback?code=abc');
    expect(node).toMatchObject({
      type: 'FailureNode',
      message: expect.stringContaining('suspendedId'),
    });
    expect(server.count()).toBe(0);
  });

  it("shows a step's header, description, stage and the texts localised from a JSON stage", async () => {
    const client = createJourneyClient(config({ locale: 'en' }));
    const node = await client.start('Registration');
    expect(node).toMatchObject({
      type: 'ContinueNode',
      header: 'Sign Up',
      description: expect.any(String),
      stage: expect.stringContaining('submitButtonText'),
      submitButtonText: 'Create account',
      pageFooter: 'We never share your details.',
    });
  });

  it('shows empty strings for the page texts AM did not send', async () => {
    const client = createJourneyClient(config());
    const node = await client.start('Login');
    expect(node).toMatchObject({
      type: 'ContinueNode',
      description: '',
      submitButtonText: '',
      pageFooter: '',
    });
  });

  it('dispose() drops the journey in progress; the client starts again afterwards', async () => {
    const client = createJourneyClient(config());
    const id = await client.init();
    await client.start('Login');
    await client.dispose();
    await expect(client.next()).rejects.toMatchObject({ code: 'JOURNEY_STATE_ERROR' });
    expect(await client.init()).toBe(id);
    expect((await client.start('Login')).type).toBe('ContinueNode');
  });

  it('dispose() of a client never used asks the server nothing', async () => {
    const client = createJourneyClient(config());
    await expect(client.dispose()).resolves.toBeUndefined();
    expect(server.count()).toBe(0);
  });

  it('init() while dispose() is under way, then again: the client stays usable', async () => {
    const client = createJourneyClient(config());
    await client.init();
    const [, id] = await Promise.all([client.dispose(), client.init()]);
    expect(typeof id).toBe('string');
    expect((await signIn(client)).type).toBe('SuccessNode');
  });
});

describe('the session methods', () => {
  it('user, refresh, revoke, userinfo, ssoToken and logoutUser, as the server sees them', async () => {
    const client = createJourneyClient(config());
    await signIn(client);
    const sso = (await client.ssoToken())!;
    expect(sso).toEqual({ value: expect.any(String), successUrl: expect.any(String), realm: '/' });
    const user = (await client.user())!;
    expect(user).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    const refreshed = (await client.refresh())!;
    expect(refreshed.accessToken).not.toBe(user.accessToken);
    expect(server.grants.refresh_token).toBe(1);
    expect(await client.userinfo()).toMatchObject({ sub: expect.any(String) });
    expect(await client.revoke()).toBe(true);
    expect(await server.isAccessTokenActive(refreshed.accessToken)).toBe(false);
    expect(server.isSessionValid(sso.value)).toBe(true); // revoke() keeps the SSO session
    expect(await client.logoutUser()).toBe(true);
    expect(server.isSessionValid(sso.value)).toBe(false);
    expect(await client.ssoToken()).toBeNull();
  });

  it('user() is null when there is no session, without a request', async () => {
    const client = createJourneyClient(config());
    expect(await client.user()).toBeNull();
    expect(server.count()).toBe(0);
  });

  it('rejects with a JourneyError when the server fails the operation', async () => {
    const client = createJourneyClient(config());
    await signIn(client);
    server.inject('authorize', { status: 500 });
    const failed = await client.user().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(JourneyError);
    expect(failed).toMatchObject({ name: 'JourneyError', code: 'JOURNEY_USER_ERROR' });
    server.clearFaults();
    await client.user();
    server.inject('userinfo', { status: 500 });
    await expect(client.userinfo()).rejects.toMatchObject({
      name: 'JourneyError',
      code: 'JOURNEY_USER_ERROR',
      status: 500,
    });
  });
});
