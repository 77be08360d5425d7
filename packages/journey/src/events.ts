import type { JourneyError } from './errors';

/** Why a session ended: the app logged out, or the server refused the session for good. */
export type SessionEndReason = 'logout' | 'expired' | 'revoked';

/** What a `logoutUser()` step did on the server. */
export type LogoutStep = 'session' | 'revoke' | 'endSession';
export type LogoutOutcome = {
  step: LogoutStep;
  ok: boolean;
  skipped?: boolean;
  error?: JourneyError;
};

/** Events a client emits; subscribe with `client.subscribe(listener)`. */
export type JourneyEvent =
  | { type: 'sessionStarted'; realm: string }
  | { type: 'tokensChanged'; expiresAt: number | null }
  | { type: 'refreshed'; expiresAt: number }
  | { type: 'refreshFailed'; error: JourneyError; tokensKept: boolean }
  | { type: 'sessionEnded'; reason: SessionEndReason }
  | { type: 'logout'; outcomes: LogoutOutcome[] }
  | { type: 'storageError'; key: string; error: JourneyError };

export type JourneyListener = (event: JourneyEvent) => void;

export interface Emitter {
  emit(event: JourneyEvent): void;
  subscribe(listener: JourneyListener): () => void;
}

export function createEmitter(onListenerError: (error: unknown) => void): Emitter {
  const listeners = new Set<JourneyListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        // A throwing listener must not break the SDK operation that emitted.
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
