import type { JourneyClient } from '@journeykit/journey';
import { useSyncExternalStore } from 'react';
import { useClient } from './provider';
import { sessionStore, type JourneySession } from './session-store';

/**
 * The signed-in state of a client (the given one, else the provider's): SSO token, tokens and
 * why a session ended. Re-renders when the client's events say the session or its tokens
 * changed — sign-in, mint, refresh, revoke, logout, a session the server ended — never by polling.
 * journeykit's own addition; rn-journey has no equivalent.
 */
export function useJourneySession(client?: JourneyClient): JourneySession {
  const store = sessionStore(useClient(client));
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
