// @vitest-environment happy-dom
// The behaviour rn-journey's hook tests define (useJourney, JourneyProvider, useJourneyForm),
// checked on journeykit's hooks from the React Native entry. The clients are typed and built as
// rn-journey's tests build them — `JourneyClient` objects without `subscribe`, nodes as literals —
// so these also show that such app code compiles. Where a real server can answer, the client is
// a real one against the dev server, wrapped only to observe its calls.
import { startDevServer, type DevServer } from '@journeykit/dev-server';
import { act, configure, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createJourneyClient,
  JourneyError,
  JourneyProvider,
  useJourney,
  useJourneyForm,
  type AmStep,
  type JourneyClient,
  type JourneyHookResult,
  type JourneyNode,
} from '../src/react-native';
import { continueNode } from '../src/journey/nodes';
import { amCallback } from './am-json';

configure({ asyncUtilTimeout: 10_000 });

/** A client as rn-journey's tests write one: every method, no `subscribe`. */
function clientMock(overrides: Partial<JourneyClient> = {}): JourneyClient {
  const continued: JourneyNode = { type: 'ContinueNode', callbacks: [] };
  const success: JourneyNode = { type: 'SuccessNode' };
  return {
    init: vi.fn(() => Promise.resolve('journey-id')),
    getId: vi.fn(() => Promise.resolve('journey-id')),
    start: vi.fn(() => Promise.resolve(continued)),
    next: vi.fn(() => Promise.resolve(success)),
    resume: vi.fn(() => Promise.resolve(continued)),
    user: vi.fn(() => Promise.resolve(null)),
    refresh: vi.fn(() => Promise.resolve(null)),
    revoke: vi.fn(() => Promise.resolve(true)),
    userinfo: vi.fn(() => Promise.resolve(null)),
    ssoToken: vi.fn(() => Promise.resolve(null)),
    logoutUser: vi.fn(() => Promise.resolve(true)),
    dispose: vi.fn(() => Promise.resolve(undefined)),
    ...overrides,
  };
}

describe('useJourney and JourneyProvider', () => {
  let server: DevServer;
  beforeEach(async () => {
    server = await startDevServer({ corsOrigins: [location.origin] });
  });
  afterEach(() => server.close());

  /** Journey requests the server received, not counting the browser's CORS preflights. */
  const posts = () =>
    server.requests.filter((r) => r.route === 'authenticate' && r.method === 'POST').length;

  /** A real client for the dev server whose start() the test can watch. */
  const watchedClient = () => {
    const real = createJourneyClient({
      ...server.clientConfig,
      modules: {
        oidc: { ...server.clientConfig.modules.oidc, redirectUri: server.loopbackRedirectUri },
      },
    });
    return {
      ...real,
      start: vi.fn((name: string, options?: object) => real.start(name, options)),
    };
  };

  it('throws a JOURNEY_STATE_ERROR naming the fix without a client or provider', () => {
    let thrown: unknown;
    try {
      renderHook(() => useJourney());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JourneyError);
    expect((thrown as Error).message).toContain('No Journey client found');
  });

  it("uses the provider's client, and start(name) passes rn-journey's default options", async () => {
    const client = watchedClient();
    const wrapper = ({ children }: { children?: ReactNode }) =>
      createElement(JourneyProvider, { client }, children);
    const { result } = renderHook(() => useJourney(), { wrapper });
    await act(() => result.current[1].start('Login'));
    expect(client.start).toHaveBeenCalledWith('Login', { forceAuth: false, noSession: false });
    expect(result.current[0]?.type).toBe('ContinueNode');
    expect(posts()).toBe(1);
  });

  it('shares one journey between the consumers under one provider', async () => {
    const client = watchedClient();
    const wrapper = ({ children }: { children?: ReactNode }) =>
      createElement(JourneyProvider, { client }, children);
    const { result } = renderHook(() => [useJourney(), useJourney()] as const, { wrapper });
    await act(() => result.current[0][1].start('Login'));
    const [a, b] = result.current;
    expect(a[0]).toMatchObject({ type: 'ContinueNode' });
    expect(b[0]).toBe(a[0]);
    expect(client.start).toHaveBeenCalledTimes(1);
    expect(posts()).toBe(1);
  });
});

describe('useJourney', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not advance a PollingWaitCallback step on its own', async () => {
    vi.useFakeTimers();
    // AM's polling step (android-polling-wait in the recorded replies), built here because the
    // recorded files are read from disk, which this browser-like environment cannot do.
    const step: AmStep = {
      authId: 'polling',
      callbacks: [
        amCallback(
          'PollingWaitCallback',
          { waitTime: '30000', message: 'Please Wait. Processing ...' },
          [],
        ),
      ],
    };
    const polling = continueNode(step, ['en']);
    const next = vi.fn((): Promise<JourneyNode> => Promise.resolve({ type: 'SuccessNode' }));
    const client = clientMock({ start: vi.fn(() => Promise.resolve(polling)), next });
    const { result } = renderHook(() => useJourney(client));
    await act(() => result.current[1].start('Login'));
    expect(result.current[0]).toBe(polling);
    await act(async () => {
      vi.advanceTimersByTime(30_000); // the step's waitTime
      await Promise.resolve();
    });
    expect(next).not.toHaveBeenCalled();
  });

  it('keeps apart the state of components with clients of their own', async () => {
    const a = clientMock();
    const startB = vi.fn((): Promise<JourneyNode> => Promise.resolve({ type: 'SuccessNode' }));
    const b = clientMock({ start: startB });
    let latest: { a?: JourneyHookResult; b?: JourneyHookResult } = {};
    renderHook(() => {
      latest = { a: useJourney(a), b: useJourney(b) };
      return null;
    });
    await act(() => latest.a![1].start('Login'));
    expect(latest.a![0]?.type).toBe('ContinueNode');
    expect(latest.b![0]).toBeNull();
    expect(startB).not.toHaveBeenCalled();
  });

  it('advances only when next() is called', async () => {
    const named: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'NameCallback', output: [] }],
    };
    const next = vi.fn((): Promise<JourneyNode> => Promise.resolve({ type: 'SuccessNode' }));
    const client = clientMock({ start: vi.fn(() => Promise.resolve(named)), next });
    const { result } = renderHook(() => useJourney(client));
    await act(() => result.current[1].start('Login'));
    expect(next).not.toHaveBeenCalled();
    await act(() => result.current[1].next({}));
    expect(next).toHaveBeenCalledTimes(1);
    expect(result.current[0]?.type).toBe('SuccessNode');
  });
});

describe('useJourneyForm', () => {
  const nameAndTerms: JourneyNode = {
    type: 'ContinueNode',
    callbacks: [
      { type: 'NameCallback', output: [] },
      { type: 'TermsAndConditionsCallback', required: true, output: [] },
    ],
  };

  it('starts from the defaults the callbacks carry, and nothing else', () => {
    const { result } = renderHook(() => useJourneyForm(nameAndTerms));
    expect(result.current.values).toEqual({});
    expect(result.current.canSubmit).toBe(false);
  });

  it('builds the same input from the values set', () => {
    const { result } = renderHook(() => useJourneyForm(nameAndTerms));
    act(() => {
      result.current.setValue('NameCallback:0', 'demo-user');
      result.current.setValue('TermsAndConditionsCallback:0', true);
    });
    expect(result.current.canSubmit).toBe(true);
    expect(result.current.issues).toEqual([]);
    expect(result.current.input).toEqual({
      callbacks: [
        { type: 'NameCallback', index: 0, value: 'demo-user' },
        { type: 'TermsAndConditionsCallback', index: 0, value: true },
      ],
    });
  });

  it('resets the values for a new node', () => {
    const first: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'NameCallback', output: [] }],
    };
    const second: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [{ type: 'NameCallback', output: [] }],
    };
    const { result, rerender } = renderHook(({ node }) => useJourneyForm(node), {
      initialProps: { node: first },
    });
    act(() => result.current.setValue('NameCallback:0', 'custom-value'));
    expect(result.current.values['NameCallback:0']).toBe('custom-value');
    rerender({ node: second });
    expect(result.current.values['NameCallback:0']).toBeUndefined();
  });

  it('finds and sets fields by callback type', () => {
    const node: JourneyNode = {
      type: 'ContinueNode',
      callbacks: [
        { type: 'NameCallback', output: [] },
        { type: 'NameCallback', output: [] },
        { type: 'PasswordCallback', output: [] },
      ],
    };
    const { result } = renderHook(() => useJourneyForm(node));
    expect(result.current.getFieldsByType('NameCallback')).toHaveLength(2);
    expect(result.current.getFieldByType('NameCallback', 1)?.id).toBe('NameCallback:1');
    let applied = false;
    act(() => {
      applied = result.current.setValueByType('NameCallback', 'typed-user', 1);
    });
    expect(applied).toBe(true);
    expect(result.current.values['NameCallback:1']).toBe('typed-user');
    expect(result.current.setValueByType('NameCallback', 'nope', 99)).toBe(false);
  });
});
