import type { AppContext } from '../http/context.js';
import { queryParam } from '../http/query.js';
import { isRecord } from '../is-record.js';
import type { JourneyEngine, StepResult } from '../journeys/engine.js';
import { DEFAULT_JOURNEY } from '../journeys/index.js';
import type { Journey } from '../journeys/types.js';
import { renderCallbacks, submittedInputs } from '../journeys/wire.js';
import type { Realm } from '../realm.js';
import type { AuthIdSigner, JourneyPosition } from './auth-id.js';
import { sendAmError } from './errors.js';
import { presentedSsoToken, setSessionCookie } from './session-token.js';
import type { SsoSessionStore } from './sso-sessions.js';

export interface AuthenticateDeps {
  readonly realm: Realm;
  readonly cookieName: string;
  readonly successUrl: string;
  readonly journeys: ReadonlyMap<string, Journey>;
  readonly engine: JourneyEngine;
  readonly authIds: AuthIdSigner;
  readonly sessions: SsoSessionStore;
}

/** The journey under way, and whether it ends without a session (asked on its first or last request). */
interface Progress {
  readonly journey: Journey;
  readonly noSession: boolean;
}

const AUTH_ID_PROBLEMS = {
  badSignature: 'AuthId JWT Signature not valid',
  unparseable: 'Failed to parse JWT',
} as const;

/**
 * `POST /json/.../authenticate` (am-protocol §3): without an authId it starts a journey, with one it
 * continues the journey the authId names (the URL's journey is ignored then).
 */
export function authenticateHandler(deps: AuthenticateDeps) {
  async function start(ctx: AppContext): Promise<void> {
    const indexType = queryParam(ctx, 'authIndexType');
    if (indexType !== undefined && indexType !== 'service') {
      sendAmError(ctx, 400, 'Unknown Authentication Index Type');
      return;
    }
    // One realm per server, so any live session is of this realm.
    const session = deps.sessions.find(presentedSsoToken(ctx, deps.cookieName));
    if (session !== undefined && queryParam(ctx, 'ForceAuth') !== 'true') {
      ctx.body = { tokenId: '', successUrl: deps.successUrl, realm: deps.realm };
      return;
    }
    const name =
      indexType === undefined
        ? DEFAULT_JOURNEY
        : (queryParam(ctx, 'authIndexValue') ?? DEFAULT_JOURNEY);
    const journey = deps.journeys.get(name);
    if (journey === undefined) {
      sendAmError(ctx, 400, 'No Configuration found');
      return;
    }
    const progress = { journey, noSession: queryParam(ctx, 'noSession') === 'true' };
    await answer(ctx, progress, deps.engine.start(journey));
  }

  async function proceed(ctx: AppContext, authId: string, body: unknown): Promise<void> {
    const verified = await deps.authIds.verify(authId);
    if (!verified.ok) {
      if (verified.problem === 'expired') {
        sendAmError(ctx, 401, 'Session has timed out', { errorCode: '110' });
      } else {
        sendAmError(ctx, 400, AUTH_ID_PROBLEMS[verified.problem]);
      }
      return;
    }
    const { position } = verified;
    const journey = deps.journeys.get(position.authIndexValue);
    if (journey === undefined || position.realm !== deps.realm) {
      sendAmError(ctx, 400, AUTH_ID_PROBLEMS.unparseable);
      return;
    }
    const noSession = position.noSession === true || queryParam(ctx, 'noSession') === 'true';
    const step = deps.engine.submit(journey, position.page, position.state, submittedInputs(body));
    await answer(ctx, { journey, noSession }, step);
  }

  async function answer(ctx: AppContext, progress: Progress, step: StepResult): Promise<void> {
    switch (step.kind) {
      case 'page': {
        const position: JourneyPosition = {
          authIndexValue: progress.journey.name,
          realm: deps.realm,
          page: step.nodeId,
          state: step.shared,
          ...(progress.noSession ? { noSession: true } : {}),
        };
        const { header, description, stage } = step.page;
        ctx.body = {
          authId: await deps.authIds.issue(position),
          callbacks: renderCallbacks(step.page.callbacks),
          ...(header === undefined ? {} : { header }),
          ...(description === undefined ? {} : { description }),
          ...(stage === undefined ? {} : { stage }),
        };
        return;
      }
      case 'failure':
        sendAmError(ctx, 401, step.message);
        return;
      case 'success': {
        if (progress.noSession) {
          ctx.body = { successUrl: deps.successUrl, realm: deps.realm };
          return;
        }
        const session = deps.sessions.create(step.user, deps.realm);
        setSessionCookie(ctx, deps.cookieName, session.token);
        ctx.body = { tokenId: session.token, successUrl: deps.successUrl, realm: deps.realm };
      }
    }
  }

  return async (ctx: AppContext, body: unknown): Promise<void> => {
    ctx.set({
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      Pragma: 'no-cache',
      Expires: '0',
    });
    const authId = isRecord(body) && typeof body.authId === 'string' ? body.authId : undefined;
    await (authId === undefined ? start(ctx) : proceed(ctx, authId, body));
  };
}
