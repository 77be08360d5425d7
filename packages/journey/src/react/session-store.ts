import {
  JourneyError,
  type JourneyClient,
  type JourneyEvent,
  type JourneySSOToken,
  type JourneyUserSession,
  type SessionEndReason,
} from '@journeykit/journey';

/** What `useJourneySession()` shows: the stored session, kept current by the client's events. */
export interface JourneySession {
  /** `loading` until the first read; then whether an SSO session is stored. */
  status: 'loading' | 'signedIn' | 'signedOut';
  ssoToken: JourneySSOToken | null;
  /** The tokens as `user()` gives them; null when there are none (no OIDC module, or revoked). */
  user: JourneyUserSession | null;
  /** Why the last session ended, until a new one starts. */
  ended?: SessionEndReason;
  /** The last failure: reading the session, a refresh that failed, unreadable storage. */
  error: JourneyError | null;
}

/** For `useSyncExternalStore`: both functions are stable and need no `this`. */
export interface SessionStore {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => JourneySession;
}

const stores = new WeakMap<JourneyClient, SessionStore>();

/** One store per client, shared by every component that shows its session. */
export function sessionStore(client: JourneyClient): SessionStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = createSessionStore(client)));
  return store;
}

/**
 * Reads the session when the first component subscribes, after a sign-in, and when new tokens are
 * announced; each read is `ssoToken()` then `user()`, which asks the server only when no valid
 * tokens are stored (then it mints them). Removals are applied from the event alone: after a revoke
 * the tokens stay null until the app asks for new ones, and a read that overlapped a removal does
 * not bring the removed state back.
 */
function createSessionStore(client: JourneyClient): SessionStore {
  let state: JourneySession = { status: 'loading', ssoToken: null, user: null, error: null };
  const listeners = new Set<() => void>();
  let detach: (() => void) | undefined;
  let reading = false;
  let readAgain = false;
  // expiresAt of the last token event seen during a read: the read is current if it got those.
  let announced: number | null | undefined;
  let removals = 0;
  let ends = 0;

  const set = (patch: Partial<JourneySession>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
  };

  // Without modules.oidc, user() resolves null: the session is then the SSO token alone.
  const tokens = (): Promise<JourneyUserSession | null> => client.user();

  const read = async () => {
    if (reading) return void (readAgain = true);
    reading = true;
    do {
      readAgain = false;
      announced = undefined;
      const [endsBefore, removalsBefore] = [ends, removals];
      let error: JourneyError | null = null;
      const failed = (caught: unknown) => {
        error = JourneyError.from(caught);
        return null;
      };
      const ssoToken = await client.ssoToken().catch(failed);
      // A failed token read keeps the tokens shown: they were not removed, or an event says so.
      const user = ssoToken ? await tokens().catch((e) => failed(e) ?? state.user) : null;
      if (endsBefore !== ends) {
        readAgain = true; // the session ended meanwhile: what was read is gone
        continue;
      }
      // Tokens removed meanwhile stay removed; new ones announced meanwhile are read again.
      const kept = removalsBefore === removals ? user : null;
      set({ status: ssoToken ? 'signedIn' : 'signedOut', ssoToken, user: kept, error });
      if (announced !== undefined && announced !== (kept?.expiresAt ?? null)) readAgain = true;
    } while (readAgain);
    reading = false;
  };

  const onEvent = (event: JourneyEvent) => {
    switch (event.type) {
      case 'sessionStarted':
        set({ ended: undefined });
        return void read();
      case 'tokensChanged':
        if (!event.saved) {
          removals++; // forgotten (revoke, refusal, a new session)
          return set({ user: null });
        }
      // falls through: new tokens, read them (user() answers from storage, no request)
      case 'refreshed':
        if (reading) announced = event.expiresAt;
        return void read();
      case 'sessionEnded':
        ends++;
        return set({ status: 'signedOut', ssoToken: null, user: null, ended: event.reason });
      case 'refreshFailed':
      case 'storageError':
        return set({ error: event.error });
    }
  };

  return {
    subscribe: (onChange) => {
      listeners.add(onChange);
      if (!detach) {
        detach = client.subscribe?.(onEvent);
        void read();
      }
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0) {
          detach?.();
          detach = undefined;
        }
      };
    },
    getSnapshot: () => state,
  };
}
