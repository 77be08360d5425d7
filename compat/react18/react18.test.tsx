// @vitest-environment happy-dom
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { createJourneyClient, type JourneyClient } from '@journeykit/journey';
import {
  JourneyProvider,
  useJourney,
  useJourneyForm,
  useJourneySession,
} from '@journeykit/journey/react';
import { act, StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, expect, it } from 'vitest';

// The React bindings under React 18 (vitest.config.ts points `react` and `react-dom` here at
// this folder's React 18 for this file only), driven against the real dev server.
declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

let server: DevServer;
let client: JourneyClient;
beforeEach(async () => {
  server = await startDevServer({ corsOrigins: [location.origin] });
  const { oidc } = server.clientConfig.modules;
  client = createJourneyClient({
    ...server.clientConfig,
    modules: { oidc: { ...oidc, redirectUri: server.loopbackRedirectUri } },
  });
});
afterEach(() => server.close());

let seen: {
  journey?: ReturnType<typeof useJourney>;
  form?: ReturnType<typeof useJourneyForm>;
  session?: ReturnType<typeof useJourneySession>;
} = {};

function Screen() {
  const journey = useJourney();
  const form = useJourneyForm(journey[0]);
  const session = useJourneySession();
  seen = { journey, form, session };
  return <p>{session.status}</p>;
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(check()).toBe(true);
}

it('signs in, shows the session and signs out with React 18', async () => {
  expect(version).toMatch(/^18\./);
  const container = document.createElement('div');
  const root = createRoot(container);
  act(() =>
    root.render(
      <StrictMode>
        <JourneyProvider client={client}>
          <Screen />
        </JourneyProvider>
      </StrictMode>,
    ),
  );
  await until(() => seen.session?.status === 'signedOut');

  await act(() => seen.journey![1].start('Login').then(() => undefined));
  await until(() => seen.form?.fields.length === 2);
  act(() => {
    seen.form!.setValue('NameCallback:0', 'demo');
    seen.form!.setValue('PasswordCallback:0', 'Ch4ng3it!');
  });
  expect(seen.form!.canSubmit).toBe(true);
  await act(() => seen.journey![1].next(seen.form!.input).then(() => undefined));
  expect(seen.journey![0]?.type).toBe('SuccessNode');

  await until(() => seen.session?.status === 'signedIn' && seen.session.user !== null);
  expect(container.textContent).toBe('signedIn');
  const { accessToken } = seen.session!.user!;
  expect(await server.isAccessTokenActive(accessToken)).toBe(true);

  const sso = seen.session!.ssoToken!.value;
  await act(() => seen.journey![1].logoutUser().then(() => undefined));
  await until(() => seen.session?.status === 'signedOut');
  expect(seen.journey![0]).toBeNull();
  expect(server.isSessionValid(sso)).toBe(false);
  expect(await server.isAccessTokenActive(accessToken)).toBe(false);
  act(() => root.unmount());
});
