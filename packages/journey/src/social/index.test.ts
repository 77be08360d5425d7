import { describe, expect, it } from 'vitest';
import { createJourneyClient, type AmStep, type JourneyNode } from '@journeykit/journey';
import { amFixture } from '../../test/am-fixtures';
import {
  chooseProvider,
  identityProviders,
  idpRequest,
  providerRedirect,
  redirectInAuthSession,
  signInWithIdp,
} from './index';

/** A client whose server answers with one recorded AM step, then records what comes back. */
async function nodeOf(name: string) {
  const step = amFixture(name).body as AmStep;
  const sent: AmStep[] = [];
  let calls = 0;
  const client = createJourneyClient({
    serverUrl: 'https://am.example.com/am',
    fetch: (_url, init) => {
      if (calls++ > 0) sent.push(JSON.parse(init?.body as string) as AmStep);
      return Promise.resolve(
        Response.json(calls === 1 ? step : { tokenId: 't', successUrl: '/', realm: '/' }),
      );
    },
  });
  const node: JourneyNode = await client.start('SocialLogin');
  return { client, node, sent };
}

describe('SelectIdPCallback', () => {
  it("lists AM's providers with their UI config, local authentication as a choice", async () => {
    const { node } = await nodeOf('android-select-idp');
    const providers = identityProviders(node);
    expect(providers.map((p) => [p.provider, p.local])).toEqual([
      ['google', false],
      ['facebook', false],
      ['localAuthentication', true],
    ]);
    expect(providers[0]!.uiConfig.buttonDisplayName).toBe('Google');
    expect(providers[2]!.uiConfig).toEqual({});
  });

  it('sends the chosen provider as IDToken1', async () => {
    const { client, node, sent } = await nodeOf('android-select-idp');
    chooseProvider(node, 'google');
    await client.next();
    expect(sent[0]!.callbacks![0]!.input).toEqual([{ name: 'IDToken1', value: 'google' }]);
  });

  it('refuses a provider the journey does not offer, changing nothing', async () => {
    const { node } = await nodeOf('android-select-idp');
    expect(() => chooseProvider(node, 'github')).toThrow(
      expect.objectContaining({ code: 'JOURNEY_CALLBACK_APPLY_ERROR' }),
    );
    expect(node.type === 'ContinueNode' && node.input.callbacks![0]!.input![0]!.value).toBe('');
  });
});

describe('RedirectCallback', () => {
  it("reads AM's redirect: URL, method, tracking cookie", async () => {
    const { node } = await nodeOf('pjs-redirect');
    expect(providerRedirect(node)).toMatchObject({
      method: 'GET',
      trackingCookie: true,
      postBody: {},
    });
    expect(providerRedirect(node)!.url).toMatch(/^http:\/\/localhost:9443\/o\/oauth2\/v2\/auth\?/);
  });

  it('follows it in an auth session and hands back the return URL; a cancel is an auth_error', async () => {
    const { node } = await nodeOf('pjs-redirect');
    const opened: string[][] = [];
    const back = await redirectInAuthSession(
      node,
      (url, returnUrl) => {
        opened.push([url, returnUrl]);
        return Promise.resolve({ type: 'success', url: `${returnUrl}?code=c&state=s` });
      },
      'com.example.app:/social',
    );
    expect(back).toBe('com.example.app:/social?code=c&state=s');
    expect(opened[0]![0]).toBe(providerRedirect(node)!.url);
    await expect(
      redirectInAuthSession(
        node,
        () => Promise.resolve({ type: 'cancel' }),
        'com.example.app:/social',
      ),
    ).rejects.toMatchObject({ code: 'JOURNEY_RESUME_ERROR', type: 'auth_error' });
  });
});

describe('IdPCallback', () => {
  it.each([
    ['android-idp-google', 'google', 'id_token'],
    ['android-idp-apple', 'apple', 'authorization_code'],
  ] as const)(
    '%s: asks the app’s provider, sends token and token type',
    async (fixture, provider, tokenType) => {
      const { client, node, sent } = await nodeOf(fixture);
      expect(idpRequest(node)).toMatchObject({ provider, scopes: ['openid', 'profile', 'email'] });
      await signInWithIdp(node, (request) => {
        expect(request.acrValues).toEqual(['test', 'test2']);
        return Promise.resolve({ token: `${provider}-token`, tokenType });
      });
      await client.next();
      expect(sent[0]!.callbacks![0]!.input).toEqual([
        { name: 'IDToken1token', value: `${provider}-token` },
        { name: 'IDToken1token_type', value: tokenType },
      ]);
    },
  );

  it('refuses an empty token or an unknown type, leaving the node as it was', async () => {
    const { node } = await nodeOf('android-idp-google');
    await expect(
      signInWithIdp(node, () => Promise.resolve({ token: '', tokenType: 'id_token' as const })),
    ).rejects.toMatchObject({
      code: 'JOURNEY_CALLBACK_APPLY_ERROR',
    });
    await expect(
      signInWithIdp(node, () => Promise.resolve({ token: 't', tokenType: 'saml' as 'id_token' })),
    ).rejects.toMatchObject({ code: 'JOURNEY_CALLBACK_APPLY_ERROR' });
    expect(node.type === 'ContinueNode' && node.input.callbacks![0]!.input![0]!.value).toBe('');
  });
});
