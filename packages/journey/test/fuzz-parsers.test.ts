import fc from 'fast-check';
import { JourneyError } from '@journeykit/journey';
import { describe, expect } from 'vitest';
import { createCookieJar } from '../src/http/cookies';
import { retryDelay, type HttpResponse } from '../src/http/transport';
import { originOf, parseQuery, queryParams } from '../src/http/url';
import { stageText } from '../src/journey/stage';
import { formInputs } from '../src/oidc/authorize';
import { checkIdToken, decodeJwt, profileClaims } from '../src/oidc/id-token';
import { fuzz, json, jwt, key, ORIGIN, shaped } from './fuzz-helpers';

// The parsers and decisions the public API cannot reach on their own, or not as directly: each
// takes anything without throwing (or throws only a JourneyError) and decides only as it should.

const ownStrings = (record: Record<string, string>) => {
  expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  for (const v of Object.values(record)) expect(typeof v).toBe('string');
};

describe('fuzzing parsers', () => {
  const locale = fc.oneof(fc.constantFrom('en', 'en-GB', 'en_gb', 'fr', 'FR-ca', ''), key);
  fuzz(
    'stage JSON: page texts are always strings, taken from the stage or empty',
    fc.record({
      stage: fc.oneof(
        json,
        fc.string(),
        shaped({
          submitButtonText: fc.oneof(
            json,
            fc.dictionary(locale, json).map((d) => JSON.stringify(d)),
          ),
          pageFooter: json,
        }),
      ),
      locales: fc.array(locale, { maxLength: 3 }),
    }),
    ({ stage, locales }) => {
      for (const name of ['submitButtonText', 'pageFooter'] as const) {
        const text = stageText(stage, name, locales);
        expect(typeof text).toBe('string');
        if (text) expect(stage).toContain(JSON.stringify(text).slice(1, -1).slice(0, 20));
      }
    },
  );

  const now = Date.UTC(2030, 0, 1);
  const expected = { issuer: 'https://am/oauth2', clientId: 'app', nonce: 'n1', now };
  const claim = (right: unknown) => fc.oneof(fc.constant(JSON.stringify(right)), json);
  fuzz(
    'ID tokens: accepted only when every claim checks out, refused with a JourneyError otherwise',
    fc.oneof(
      shaped({
        iss: claim(expected.issuer),
        aud: fc.oneof(claim('app'), claim(['app', 'other'])),
        azp: claim('app'),
        exp: claim(now / 1000 + 60),
        iat: claim(now / 1000),
        nonce: claim('n1'),
        sub: json,
      }).map((text) => jwt(JSON.parse(text) as Record<string, unknown>)),
      fc.string(),
      fc.array(fc.base64String(), { maxLength: 4 }).map((parts) => parts.join('.')),
    ),
    (token) => {
      expect(decodeJwt(token) ?? {}).toBeTypeOf('object');
      expect(profileClaims(token) ?? {}).toBeTypeOf('object');
      let claims: Record<string, unknown>;
      try {
        claims = checkIdToken(token, expected);
      } catch (error) {
        expect(error).toBeInstanceOf(JourneyError);
        return;
      }
      const aud = ([] as unknown[]).concat(claims.aud);
      expect(claims.iss).toBe(expected.issuer);
      expect(aud).toContain('app');
      if (aud.length > 1 || claims.azp !== undefined) expect(claims.azp).toBe('app');
      expect(claims.exp as number).toBeGreaterThanOrEqual(now / 1000 - 60);
      expect(claims.iat as number).toBeLessThanOrEqual(now / 1000 + 60);
      expect(claims.nonce).toBe('n1');
    },
  );

  const urlish = fc
    .array(
      fc.constantFrom(
        ...'/\\@:?#.%[]'.split(''),
        '\t',
        '\n',
        ' ',
        'a',
        'm',
        'x',
        '2f',
        '40',
        '443',
        'evil.example',
        'am.example.com',
        'AM.EXAMPLE.COM',
        'https://',
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));
  fuzz(
    'origins: what the SDK takes for the server origin is where fetch would go',
    fc.tuple(
      fc.constantFrom(
        ORIGIN,
        'HTTPS://AM.EXAMPLE.COM',
        `${ORIGIN}:443`,
        'https://user@am.example.com',
        `${ORIGIN}@`,
        'https://evil.example',
        'https:/',
        'https:',
        '',
      ),
      urlish,
    ),
    ([prefix, rest]) => {
      const url = prefix + rest;
      const origin = originOf(url);
      if (origin !== null) expect(origin).toMatch(/^https?:\/\/[^/\\?#@]+$/);
      if (origin !== ORIGIN) return;
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        return; // fetch refuses it too
      }
      expect(parsed.origin).toBe(ORIGIN);
    },
  );

  fuzz(
    'query strings: parsed without throwing, into plain records of strings',
    fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), urlish),
    (text) => {
      ownStrings(queryParams(text));
      ownStrings(parseQuery(text));
    },
  );

  const attr = fc.tuple(fc.constantFrom('"', "'", ''), fc.string({ maxLength: 8 }));
  fuzz(
    'form_post pages: inputs read into a plain record of strings, the first of a name winning',
    fc.oneof(
      fc.string(),
      fc
        .array(fc.tuple(fc.oneof(fc.constantFrom('code', 'state'), key), attr, fc.string()), {
          maxLength: 5,
        })
        .map((inputs) =>
          inputs
            .map(([n, [q, v], junk]) => `<input ${junk} name=${q}${n}${q} value=${q}${v}${q}>`)
            .join(''),
        ),
    ),
    (html) => ownStrings(formInputs(html)),
  );

  fuzz(
    'Set-Cookie lines: kept or dropped without throwing; the SSO cookie is never kept',
    fc.array(
      fc.oneof(
        fc.string(),
        fc
          .tuple(
            fc.constantFrom('iPlanetDirectoryPro', 'amlbcookie', '', '='),
            fc.string(),
            fc.string(),
          )
          .map(([name, value, attrs]) => `${name}=${value}; ${attrs}`),
      ),
      { maxLength: 4 },
    ),
    (lines) => {
      const jar = createCookieJar('iPlanetDirectoryPro');
      const headers = { get: () => null, getSetCookie: () => lines };
      jar.store({ status: 200, url: '', type: 'basic', headers, body: '' });
      const header = jar.header();
      if (header !== undefined) expect(header).not.toMatch(/(^|; )iPlanetDirectoryPro=/);
    },
  );

  fuzz(
    'Retry-After: a wait of at most 5 s, or none',
    fc.record({
      status: fc.integer({ min: 100, max: 599 }),
      retryAfter: fc.oneof(
        fc.string(),
        fc.nat().map(String),
        fc.date().map((d) => d.toUTCString()),
      ),
      date: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }),
      attempt: fc.nat(4),
      policy: fc.constantFrom('safe', 'unprocessed', undefined),
    }),
    ({ status, retryAfter, date, attempt, policy }) => {
      const response = {
        status,
        url: '',
        type: 'basic',
        body: '',
        headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : null) },
        serverDate: date,
      } as HttpResponse;
      const wait = retryDelay(policy, attempt, response);
      if (wait !== undefined) {
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(5000);
      }
    },
  );
});
