import { JourneyError } from './errors';
import type { Emitter, LogoutOutcome, LogoutStep } from './events';
import type { Send } from './http/transport';
import type { Log } from './logger';
import type { OidcContext } from './oidc/context';
import { endOidcSession } from './oidc/end-session';
import { revokeOnServer } from './oidc/revoke';
import { endAmSession } from './session/logout';
import type { SsoToken } from './session/sso-token';
import type { StoredRecord } from './storage/record';

export interface LogoutContext {
  send: Send;
  server: { serverUrl: string; realm: string; cookie: string; origin: string };
  sso: StoredRecord<SsoToken>;
  oidc?: OidcContext;
  log: Log;
  emit: Emitter['emit'];
}

/**
 * `logoutUser()`: local state is cleared first, under the session lock, so logout succeeds even
 * offline and no renewal can save tokens after it; when storage cannot remove a record, the client
 * forgets it in memory, ends the session on the server, then rejects with a storage_error. Then the AM session logout, the token
 * revocation and the OIDC end session run in parallel; each outcome is logged and emitted.
 */
export async function logoutUser(
  ctx: LogoutContext,
  signal?: AbortSignal,
): Promise<LogoutOutcome[]> {
  const { oidc, send } = ctx;
  const clearLocal = async () => {
    const [sso, tokens] = await Promise.all([ctx.sso.read(), oidc?.tokens.read() ?? null]);
    const failed = await Promise.all([ctx.sso.remove(), oidc?.tokens.remove()]);
    return { sso, tokens, failed: failed.find(Boolean) };
  };
  const { sso, tokens, failed } = oidc ? await oidc.lock(clearLocal) : await clearLocal();
  if (sso || tokens) ctx.emit({ type: 'sessionEnded', reason: 'logout' });

  /** One server-side step: skipped when there is nothing to end, logged when it ran. */
  const step = async (
    name: LogoutStep,
    run: false | null | undefined | '' | (() => Promise<void>),
  ): Promise<LogoutOutcome> => {
    if (!run) return { step: name, ok: true, skipped: true };
    try {
      await run();
      ctx.log.info(`Logout ${name}: done`);
      return { step: name, ok: true };
    } catch (caught) {
      const error = JourneyError.from(caught, 'JOURNEY_LOGOUT_ERROR');
      ctx.log.warn(`Logout ${name}: failed`, { error });
      return { step: name, ok: false, error };
    }
  };
  const outcomes = await Promise.all([
    step('session', sso && (() => endAmSession(send, ctx.server, sso.value, signal))),
    step('revoke', oidc && tokens && (() => revokeOnServer(oidc, tokens, signal))),
    step(
      'endSession',
      oidc && tokens?.idToken && (() => endOidcSession(oidc, tokens.idToken!, signal)),
    ),
  ]);
  ctx.emit({ type: 'logout', outcomes });
  // Signed out in memory and on the server; the caller hears that the device still holds records.
  if (failed)
    throw new JourneyError('JOURNEY_LOGOUT_ERROR', 'storage_error', failed.message, {
      cause: failed,
    });
  return outcomes;
}
