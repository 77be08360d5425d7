import {
  JourneyError,
  type JourneyClient,
  type JourneyErrorCode,
  type JourneyNextInput,
  type JourneyNode,
  type JourneyStartOptions,
} from '@journeykit/journey';
import { useMemo, useRef, useState } from 'react';

/**
 * The actions of `useJourney` (rn-journey-api §3.6); journey calls update `loading` and `error`.
 * Stable functions (no `this`), so they can be destructured and listed as effect dependencies.
 */
export interface JourneyHookActions {
  start: (journeyName: string, options?: JourneyStartOptions) => Promise<JourneyNode>;
  /** Rejects with JOURNEY_STATE_ERROR while there is no node. */
  next: (input?: JourneyNextInput) => Promise<JourneyNode>;
  resume: (uri: string) => Promise<JourneyNode>;
  // The session methods, passed through: they leave node, loading and error alone.
  user: JourneyClient['user'];
  refresh: JourneyClient['refresh'];
  revoke: JourneyClient['revoke'];
  userinfo: JourneyClient['userinfo'];
  ssoToken: JourneyClient['ssoToken'];
  /** Signs out, then clears the node. */
  logoutUser: JourneyClient['logoutUser'];
  /** Drops the journey in progress, then clears the node and the error. */
  dispose: () => Promise<void>;
  /** True while a start, next or resume is in flight. */
  loading: boolean;
  error: JourneyError | null;
}

export type UseJourneyResult = readonly [JourneyNode | null, JourneyHookActions];
/** rn-journey's name for what `useJourney` returns. */
export type JourneyHookResult = UseJourneyResult;

/** One journey's state for one client: what `useJourney(client)` and `JourneyProvider` hold. */
export function useJourneyState(client: JourneyClient | null): UseJourneyResult {
  const [node, setNode] = useState<JourneyNode | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const [error, setError] = useState<JourneyError | null>(null);
  // The node next() checks, and the number of the latest journey call: only its answer is kept,
  // so a slow earlier answer cannot replace a newer node.
  const current = useRef<JourneyNode | null>(null);
  const latest = useRef(0);

  const methods = useMemo(() => {
    const need = () => client ?? throwNoClient();
    const show = (next: JourneyNode | null) => {
      current.current = next;
      setNode(next);
    };
    const run = async (code: JourneyErrorCode, call: () => Promise<JourneyNode>) => {
      const ticket = ++latest.current;
      setInFlight((n) => n + 1);
      setError(null);
      try {
        const next = await call();
        if (ticket === latest.current) show(next);
        return next;
      } catch (caught) {
        const failure = JourneyError.from(caught, code);
        if (ticket === latest.current) setError(failure);
        throw failure;
      } finally {
        setInFlight((n) => n - 1);
      }
    };
    const forget = () => {
      latest.current++;
      show(null);
    };
    return {
      // Without options, rn-journey's defaults are passed, as it does.
      start: (
        name: string,
        options: JourneyStartOptions = { forceAuth: false, noSession: false },
      ) => run('JOURNEY_START_ERROR', () => need().start(name, options)),
      next: (input: JourneyNextInput = {}) =>
        run('JOURNEY_NEXT_ERROR', () => {
          if (!current.current)
            throw new JourneyError(
              'No active Journey node. Call start() or resume() first.',
              'JOURNEY_STATE_ERROR',
              'state_error',
            );
          return need().next(input);
        }),
      resume: (uri: string) => run('JOURNEY_RESUME_ERROR', () => need().resume(uri)),
      user: (options) => need().user(options),
      refresh: (options) => need().refresh(options),
      revoke: (options) => need().revoke(options),
      userinfo: (options) => need().userinfo(options),
      ssoToken: () => need().ssoToken(),
      logoutUser: async (options) => {
        const done = await need().logoutUser(options);
        forget();
        return done;
      },
      dispose: async () => {
        await need().dispose();
        forget();
        setError(null);
      },
    } satisfies Omit<JourneyHookActions, 'loading' | 'error'>;
  }, [client]);

  const loading = inFlight > 0;
  return useMemo(
    () => [node, { ...methods, loading, error }] as const,
    [node, methods, loading, error],
  );
}

export function throwNoClient(): never {
  throw new JourneyError(
    'No Journey client found. Use useJourney(client) or wrap your tree with <JourneyProvider client={...}>.',
    'JOURNEY_STATE_ERROR',
    'state_error',
  );
}
