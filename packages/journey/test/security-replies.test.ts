import { createJourneyClient, memoryStorage, type JourneyNode } from '@journeykit/journey';
import { describe, expect, it } from 'vitest';
import { amFixture } from './am-fixtures';

/** A client whose every authenticate request gets `body` with `status`. */
function clientAnswering(body: string, status = 200) {
  const storage = memoryStorage();
  const client = createJourneyClient({
    serverUrl: 'https://am.example/am',
    modules: { session: { storage } },
    fetch: () => Promise.resolve(new Response(body, { status })),
  });
  return { client, storage };
}

const failure = (node: JourneyNode) => (node.type === 'FailureNode' ? node : undefined);

describe('an authenticate reply', () => {
  it.each(['android-success', 'ios-sso-success', 'pjs-auth-success'])(
    "is a SuccessNode in AM's success shape (%s), and its tokenId is stored",
    async (name) => {
      const { body } = amFixture(name);
      const { client } = clientAnswering(JSON.stringify(body));
      expect((await client.start('Login')).type).toBe('SuccessNode');
      expect((await client.ssoToken())?.value).toBe(body.tokenId);
    },
  );

  it.each(['android-success-nosession', 'ios-nosession-success'])(
    'is a SuccessNode without a tokenId when AM made no session (%s)',
    async (name) => {
      const { client } = clientAnswering(JSON.stringify(amFixture(name).body));
      expect((await client.start('Login', { noSession: true })).type).toBe('SuccessNode');
      expect(await client.ssoToken()).toBeNull();
    },
  );

  it('keeps the stored session on a success with an empty tokenId (the session was reused)', async () => {
    const replies = [amFixture('ios-sso-success').body, { tokenId: '', successUrl: '/am/console' }];
    const client = createJourneyClient({
      serverUrl: 'https://am.example/am',
      fetch: () => Promise.resolve(new Response(JSON.stringify(replies.shift()))),
    });
    await client.start('Login');
    expect((await client.start('Login')).type).toBe('SuccessNode');
    expect((await client.ssoToken())?.value).toBe(amFixture('ios-sso-success').body.tokenId);
  });

  it.each([
    ['a proxy', '{"ok":true}'],
    ['a captive portal', '{"status":"login","portal":"https://wifi.example"}'],
    ['an empty object', '{}'],
    ['a tokenId that is not text', '{"tokenId":42,"successUrl":"/am/console"}'],
    ['an authId that is not text', '{"authId":7,"tokenId":"abc"}'],
  ])(
    'from %s is a FailureNode that says what came back, and nothing is stored',
    async (_, body) => {
      const { client } = clientAnswering(body);
      const node = failure(await client.start('Login'));
      expect(node?.error.code).toBe('JOURNEY_START_ERROR');
      expect(node?.message).toMatch(/^Not an authentication reply: JSON with /);
      expect(await client.ssoToken()).toBeNull();
    },
  );

  it('with control characters in its tokenId is a FailureNode; the token is not stored', async () => {
    const { client } = clientAnswering(
      JSON.stringify({ tokenId: 'AQIC5w\r\nX-Injected: 1', successUrl: '/am/console' }),
    );
    const node = failure(await client.start('Login'));
    expect(node?.message).toMatch(/SSO token a header cannot carry/);
    expect(await client.ssoToken()).toBeNull();
  });

  it('nested deeper than any AM reply is a FailureNode, also when the step is submitted', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const step = `{"authId":"a","callbacks":[{"type":"TextOutputCallback","output":[{"name":"message","value":${deep}}]}]}`;
    const { client } = clientAnswering(step);
    const node = failure(await client.start('Login'));
    expect(node?.message).toMatch(/Unreadable reply/);
    const error = clientAnswering(`{"code":400,"message":${deep}}`, 400);
    expect((await error.client.start('Login')).type).toBe('FailureNode');
  });
});

describe('a password the server echoes', () => {
  it('is masked in the ErrorNode, message and reply, however short', async () => {
    const step = {
      authId: 'a',
      callbacks: [
        {
          type: 'PasswordCallback',
          output: [{ name: 'prompt', value: 'Password' }],
          input: [{ name: 'IDToken1', value: '' }],
        },
      ],
    };
    const replies = [
      new Response(JSON.stringify(step)),
      new Response(
        JSON.stringify({ code: 401, message: 'Wrong password: pw1', detail: { sent: 'pw1' } }),
        { status: 401 },
      ),
    ];
    const client = createJourneyClient({
      serverUrl: 'https://am.example/am',
      fetch: () => Promise.resolve(replies.shift()!),
    });
    await client.start('Login');
    const node = await client.next({ callbacks: [{ type: 'PasswordCallback', value: 'pw1' }] });
    expect(node.type).toBe('ErrorNode');
    expect(JSON.stringify(node)).not.toContain('pw1');
  });
});
