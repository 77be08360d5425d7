import fc from 'fast-check';
import {
  buildNextInput,
  JourneyError,
  normalizeCallbacks,
  type JourneyNode,
} from '@journeykit/journey';
import { describe, expect } from 'vitest';
import { catalogue } from '../src/journey/catalogue';
import {
  body,
  fakeClient,
  fakeServer,
  fuzz,
  json,
  key,
  shaped,
  SSO,
  status,
  type Reply,
} from './fuzz-helpers';

// Authenticate replies, callbacks, `next()` input and resume links, at the public API: a client
// whose fetch returns what fast-check makes up. Properties: start/next/resume resolve to a
// well-formed node for anything the server says (only misuse rejects, with a JourneyError); the
// journey state and the stored SSO token stay coherent; what goes back to the server is the step
// it sent, with only the inputs set.

const quoted = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((s) => JSON.stringify(s));
const list = (item: fc.Arbitrary<string>) =>
  fc.array(item, { maxLength: 4 }).map((items) => `[${items.join(',')}]`);
const callbackType = fc.oneof(
  fc.constantFrom(...Object.keys(catalogue), 'ValidatedPasswordCallback', 'UnknownCallback'),
  key,
);
const inputName = fc.constantFrom(
  'IDToken1',
  'IDToken2',
  'IDToken1validateOnly',
  'IDToken1question',
  'IDToken1answer',
);
/** A callback as AM shapes it, with any outputs and any values. */
const callback = (pair: (names: fc.Arbitrary<string>) => fc.Arbitrary<string>) =>
  shaped({ type: quoted(callbackType), output: list(pair(key)), input: list(pair(inputName)) });
const loosePair = (names: fc.Arbitrary<string>) => shaped({ name: quoted(names), value: json });
const strictPair = (names: fc.Arbitrary<string>) =>
  fc.tuple(names, json).map(([n, v]) => `{"name":${JSON.stringify(n)},"value":${v}}`);
const stage = fc.oneof(
  json,
  quoted(fc.oneof(json, shaped({ submitButtonText: json, pageFooter: json }))),
);
const step = (callbacks: fc.Arbitrary<string>) =>
  shaped({ authId: quoted(fc.constantFrom('auth-1', '')), callbacks, stage, header: json });

const amReply: fc.Arbitrary<Reply> = fc.record({
  status,
  body: fc.oneof(
    step(fc.oneof(list(callback(loosePair)), json)),
    shaped({ tokenId: fc.oneof(quoted(fc.constant('new-sso')), json), successUrl: json }),
    shaped({ code: json, reason: json, message: json }),
    body,
  ),
  headers: fc.record(
    { 'set-cookie': fc.string().map((s) => s.replace(/[^\x20-\x7e]/g, '')) },
    { requiredKeys: [] },
  ),
});

/** The shape every node must have, whatever the server said. */
function wellFormed(node: JourneyNode) {
  expect(['ContinueNode', 'SuccessNode', 'ErrorNode', 'FailureNode']).toContain(node.type);
  if (node.type === 'ContinueNode') {
    const steps = node.input?.callbacks ?? [];
    expect(node.callbacks).toHaveLength(steps.length);
    node.callbacks.forEach((cb, i) => {
      expect(typeof cb.type).toBe('string');
      expect(cb.raw).toBe(steps[i]);
      expect(Object.getPrototypeOf(cb)).toBe(Object.prototype);
    });
    for (const text of [node.header, node.description, node.stage, node.submitButtonText])
      expect(typeof text).toBe('string');
    expect(normalizeCallbacks(node)).toHaveLength(steps.length);
  }
  if (node.type === 'ErrorNode') expect(typeof node.message).toBe('string');
  if (node.type === 'FailureNode') expect(node.error).toBeInstanceOf(JourneyError);
}

describe('fuzzing journeys', () => {
  fuzz(
    'authenticate replies: start() and next() resolve to a well-formed node; state and SSO token coherent',
    fc.array(amReply, { minLength: 1, maxLength: 4 }),
    async (replies) => {
      let call = 0;
      const server = fakeServer({
        authenticate: () => replies[Math.min(call++, replies.length - 1)],
      });
      const { client } = fakeClient(server);
      let node = await client.start('Login');
      let success: JourneyNode | undefined;
      for (let i = 0; i < replies.length; i++) {
        wellFormed(node);
        if (node.type === 'SuccessNode') success = node;
        if (node.type !== 'ContinueNode') {
          await expect(client.next()).rejects.toMatchObject({ code: 'JOURNEY_STATE_ERROR' });
          break;
        }
        const next = await client.next(buildNextInput(node, {}).input).catch((e: unknown) => e);
        if (next instanceof JourneyError) {
          expect(next.code).toMatch(/CALLBACK|INTEGRATION/);
          break;
        }
        node = next as JourneyNode;
      }
      const tokenId = success?.type === 'SuccessNode' ? success.input?.tokenId : undefined;
      const sso = await client.ssoToken();
      if (typeof tokenId === 'string' && tokenId) expect(sso?.value).toBe(tokenId);
      else expect(sso).toBeNull();
    },
  );

  const value = json.map((text) => JSON.parse(text) as unknown);
  const nextInput = fc.record(
    {
      callbacks: fc.array(
        fc.record(
          { type: callbackType, value, index: fc.oneof(fc.integer({ min: -1, max: 4 }), key) },
          { requiredKeys: ['type'] },
        ),
        { maxLength: 4 },
      ),
      validateOnly: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  fuzz(
    'callbacks and next() input: refused before sending, or sent as the step with only inputs set',
    fc.record({
      step: step(list(callback(strictPair)).map((c) => c)),
      input: nextInput,
      values: fc.dictionary(fc.string({ maxLength: 30 }), value, { maxKeys: 4 }),
    }),
    async ({ step: text, input, values }) => {
      const server = fakeServer({
        authenticate: ({ count }) => (count === 1 ? { status: 200, body: text } : undefined),
      });
      const { client } = fakeClient(server);
      const node = await client.start('Login');
      wellFormed(node);
      if (node.type !== 'ContinueNode') return;
      const fields = normalizeCallbacks(node);
      const built = buildNextInput(
        node,
        Object.fromEntries(fields.map((f, i) => [f.id, Object.values(values)[i] as never])),
      );
      const sent = () => server.sent.filter((s) => s.route === 'authenticate').length;
      const answer = await client.next(input as never).catch((e: unknown) => e);
      if (answer instanceof JourneyError) {
        expect(answer.code).toMatch(/CALLBACK|INTEGRATION/);
        expect(sent()).toBe(1);
        // The form model agrees with next(): what it says can be sent (of a step whose callbacks
        // all have inputs), is.
        const complete = node.input?.callbacks?.every(
          (cb) => Array.isArray(cb.input) && cb.input.length,
        );
        if (built.canSubmit && complete)
          expect((await client.next(built.input)).type).toBe('SuccessNode');
        return;
      }
      expect(sent()).toBe(2);
      const original = JSON.parse(text) as {
        callbacks: { type: string; output?: unknown; input?: { name: string }[] }[];
      };
      const echoed = JSON.parse(server.sent[1]!.body) as typeof original;
      const [was, is] = [original.callbacks ?? [], echoed.callbacks ?? []];
      expect(is.map((c) => [c.type, c.output])).toEqual(was.map((c) => [c.type, c.output]));
      was.forEach((cb, i) =>
        expect(is[i]!.input?.map((x) => x.name)).toEqual(cb.input?.map((x) => x.name)),
      );
    },
  );

  const suspendedId = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('a%20b', 'x+y', '%', 'é'),
  );
  fuzz(
    'resume links: only the suspendedId is taken, and sent to the configured server',
    fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(
          fc.webUrl(),
          fc.array(fc.tuple(fc.constantFrom('suspendedId', 'realm', 'x'), suspendedId)),
          fc.constantFrom('?', '#', '&'),
        )
        .map(
          ([url, params, sep]) => `${url}${sep}${params.map(([k, v]) => `${k}=${v}`).join('&')}`,
        ),
    ),
    async (uri) => {
      const server = fakeServer();
      const { client } = fakeClient(server);
      const node = await client.resume(uri).catch((e: unknown) => e);
      if (!uri.trim()) {
        expect(node).toMatchObject({ code: 'JOURNEY_RESUME_ERROR' });
        return;
      }
      wellFormed(node as JourneyNode);
      for (const s of server.sent) {
        expect(s.route).toBe('authenticate');
        expect(new URL(s.url).searchParams.get('suspendedId')).toMatch(/./);
      }
      expect((await client.ssoToken())?.value ?? SSO).toBe(SSO);
    },
  );
});
