import fc from 'fast-check';
import {
  createJourneyClient,
  JourneyError,
  type FetchLike,
  type JourneyClient,
  type JourneyConfig,
  type KeyValueStorage,
  type OidcModuleConfig,
} from '@journeykit/journey';
import { afterAll, expect, it } from 'vitest';
import { disk } from './tokens-helpers';

// Property tests over everything the SDK decides on server input (issue 7, second bullet). CI runs
// a bounded number of cases; `npm run fuzz` sets FUZZ_RUNS=100000 and reports what ran.

export const RUNS = Number(process.env.FUZZ_RUNS) || 150;
const ran: [string, number][] = [];

afterAll(() => {
  const lines = ran.map(([name, cases]) => `  ${cases.toLocaleString('en')} cases  ${name}`);
  console.log(
    `fuzz: ${ran.length} properties, ${RUNS.toLocaleString('en')} runs each\n${lines.join('\n')}`,
  );
});

/** A property: `check` must hold for every generated value; the cases actually run are counted. */
export function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => unknown) {
  it(
    name,
    async () => {
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (value) => {
          cases++;
          await check(value);
        }),
        { numRuns: RUNS },
      );
      ran.push([name, cases]);
      expect(cases).toBeGreaterThanOrEqual(RUNS);
    },
    RUNS > 1000 ? 3_600_000 : undefined,
  );
}

/** Names servers and the SDK use, and names that reach into a JavaScript object's prototype. */
const names = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'type',
  'raw',
  'name',
  'value',
  'output',
  'input',
  'callbacks',
  'authId',
  'tokenId',
  'successUrl',
  'realm',
  'message',
  'code',
  'reason',
  'stage',
  'prompt',
  'choices',
  'options',
  'messageType',
  'optionType',
  'failedPolicies',
  'policies',
  'data',
  'v',
  'kind',
  'accessToken',
  'refreshToken',
  'expiresAt',
  'access_token',
  'refresh_token',
  'id_token',
  'expires_in',
  'error',
  'issuer',
];
export const key = fc.oneof(
  { arbitrary: fc.constantFrom(...names), weight: 3 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
);
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...names, '', '0', '1', 'true', '-1'),
  fc.integer({ min: -3, max: 5 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const object = (entries: [string, string][]) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

/** JSON text of any value; objects may carry any key, `__proto__` included, as a server's can. */
export const json: fc.Arbitrary<string> = fc.letrec<{ json: string }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    scalar.map((v) => JSON.stringify(v)),
    fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(key, tie('json')), { maxLength: 5 }).map(object),
  ),
})).json;

/** JSON text of an object with these fields (each present or not) and any others. */
export function shaped(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const known = Object.entries(fields).map(([name, value]) =>
    fc.option(
      value.map((v): [string, string] => [name, v]),
      { nil: undefined },
    ),
  );
  return fc
    .tuple(fc.tuple(...known), fc.array(fc.tuple(key, json), { maxLength: 2 }))
    .chain(([picked, extra]) =>
      fc.shuffledSubarray([...picked.filter((e) => e !== undefined), ...extra], {
        minLength: picked.filter((e) => e !== undefined).length,
      }),
    )
    .map(object);
}

/** Any body a server could send: JSON, JSON cut short, HTML, text. */
export const body = fc.oneof(
  { arbitrary: json, weight: 4 },
  { arbitrary: json.map((t) => t.slice(0, Math.floor(t.length / 2))), weight: 1 },
  { arbitrary: fc.string(), weight: 1 },
  {
    arbitrary: fc.constantFrom('', 'null', '{}', '[]', '<html><body>Oops</body></html>'),
    weight: 1,
  },
);

export const status = fc.oneof(
  { arbitrary: fc.constant(200), weight: 4 },
  { arbitrary: fc.constantFrom(201, 204, 302, 400, 401, 403, 404, 429, 500, 502, 503), weight: 2 },
  { arbitrary: fc.integer({ min: 200, max: 599 }), weight: 1 },
);

export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export const reply = (bodies: fc.Arbitrary<string> = body): fc.Arbitrary<Reply> =>
  fc.record({ status, body: bodies });

// The fake AM and OAuth server of the fuzz runs: right by default, each answer replaceable.

export const ORIGIN = 'https://am.example.com';
export const SERVER_URL = `${ORIGIN}/am`;
export const ISSUER = `${SERVER_URL}/oauth2/realms/root`;
export const COOKIE = 'iPlanetDirectoryPro';
export const SSO = 'sso-token-from-the-fake-server';
export const REDIRECT_URI = 'com.example.app:/callback';
export const CLIENT_ID = 'fuzz-app';
export const NOW = Date.UTC(2030, 0, 1);

export const discoveryDoc = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/authorize`,
  token_endpoint: `${ISSUER}/access_token`,
  userinfo_endpoint: `${ISSUER}/userinfo`,
  revocation_endpoint: `${ISSUER}/token/revoke`,
  end_session_endpoint: `${ISSUER}/connect/endSession`,
  response_modes_supported: ['query', 'form_post'],
};

export type Route =
  | 'authenticate'
  | 'sessions'
  | 'discovery'
  | 'authorize'
  | 'token'
  | 'userinfo'
  | 'revoke'
  | 'endSession'
  | 'elsewhere';

const routes: [Route, string][] = [
  ['authenticate', `${SERVER_URL}/json/realms/root/authenticate`],
  ['sessions', `${SERVER_URL}/json/realms/root/sessions/`],
  ['discovery', `${ISSUER}/.well-known/openid-configuration`],
  ['authorize', discoveryDoc.authorization_endpoint],
  ['token', discoveryDoc.token_endpoint],
  ['userinfo', discoveryDoc.userinfo_endpoint],
  ['revoke', discoveryDoc.revocation_endpoint],
  ['endSession', discoveryDoc.end_session_endpoint],
];

export const jwt = (claims: Record<string, unknown>) =>
  [{ alg: 'none' }, claims]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .concat('sig')
    .join('.');

export interface Sent {
  route: Route;
  url: string;
  headers: Record<string, string>;
  body: string;
  status?: number;
  reply?: string;
}

/** What the fake server knows while it answers: the last authorize request's state and nonce. */
export interface Exchange {
  url: string;
  form: URLSearchParams;
  nonce: string;
  count: number;
}

export type Answer = (exchange: Exchange) => Reply | undefined;

/** A fake AM with its OAuth side, answering right unless `answers` say otherwise (undefined: right). */
export function fakeServer(answers: Partial<Record<Route, Answer>> = {}) {
  const sent: Sent[] = [];
  let nonce = '';
  let issued = 0;
  const right: Record<Route, (x: Exchange) => Reply> = {
    authenticate: () => ({
      status: 200,
      body: JSON.stringify({ tokenId: SSO, successUrl: '/am/console', realm: '/' }),
    }),
    sessions: () => ({ status: 200, body: '{"result":"Successfully logged out"}' }),
    discovery: () => ({ status: 200, body: JSON.stringify(discoveryDoc) }),
    authorize: ({ url }) => {
      const query = new URL(url).searchParams;
      const answer = `code=code-${++issued}&state=${query.get('state')}&iss=${encodeURIComponent(ISSUER)}`;
      if (query.get('response_mode') === 'form_post')
        return {
          status: 200,
          body: `<form method="post" action="${REDIRECT_URI}">${answer
            .split('&')
            .map((p) => p.split('='))
            .map(([n, v]) => `<input type="hidden" name="${n}" value="${decodeURIComponent(v!)}"/>`)
            .join('')}</form>`,
        };
      return { status: 302, headers: { location: `${REDIRECT_URI}?${answer}` } };
    },
    token: ({ form }) => ({ status: 200, body: JSON.stringify(tokenReply(form, nonce, ++issued)) }),
    userinfo: () => ({ status: 200, body: '{"sub":"demo","name":"Demo"}' }),
    revoke: () => ({ status: 200, body: '' }),
    endSession: () => ({ status: 204 }),
    elsewhere: () => ({ status: 404, body: 'not here' }),
  };
  const fetch: FetchLike = (url, init = {}) => {
    const path = url.split('?')[0]!;
    const route = routes.find(([, at]) => at === path)?.[0] ?? 'elsewhere';
    const body = typeof init.body === 'string' ? init.body : '';
    const record: Sent = { route, url, body, headers: { ...(init.headers as object) } };
    sent.push(record);
    if (route === 'authorize') nonce = new URL(url).searchParams.get('nonce') ?? '';
    const exchange = { url, form: new URLSearchParams(body), nonce, count: sent.length };
    const { status, body: text, headers } = answers[route]?.(exchange) ?? right[route](exchange);
    Object.assign(record, { status, reply: text });
    const empty = [101, 204, 205, 304].includes(status) || text === undefined;
    return Promise.resolve(
      new Response(empty ? null : text, {
        status,
        headers: { 'retry-after': '0', 'content-type': 'application/json', ...headers },
      }),
    );
  };
  return { fetch, sent, right };
}

/** ID token claims that pass every check for this client (a nonce only for the code exchange). */
export const idTokenClaims = (nonce?: string) => ({
  iss: ISSUER,
  aud: CLIENT_ID,
  sub: 'demo',
  exp: NOW / 1000 + 3600,
  iat: NOW / 1000,
  ...(nonce === undefined ? {} : { nonce }),
});

/** A token endpoint reply that passes every check: tokens, and an ID token for this client. */
export function tokenReply(form: URLSearchParams, nonce: string, n: number) {
  const first = form.get('grant_type') === 'authorization_code';
  return {
    access_token: `at-${n}`,
    refresh_token: `rt-${n}`,
    id_token: jwt(idTokenClaims(first ? nonce : undefined)),
    token_type: 'Bearer',
    expires_in: 3600,
  };
}

/** A client of the fake server, over a storage the test can read. */
export function fakeClient(
  server: ReturnType<typeof fakeServer>,
  options: Partial<JourneyConfig> & {
    drive?: ReturnType<typeof disk>;
    storage?: KeyValueStorage;
    oidc?: Partial<OidcModuleConfig>;
  } = {},
) {
  const { drive = disk(), storage = drive.open(), oidc, ...config } = options;
  const client: JourneyClient = createJourneyClient({
    serverUrl: SERVER_URL,
    fetch: server.fetch,
    clock: () => NOW,
    modules: {
      session: { storage },
      oidc: {
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        discoveryEndpoint: routes[2]![1],
        ...oidc,
      },
    },
    ...config,
  });
  return { client, drive };
}

/** Awaits a call: resolves its value, or the JourneyError it rejected with; anything else fails. */
export async function settled<T>(call: Promise<T>): Promise<T | JourneyError> {
  try {
    return await call;
  } catch (error) {
    expect(error).toBeInstanceOf(JourneyError);
    expect((error as JourneyError).code).toMatch(/^JOURNEY_[A-Z_]+_ERROR$/);
    return error as JourneyError;
  }
}
