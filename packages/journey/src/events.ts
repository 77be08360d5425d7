import type { JourneyError } from './errors';

/** Why a session ended: the app logged out, or the server no longer accepts the session. */
export type SessionEndReason = 'logout' | 'expired';

/** What a `logoutUser()` step did on the server. */
export type LogoutStep = 'session' | 'revoke' | 'endSession';
export type LogoutOutcome = {
  step: LogoutStep;
  ok: boolean;
  skipped?: boolean;
  error?: JourneyError;
};

/**
 * Events a client emits; subscribe with `client.subscribe(listener)`. Times are ms on the
 * client's clock; `null` means "no tokens" or "no expiry".
 * - `sessionStarted`: a journey ended in a new SSO session.
 * - `tokensChanged`: tokens were saved (`saved: true`: minted, refreshed; `expiresAt` null when the
 *   server gave no lifetime) or forgotten (`saved: false`).
 * - `refreshed`: a refresh grant succeeded (after `tokensChanged`).
 * - `refreshFailed`: a refresh grant failed; `tokensKept` says whether the tokens were kept (a
 *   failure that may pass) or dropped (the server refused the grant for good).
 * - `sessionEnded`: `logout`, or `expired` when the server no longer accepts the SSO session.
 * - `logout`: what each server-side step of `logoutUser()` did.
 * - `storageError`: a record could not be read (it was treated as absent) or written.
 */
export type JourneyEvent =
  | { type: 'sessionStarted'; realm: string }
  | { type: 'tokensChanged'; saved: boolean; expiresAt: number | null }
  | { type: 'refreshed'; expiresAt: number | null }
  | { type: 'refreshFailed'; error: JourneyError; tokensKept: boolean }
  | { type: 'sessionEnded'; reason: SessionEndReason }
  | { type: 'logout'; outcomes: LogoutOutcome[] }
  | { type: 'storageError'; key: string; error: JourneyError };

export type JourneyListener = (event: JourneyEvent) => void;

export interface Emitter {
  emit: (event: JourneyEvent) => void;
  subscribe: (listener: JourneyListener) => () => void;
}

export function createEmitter(onListenerError: (error: unknown) => void): Emitter {
  const listeners = new Set<JourneyListener>();
  return {
    emit: (event) => {
      for (const listener of [...listeners]) {
        // A throwing listener must not break the SDK operation that emitted.
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
