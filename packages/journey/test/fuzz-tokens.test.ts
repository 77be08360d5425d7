import fc from 'fast-check';
import { JourneyError, type JourneyUserSession } from '@journeykit/journey';
import { describe, expect } from 'vitest';
import {
  body,
  CLIENT_ID,
  COOKIE,
  discoveryDoc,
  fakeClient,
  fakeServer,
  fuzz,
  idTokenClaims,
  ISSUER,
  json,
  jwt,
  key,
  NOW,
  ORIGIN,
  reply,
  settled,
  shaped,
  SSO,
  status,
  type Exchange,
  type Reply,
} from './fuzz-helpers';
import { disk } from './tokens-helpers';

// Token endpoint, userinfo and revocation replies, discovery documents, form_post pages and
// stored records, at the public API. Properties: every call resolves or rejects with a typed
// JourneyError; storage holds only records the SDK can read back; a refresh token the server may
// have rotated is never sent again; the SSO token goes to the configured origin only.

const quoted = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((s) => JSON.stringify(s));
const tokenValue = fc.oneof(quoted(fc.string({ minLength: 1, maxLength: 10 })), json);
const idTokenKinds = ['valid', 'other-nonce', 'expired', 'other-audience', 'not-a-jwt'] as const;

/** A token endpoint answer: a reply shaped like tokens with odd fields, or anything at all. */
const tokenPlan = fc.record({
  status,
  shaped: fc.boolean(),
  fields: fc.record({
    access_token: tokenValue,
    refresh_token: fc.option(tokenValue, { nil: undefined }),
    id_token: fc.option(fc.constantFrom(...idTokenKinds), { nil: undefined }),
    expires_in: fc.option(fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), json), {
      nil: undefined,
    }),
    extra: fc.array(fc.tuple(key, json), { maxLength: 2 }),
  }),
  raw: body,
});
type TokenPlan = typeof tokenPlan extends fc.Arbitrary<infer T> ? T : never;

function idToken(kind: (typeof idTokenKinds)[number], nonce: string): string {
  const claims = idTokenClaims(nonce);
  if (kind === 'other-nonce') return jwt({ ...claims, nonce: 'another' });
  if (kind === 'expired') return jwt({ ...claims, exp: NOW / 1000 - 3600 });
  if (kind === 'other-audience') return jwt({ ...claims, aud: 'someone-else' });
  return kind === 'valid' ? jwt(claims) : 'not.a.jwt';
}

function render(plan: TokenPlan, { nonce, form }: Exchange): Reply {
  if (!plan.shaped) return { status: plan.status, body: plan.raw };
  const { id_token, extra, ...fields } = plan.fields;
  const nonceFor = form.get('grant_type') === 'authorization_code' ? nonce : undefined;
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined) as [string, string][];
  if (id_token) entries.push(['id_token', JSON.stringify(idToken(id_token, nonceFor ?? ''))]);
  return {
    status: plan.status,
    body: `{${[...entries, ...extra].map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`,
  };
}

/** What storage holds is a record the SDK wrote and can read back, or nothing. */
function readable(items: Map<string, string>) {
  for (const [name, raw] of items) {
    const record = JSON.parse(raw) as { v: number; kind: string; data: Record<string, unknown> };
    expect(record.v).toBe(1);
    if (name.startsWith('journeykit.tokens:')) {
      expect(record.kind).toBe('tokens');
      expect(typeof record.data.accessToken).toBe('string');
    } else expect(record).toMatchObject({ kind: 'session', data: { value: SSO } });
  }
}

/** A session a method resolved to: null, or tokens as the API promises them. */
function session(value: JourneyUserSession | null | JourneyError) {
  if (value === null || value instanceof JourneyError) return;
  expect(typeof value.accessToken).toBe('string');
  expect(value.accessToken).not.toBe('');
  for (const n of [value.expiresIn, value.expiresAt])
    if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
}

/**
 * Refresh tokens the server had every right to rotate away, and which were nevertheless sent
 * again: it answered neither a 4xx nor a 503, and did not give the same token back (or none, as a
 * server that does not rotate does).
 */
function replays(sent: ReturnType<typeof fakeServer>['sent']): string[] {
  const spent = new Set<string>();
  const replayed: string[] = [];
  for (const s of sent.filter((x) => x.route === 'token')) {
    const token = new URLSearchParams(s.body).get('refresh_token');
    if (token === null) continue;
    if (spent.has(token)) replayed.push(token);
    const unprocessed = s.status === 503 || (s.status! >= 400 && s.status! < 500);
    const kept =
      s.status! < 300 && [undefined, token].includes(parsed(s.reply)?.refresh_token as string);
    if (!unprocessed && !kept) spent.add(token);
  }
  return replayed;
}

function parsed(text = ''): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

describe('fuzzing tokens', () => {
  fuzz(
    'token, userinfo and revocation replies: typed outcomes, readable storage, no refresh token replayed',
    fc.record({
      plans: fc.array(tokenPlan, { minLength: 3, maxLength: 3 }),
      userinfo: fc.array(reply(), { minLength: 1, maxLength: 3 }),
      revoke: reply(),
    }),
    async ({ plans, userinfo, revoke }) => {
      let grants = 0;
      let infos = 0;
      const server = fakeServer({
        token: (x) => render(plans[Math.min(grants++, plans.length - 1)]!, x),
        userinfo: () => userinfo[Math.min(infos++, userinfo.length - 1)],
        revoke: () => revoke,
      });
      const { client, drive } = fakeClient(server);
      await client.start('Login');
      session(await settled(client.user()));
      readable(drive.items);
      await settled(client.userinfo());
      session(await client.refresh());
      readable(drive.items);
      expect(typeof (await settled(client.revoke()))).not.toBe('undefined');
      session(await settled(client.user()));
      readable(drive.items);
      expect(await client.ssoToken()).toMatchObject({ value: SSO });
      expect(replays(server.sent)).toEqual([]);
      expect(await client.logoutUser()).toBe(true);
      expect([...drive.items.keys()]).toEqual([]);
    },
  );

  const endpoint = fc.oneof(
    quoted(fc.constantFrom(...Object.values(discoveryDoc).filter((v) => typeof v === 'string'))),
    quoted(
      fc.constantFrom(
        'https://evil.example/authorize',
        'http://am.example.com/am/oauth2/realms/root/authorize',
        `${ORIGIN}@evil.example/authorize`,
        `${ORIGIN}.evil.example/authorize`,
        `${ORIGIN}:444/authorize`,
        'https://evil.example\\@am.example.com/authorize',
        'https://evil.example\\.am.example.com/authorize',
        'HTTPS://AM.EXAMPLE.COM/am/oauth2/realms/root/authorize',
        'https://am.example.com:443/am/oauth2/realms/root/authorize',
        'https://am.example.com%2f@evil.example/',
        '//evil.example/authorize',
        '/am/oauth2/realms/root/authorize',
        'javascript:alert(1)',
      ),
    ),
    quoted(fc.webUrl()),
    json,
  );

  fuzz(
    'discovery documents: typed outcomes, and the SSO token only ever sent to the configured origin over https',
    shaped({
      issuer: fc.oneof(quoted(fc.constant(ISSUER)), json),
      authorization_endpoint: endpoint,
      token_endpoint: endpoint,
      userinfo_endpoint: endpoint,
      revocation_endpoint: endpoint,
      end_session_endpoint: endpoint,
      response_modes_supported: json,
    }),
    async (doc) => {
      const server = fakeServer({ discovery: () => ({ status: 200, body: doc }) });
      const { client, drive } = fakeClient(server);
      await client.start('Login');
      session(await settled(client.user()));
      await settled(client.userinfo());
      readable(drive.items);
      expect(await client.logoutUser()).toBe(true);
      for (const sent of server.sent) {
        const withSso = Object.keys(sent.headers).some(
          (h) => h.toLowerCase() === COOKIE.toLowerCase(),
        );
        if (withSso) expect(new URL(sent.url).origin).toBe(ORIGIN);
        expect(sent.url).toMatch(/^https:\/\//i);
      }
    },
  );

  const formInput = fc
    .record({
      name: fc.oneof(fc.constantFrom('code', 'state', 'iss', 'error', 'error_description'), key),
      value: fc.oneof(fc.constantFrom('{state}', '{issuer}', 'c0de'), fc.string({ maxLength: 8 })),
      quote: fc.constantFrom('"', "'", ''),
      entity: fc.boolean(),
    })
    .map(({ name, value, quote, entity }) => {
      const text = entity ? value.replace(/./g, (c) => `&#${c.codePointAt(0)};`) : value;
      return `<input type="hidden" name=${quote}${name}${quote} value=${quote}${text}${quote}>`;
    });
  const page = fc.oneof(
    fc
      .array(formInput, { maxLength: 5 })
      .map((inputs) => `<html><form method="post">${inputs.join('\n')}</form>`),
    fc.string(),
    body,
  );

  fuzz(
    'form_post pages: typed outcomes, and a code is used only from a page with our state',
    fc.record({ page, status: fc.oneof(fc.constant(200), status) }),
    async ({ page: html, status: code }) => {
      const server = fakeServer({
        authorize: ({ url }) => {
          const state = new URL(url).searchParams.get('state')!;
          return {
            status: code,
            body: html.replaceAll('{state}', state).replaceAll('{issuer}', ISSUER),
            headers: { 'content-type': 'text/html' },
          };
        },
      });
      const { client, drive } = fakeClient(server, { oidc: { authorizeStrategy: 'form_post' } });
      await client.start('Login');
      session(await settled(client.user()));
      if (server.sent.some((s) => s.route === 'token')) expect(html).toContain('{state}');
      readable(drive.items);
      expect(await client.ssoToken()).toMatchObject({ value: SSO });
    },
  );

  const record = (kind: fc.Arbitrary<string>, data: fc.Arbitrary<string>) =>
    shaped({ v: fc.oneof(fc.constant('1'), json), kind: quoted(kind), data });
  const storedText = fc.oneof(
    record(
      fc.constant('session'),
      shaped({ value: fc.oneof(quoted(fc.constant(SSO)), json), successUrl: json, realm: json }),
    ),
    record(
      fc.constant('tokens'),
      shaped({
        accessToken: tokenValue,
        refreshToken: tokenValue,
        expiresAt: fc.oneof(fc.constant(String(NOW + 60_000)), json),
        expiresIn: json,
        refreshing: json,
        userInfo: json,
      }),
    ),
    record(fc.constantFrom('session', 'tokens', 'other'), json),
    body,
  );

  fuzz(
    'stored records: anything under the SDK keys reads as a valid session or as none, and logout clears it',
    fc.record({
      session: fc.option(storedText, { nil: undefined }),
      tokens: fc.option(storedText, { nil: undefined }),
      unreadable: fc.boolean(),
    }),
    async ({ session: sessionText, tokens, unreadable }) => {
      const server = fakeServer();
      const drive = disk();
      const namespace = `${ORIGIN}/am|/`;
      if (sessionText !== undefined)
        drive.items.set(`journeykit.session:${namespace}`, sessionText);
      if (tokens !== undefined)
        drive.items.set(`journeykit.tokens:${namespace}|${CLIENT_ID}`, tokens);
      const storage = drive.open();
      const { client } = fakeClient(server, {
        drive,
        storage: {
          ...storage,
          getItem: (k: string) => {
            if (unreadable && k.startsWith('journeykit.session:')) throw new Error('locked');
            return storage.getItem(k);
          },
        },
      });
      const sso = await client.ssoToken();
      if (sso !== null)
        expect(sso).toMatchObject({ value: expect.any(String), realm: expect.any(String) });
      if (sso !== null) expect(sso.value).not.toBe('');
      session(await settled(client.user()));
      await settled(client.userinfo());
      expect(await client.logoutUser()).toBe(true);
      expect([...drive.items.keys()]).toEqual([]);
    },
  );
});
