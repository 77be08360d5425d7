// The return from an external identity provider (social login, SAML): the step a RedirectCallback
// left is kept in the client's storage and sent back with the provider's parameters. AM itself
// cannot run here, so its recorded replies stand in for it; the dev server's SocialLogin journey
// covers the whole trip in social-login.test.ts.
import { describe, expect, it } from 'vitest';
import { createJourneyClient, JourneyError, memoryStorage } from '@journeykit/journey';
import { amFixture } from './am-fixtures';

const SERVER = 'https://am.example.com/am';

interface Sent {
  url: URL;
  body: unknown;
}

/** A fetch that answers authenticate requests with the given AM replies, in order. */
function replay(...replies: { status: number; body: unknown }[]) {
  const sent: Sent[] = [];
  const fetch = (url: string, init?: RequestInit) => {
    sent.push({
      url: new URL(url),
      body: init?.body ? JSON.parse(init.body as string) : undefined,
    });
    const reply = replies.shift() ?? { status: 500, body: {} };
    return Promise.resolve(Response.json(reply.body, { status: reply.status }));
  };
  return { sent, fetch };
}

const success = { status: 200, body: { tokenId: 'sso-after-idp', successUrl: '/', realm: '/' } };

describe('resume() after a redirect to an identity provider', () => {
  it("POSTs the saved step to authenticate with the provider's code and state, as AM expects", async () => {
    const redirect = amFixture('pjs-redirect');
    const server = replay(redirect, success);
    const storage = memoryStorage();
    const first = createJourneyClient({
      serverUrl: SERVER,
      fetch: server.fetch,
      modules: { session: { storage } },
    });
    const node = await first.start('SocialLogin');
    expect(node.type).toBe('ContinueNode');

    // The page is left and loaded again: a new client over the same storage.
    const second = createJourneyClient({
      serverUrl: SERVER,
      fetch: server.fetch,
      modules: { session: { storage } },
    });
    const done = await second.resume(
      'https://app.example.com/return?code=4%2F0Adeu&state=rtu8pz65dbg6baw985d532myfbbnf5v&scope=email%20openid',
    );
    expect(done.type).toBe('SuccessNode');
    expect((await second.ssoToken())?.value).toBe('sso-after-idp');
    const resumed = server.sent[1]!;
    expect(resumed.url.pathname).toBe('/am/json/realms/root/authenticate');
    expect(Object.fromEntries(resumed.url.searchParams)).toEqual({
      code: '4/0Adeu',
      state: 'rtu8pz65dbg6baw985d532myfbbnf5v',
      scope: 'email openid',
    });
    expect(resumed.body).toEqual(redirect.body);
  });

  it('sends SAML (responsekey, RelayState) and form_post returns with the saved step', async () => {
    for (const query of ['responsekey=k1&RelayState=r1', 'form_post_entry=entry-1']) {
      const redirect = amFixture('pjs-redirect-saml');
      const server = replay(redirect, success);
      const client = createJourneyClient({ serverUrl: SERVER, fetch: server.fetch });
      await client.start('Saml');
      expect((await client.resume(`https://app.example.com/?${query}`)).type).toBe('SuccessNode');
      expect(server.sent[1]!.url.search).toBe(`?${query}`);
      expect(server.sent[1]!.body).toEqual(redirect.body);
    }
  });

  it('refuses a replayed return, sending nothing', async () => {
    const server = replay(amFixture('pjs-redirect'), success);
    const client = createJourneyClient({ serverUrl: SERVER, fetch: server.fetch });
    await client.start('SocialLogin');
    const back = 'https://app.example.com/?code=c&state=rtu8pz65dbg6baw985d532myfbbnf5v';
    expect((await client.resume(back)).type).toBe('SuccessNode');
    const replayed = await client.resume(back).catch((e: unknown) => e);
    expect(replayed).toBeInstanceOf(JourneyError);
    expect(replayed).toMatchObject({ code: 'JOURNEY_RESUME_ERROR', type: 'state_error' });
    expect(server.sent).toHaveLength(2);
  });

  it('refuses a return of another journey (its state differs) and keeps the waiting step', async () => {
    const redirect = amFixture('pjs-redirect');
    const server = replay(redirect, success);
    const client = createJourneyClient({ serverUrl: SERVER, fetch: server.fetch });
    await client.start('SocialLogin');
    const other = await client
      .resume('https://app.example.com/?code=c&state=someone-elses')
      .catch((e: unknown) => e);
    expect(other).toMatchObject({ code: 'JOURNEY_RESUME_ERROR', type: 'state_error' });
    expect(server.sent).toHaveLength(1);
    const right = 'https://app.example.com/?code=c&state=rtu8pz65dbg6baw985d532myfbbnf5v';
    expect((await client.resume(right)).type).toBe('SuccessNode');
    expect(server.sent[1]!.body).toEqual(redirect.body);
  });

  it('still resumes a suspended journey by its suspendedId, and still fails without one', async () => {
    const server = replay(success);
    const client = createJourneyClient({ serverUrl: SERVER, fetch: server.fetch });
    expect((await client.resume('https://app.example.com/?suspendedId=s1')).type).toBe(
      'SuccessNode',
    );
    expect(server.sent[0]!.url.search).toBe('?suspendedId=s1');
    expect((await client.resume('https://app.example.com/?x=1')).type).toBe('FailureNode');
  });
});
