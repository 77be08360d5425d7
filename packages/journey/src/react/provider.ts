import type { JourneyClient } from '@journeykit/journey';
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { throwNoClient, useJourneyState, type UseJourneyResult } from './journey-state';

interface Shared {
  client: JourneyClient;
  journey: UseJourneyResult;
}

const JourneyContext = createContext<Shared | null>(null);

export interface JourneyProviderProps {
  client: JourneyClient;
  children?: ReactNode;
}

/** Shares one client and one journey (node, loading, error) with every screen below it. */
export function JourneyProvider({ client, children }: JourneyProviderProps) {
  const journey = useJourneyState(client);
  const value = useMemo(() => ({ client, journey }), [client, journey]);
  return createElement(JourneyContext.Provider, { value }, children);
}

/**
 * `[node, actions]`: with a client, state of this component's own; without, the nearest
 * provider's shared state. Throws JOURNEY_STATE_ERROR when there is neither.
 */
export function useJourney(client?: JourneyClient): UseJourneyResult {
  const shared = useContext(JourneyContext);
  const own = useJourneyState(client ?? null);
  if (client) return own;
  return shared?.journey ?? throwNoClient();
}

/** The given client, else the provider's. */
export function useClient(client?: JourneyClient): JourneyClient {
  const shared = useContext(JourneyContext);
  return client ?? shared?.client ?? throwNoClient();
}
