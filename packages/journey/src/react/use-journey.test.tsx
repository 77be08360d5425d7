// @vitest-environment happy-dom
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import {
  createJourneyClient,
  JourneyError,
  type JourneyClient,
  type JourneyNode,
} from '@journeykit/journey';
import { JourneyProvider, useJourney, useJourneyForm } from '@journeykit/journey/react';
import { act, configure, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The dev server answers in milliseconds, but a loaded CI machine may not: wait generously.
configure({ asyncUtilTimeout: 10_000 });

// useJourney and JourneyProvider against the real dev server, under happy-dom: its fetch applies
// a browser's CORS and cookie rules (page origin http://localhost:3000, allowed by the server), and
// the SDK's browser strategy follows the authorize redirect to the loopback redirect URI. Cookies
// are kept per host, not per port, so each test gets a server of its own: a session cookie from an
// earlier test means nothing to it.
describe('useJourney', () => {
  let server: DevServer;
  let client: JourneyClient;
  const newClient = () =>
    createJourneyClient({
      ...server.clientConfig,
      modules: {
        oidc: { ...server.clientConfig.modules.oidc, redirectUri: server.loopbackRedirectUri },
      },
    });

  /** Requests the app made to a route, not counting the browser's CORS preflights. */
  const calls = (route: Parameters<DevServer['count']>[0]) =>
    server.requests.filter((r) => r.route === route && r.method !== 'OPTIONS').length;

  beforeEach(async () => {
    server = await startDevServer({ corsOrigins: [location.origin] });
    client = newClient();
  });
  afterEach(() => server.close());

  it('throws JOURNEY_STATE_ERROR while rendering without a client or provider', () => {
    let thrown: unknown;
    try {
      renderHook(() => useJourney());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JourneyError);
    expect(thrown).toMatchObject({ code: 'JOURNEY_STATE_ERROR', type: 'state_error' });
  });

  it('runs Login through the form hook: loading while in flight, then the nodes', async () => {
    const { result } = renderHook(() => {
      const [node, actions] = useJourney(client);
      return { node, actions, form: useJourneyForm(node) };
    });
    expect(result.current.node).toBeNull();

    let started!: Promise<JourneyNode>;
    act(() => void (started = result.current.actions.start('Login')));
    expect(result.current.actions.loading).toBe(true);
    await act(() => started);
    expect(result.current.actions.loading).toBe(false);
    expect(result.current.node?.type).toBe('ContinueNode');
    expect(result.current.form.canSubmit).toBe(false); // empty credentials are not sent

    act(() => {
      result.current.form.setValueByType('NameCallback', 'demo');
      result.current.form.setValueByType('PasswordCallback', 'Ch4ng3it!');
    });
    await act(() => result.current.actions.next(result.current.form.input));
    expect(result.current.node?.type).toBe('SuccessNode');
    const sso = await result.current.actions.ssoToken();
    expect(server.isSessionValid(sso!.value)).toBe(true);
    expect(calls('authenticate')).toBe(2);
  });

  it('keeps server refusals as nodes and misuse as errors', async () => {
    const { result } = renderHook(() => useJourney(client));
    await expect(result.current[1].next()).rejects.toMatchObject({ code: 'JOURNEY_STATE_ERROR' });
    await waitFor(() => expect(result.current[1].error?.code).toBe('JOURNEY_STATE_ERROR'));
    expect(calls('authenticate')).toBe(0);

    await act(() => result.current[1].start('Login'));
    expect(result.current[1].error).toBeNull();
    const refused = await act(() =>
      result.current[1].next({
        callbacks: [
          { type: 'NameCallback', value: 'demo' },
          { type: 'PasswordCallback', value: 'wrong' },
        ],
      }),
    );
    expect(refused).toMatchObject({ type: 'ErrorNode', message: 'Login failure' });
    expect(result.current[0]).toBe(refused);

    await act(() => expect(result.current[1].start(' ')).rejects.toThrow('must not be empty'));
    expect(result.current[1]).toMatchObject({
      loading: false,
      error: { code: 'JOURNEY_START_ERROR', type: 'argument_error' },
    });
    expect(result.current[0]).toBe(refused); // a rejected call leaves the node alone
  });

  it('keeps the node of the latest call when an earlier answer comes late', async () => {
    const { result } = renderHook(() => useJourney(client));
    server.inject('authenticate', { delayMs: 300, times: 1 });
    let slow!: Promise<JourneyNode>;
    act(() => void (slow = result.current[1].start('Login')));
    const fast = await act(() => result.current[1].start('Registration'));
    expect(result.current[0]).toBe(fast);
    const late = await act(() => slow);
    expect(late.type).toBe('ContinueNode');
    expect(result.current[0]).toBe(fast);
    expect(result.current[1].loading).toBe(false);
  });

  it('shares one journey under a provider; a component with its own client is apart', async () => {
    const other = newClient();
    function Step({ label }: { label: string }) {
      const [node] = useJourney();
      return <p>{`${label}: ${node?.type ?? 'none'}`}</p>;
    }
    function Own() {
      const [node] = useJourney(other);
      return <p>{`own: ${node?.type ?? 'none'}`}</p>;
    }
    let actions!: ReturnType<typeof useJourney>[1];
    function Starter(): ReactNode {
      actions = useJourney()[1];
      return null;
    }
    render(
      <JourneyProvider client={client}>
        <Starter />
        <Step label="a" />
        <Step label="b" />
        <Own />
      </JourneyProvider>,
    );
    await act(() => actions.start('Login'));
    expect(screen.getByText('a: ContinueNode')).toBeTruthy();
    expect(screen.getByText('b: ContinueNode')).toBeTruthy();
    expect(screen.getByText('own: none')).toBeTruthy();
  });

  it('logoutUser ends the session and clears the node; dispose clears node and error', async () => {
    const { result } = renderHook(() => useJourney(client));
    await act(() => result.current[1].start('Login'));
    await act(() =>
      result.current[1].next({
        callbacks: [
          { type: 'NameCallback', value: 'demo' },
          { type: 'PasswordCallback', value: 'Ch4ng3it!' },
        ],
      }),
    );
    const sso = (await client.ssoToken())!.value;
    const tokens = (await act(() => result.current[1].user()))!;
    expect(result.current[0]?.type).toBe('SuccessNode'); // session methods leave the node alone

    expect(await act(() => result.current[1].logoutUser())).toBe(true);
    expect(result.current[0]).toBeNull();
    expect(server.isSessionValid(sso)).toBe(false);
    expect(await server.isAccessTokenActive(tokens.accessToken)).toBe(false);
    expect(await client.ssoToken()).toBeNull();

    await act(() => result.current[1].start('Login'));
    await act(() => expect(result.current[1].start('')).rejects.toThrow());
    await act(() => result.current[1].dispose());
    expect(result.current[0]).toBeNull();
    expect(result.current[1].error).toBeNull();
    await expect(client.next()).rejects.toMatchObject({ code: 'JOURNEY_STATE_ERROR' });
  });
});
