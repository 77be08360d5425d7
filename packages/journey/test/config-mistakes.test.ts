// Configuration mistakes a plain-JavaScript app can make, each caught at creation (or at the call)
// with a JOURNEY_CONFIG_ERROR or a warning that names the option and the likely fix.
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { createJourneyClient, JourneyError, logger, type JourneyConfig } from '@journeykit/journey';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const serverUrl = 'https://am.example.com/am';
const oidc = {
  clientId: 'app',
  redirectUri: 'com.example.app:/oauth2redirect',
  discoveryEndpoint:
    'https://am.example.com/am/oauth2/realms/root/.well-known/openid-configuration',
};

/** Creates a client from what a JavaScript app might write; returns the warnings it logged. */
function create(config: unknown): string[] {
  const warnings: string[] = [];
  const log = logger({ level: 'warn', custom: { warn: (...a) => warnings.push(a.join(' ')) } });
  createJourneyClient({ logger: log, ...(config as JourneyConfig) });
  return warnings;
}

/** The error creating such a client throws. */
function refusal(config: unknown): JourneyError {
  try {
    create(config);
  } catch (error) {
    return error as JourneyError;
  }
  throw new Error('the configuration was accepted');
}

describe('a value of the wrong type is a JOURNEY_CONFIG_ERROR naming the option', () => {
  it.each([
    ['realm: 42', { serverUrl, realm: 42 }, 'realm must be a string, not number'],
    ['serverUrl: 42', { serverUrl: 42 }, 'serverUrl must be a string, not number'],
    ['cookie: null', { serverUrl, cookie: null }, 'cookie must be a string, not null'],
    ["timeout: '5000'", { serverUrl, timeout: '5000' }, 'timeout must be a number, not string'],
    ['modules: []', { serverUrl, modules: [] }, 'modules must be an object, not array'],
    [
      "scopes: 'openid profile'",
      { serverUrl, modules: { oidc: { ...oidc, scopes: 'openid profile' } } },
      'modules.oidc.scopes must be an array of strings, not string',
    ],
    [
      'refreshThreshold: -1',
      { serverUrl, modules: { oidc: { ...oidc, refreshThreshold: -1 } } },
      'refreshThreshold must be 0 or more seconds',
    ],
    [
      'openId.tokenEndpoint: 1',
      {
        serverUrl,
        modules: { oidc: { ...oidc, openId: { tokenEndpoint: 1 } } },
      },
      'modules.oidc.openId.tokenEndpoint must be a string, not number',
    ],
  ])('%s', (_, config, message) => {
    const error = refusal(config);
    expect(error).toBeInstanceOf(JourneyError);
    expect(error).toMatchObject({ code: 'JOURNEY_CONFIG_ERROR', type: 'argument_error' });
    expect(error.message).toContain(message);
  });
});

describe('an OIDC module that cannot work is a JOURNEY_CONFIG_ERROR saying what it needs', () => {
  it.each([
    ['no clientId', { redirectUri: oidc.redirectUri, discoveryEndpoint: oidc.discoveryEndpoint }],
    ['no redirectUri', { clientId: 'app', discoveryEndpoint: oidc.discoveryEndpoint }],
    ['neither discoveryEndpoint nor openId', { clientId: 'app', redirectUri: oidc.redirectUri }],
  ])('%s', (_, module) => {
    expect(refusal({ serverUrl, modules: { oidc: module } })).toMatchObject({
      code: 'JOURNEY_CONFIG_ERROR',
      message: expect.stringContaining(
        'modules.oidc needs clientId, redirectUri, and either discoveryEndpoint or openId',
      ),
    });
  });

  it('openId without its three main endpoints', () => {
    const openId = { authorizationEndpoint: 'https://am.example.com/am/oauth2/authorize' };
    expect(
      refusal({ serverUrl, modules: { oidc: { ...oidc, discoveryEndpoint: undefined, openId } } }),
    ).toMatchObject({
      code: 'JOURNEY_CONFIG_ERROR',
      message: expect.stringContaining(
        'modules.oidc.openId needs authorizationEndpoint, tokenEndpoint, userinfoEndpoint',
      ),
    });
  });

  it('openId whose issuer cannot be told from its authorization endpoint', () => {
    const openId = {
      authorizationEndpoint: 'https://idp.example.com/oauth/auth',
      tokenEndpoint: 'https://idp.example.com/oauth/token',
      userinfoEndpoint: 'https://idp.example.com/oauth/me',
    };
    const config = { serverUrl, modules: { oidc: { ...oidc, discoveryEndpoint: undefined } } };
    expect(
      refusal({ ...config, modules: { oidc: { ...config.modules.oidc, openId } } }),
    ).toMatchObject({
      code: 'JOURNEY_CONFIG_ERROR',
      message: expect.stringContaining('modules.oidc.openId.issuer is needed'),
    });
    expect(
      create({
        ...config,
        modules: { oidc: { ...config.modules.oidc, openId: { ...openId, issuer: 'https://idp' } } },
      }),
    ).toEqual([]);
  });

  it('an openId endpoint on plain http', () => {
    const openId = {
      authorizationEndpoint: 'https://am.example.com/am/oauth2/authorize',
      tokenEndpoint: 'http://am.example.com/am/oauth2/access_token',
      userinfoEndpoint: 'https://am.example.com/am/oauth2/userinfo',
    };
    expect(refusal({ serverUrl, modules: { oidc: { ...oidc, openId } } })).toMatchObject({
      code: 'JOURNEY_CONFIG_ERROR',
      message: expect.stringContaining('openId.tokenEndpoint must use https'),
    });
  });
});

describe('a misspelled or misplaced option is a warning naming it and the likely fix', () => {
  it.each([
    [
      'realms',
      { serverUrl, realms: 'alpha' },
      'realms is not an option and is ignored: did you mean realm?',
    ],
    ['realmPath', { serverUrl, realmPath: '/alpha' }, 'did you mean realm?'],
    [
      'serverURL',
      { serverUrl, serverURL: serverUrl },
      'serverURL is not an option and is ignored: did you mean serverUrl?',
    ],
    [
      'top-level oidc',
      { serverUrl, oidc },
      'oidc is not an option and is ignored: did you mean modules.oidc?',
    ],
    [
      'top-level storage',
      { serverUrl, storage: { getItem() {}, setItem() {}, removeItem() {} } },
      'storage is not an option and is ignored: did you mean modules.session.storage?',
    ],
    [
      'modules.storage',
      { serverUrl, modules: { storage: { getItem() {}, setItem() {}, removeItem() {} } } },
      'modules.storage is not an option and is ignored: did you mean modules.session.storage?',
    ],
    [
      'scope',
      { serverUrl, modules: { oidc: { ...oidc, scope: 'openid' } } },
      'modules.oidc.scope is not an option and is ignored: did you mean scopes?',
    ],
    [
      'clientID',
      { serverUrl, modules: { oidc: { ...oidc, clientID: 'app' } } },
      'modules.oidc.clientID is not an option and is ignored: did you mean clientId?',
    ],
    ['an unknown option', { serverUrl, tree: 'Login' }, 'tree is not an option and is ignored.'],
    [
      'state, which a silent authorize makes itself',
      { serverUrl, modules: { oidc: { ...oidc, state: 'abc' } } },
      'modules.oidc.state is ignored: tokens are minted by a silent authorize, which sets its own',
    ],
    [
      'a serverUrl without the AM path',
      { serverUrl: 'https://am.example.com' },
      'serverUrl https://am.example.com has no path: AM usually lives under one (e.g. https://am.example.com/am)',
    ],
  ])('%s', (_, config, warning) => {
    expect(create(config)).toEqual([expect.stringContaining(warning)]);
  });

  it('a correct configuration warns of nothing', () => {
    expect(create({ serverUrl, realm: 'alpha', timeout: 5000, modules: { oidc } })).toEqual([]);
  });

  it('goes to the console when the app configured no logger', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      createJourneyClient({ serverUrl, realms: 'alpha' } as JourneyConfig);
      expect(warn).toHaveBeenCalledWith(
        '[@journeykit/journey] realms is not an option and is ignored: did you mean realm?',
      );
    } finally {
      warn.mockRestore();
    }
  });
});

describe('against a server', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer();
  });
  afterAll(() => server.close());

  it('start(123) says the name must be a string, and sends nothing', async () => {
    const client = createJourneyClient(server.clientConfig);
    server.resetLog();
    await expect(client.start(123 as unknown as string)).rejects.toMatchObject({
      code: 'JOURNEY_START_ERROR',
      type: 'argument_error',
      message: 'Journey name must be a string, not number.',
    });
    await expect(client.start(' ')).rejects.toMatchObject({
      message: 'Journey name must not be empty.',
    });
    expect(server.count()).toBe(0);
  });

  it('a serverUrl without the AM path: the 404 says what to check', async () => {
    const client = createJourneyClient({
      ...server.clientConfig,
      serverUrl: server.origin,
      logger: logger(),
    });
    const node = await client.start('Login');
    expect(node).toMatchObject({
      type: 'FailureNode',
      message: expect.stringContaining(
        '(HTTP 404): is serverUrl the AM base URL with its path (…/am)?',
      ),
      error: { code: 'JOURNEY_START_ERROR', status: 404 },
    });
    // The server saw the request at the wrong path and answered it.
    expect(server.requests.at(-1)).toMatchObject({
      path: '/json/realms/root/authenticate',
      status: 404,
    });
  });
});
