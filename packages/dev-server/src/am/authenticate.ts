import type { JourneyStepRecord } from '../hooks/journey-log.js';
import type { Outbox } from '../hooks/outbox.js';
import type { AppContext } from '../http/context.js';
import { queryParam } from '../http/query.js';
import { isRecord } from '../is-record.js';
import {
  SOCIAL_STATE_KEY,
  type JourneyEngine,
  type StepResult,
  type Submitted,
} from '../journeys/engine.js';
import { DEFAULT_JOURNEY } from '../journeys/index.js';
import type { Journey } from '../journeys/types.js';
import { submittedInputs } from '../journeys/wire.js';
import type { Realm } from '../realm.js';
import type { SocialProvider } from '../social/provider.js';
import type { AuthIdSigner, JourneyPosition } from './auth-id.js';
import { sendAmError } from './errors.js';
import { presentedSsoToken, setSessionCookie } from './session-token.js';
import type { SsoSessionStore } from './sso-sessions.js';
import type { SuspendedJourneys } from './suspended-journeys.js';
import type { UserStore } from './users.js';

export interface AuthenticateDeps {
  readonly realm: Realm;
  readonly cookieName: string;
  readonly successUrl: string;
  readonly journeys: ReadonlyMap<string, Journey>;
  readonly engine: JourneyEngine;
  readonly authIds: AuthIdSigner;
  readonly sessions: SsoSessionStore;
  readonly users: UserStore;
  readonly suspended: SuspendedJourneys;
  readonly outbox: Outbox;
  /** The link that resumes a suspended journey. */
  readonly resumeLink: (suspendedId: string) => string;
  /** The social provider a `socialRedirect` node sends users to. */
  readonly social?: SocialProvider;
  /** Told about every step of a journey (the `journeySteps` test hook). */
  readonly record: (step: JourneyStepRecord) => void;
}

/** The journey under way, and whether it ends without a session (asked on its first or last request). */
interface Progress {
  readonly journey: Journey;
  readonly noSession: boolean;
  /** The page submitted, if any. */
  readonly page?: string;
}

const AUTH_ID_PROBLEMS = {
  badSignature: 'AuthId JWT Signature not valid',
  unparseable: 'Failed to parse JWT',
} as const;

/**
 * `POST /json/.../authenticate` (am-protocol §3): without an authId it starts a journey (or resumes
 * one with `suspendedId`), with one it continues the journey the authId names (the URL's journey is
 * ignored then).
 */
export function authenticateHandler(deps: AuthenticateDeps) {
  const timedOut = (ctx: AppContext) =>
    sendAmError(ctx, 401, 'Session has timed out', { errorCode: '110' });

  async function start(ctx: AppContext): Promise<void> {
    const suspendedId = queryParam(ctx, 'suspendedId');
    if (suspendedId !== undefined) {
      await resume(ctx, suspendedId);
      return;
    }
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
    await answer(ctx, progress, { result: deps.engine.start(journey), received: [] });
  }

  /** A suspended journey goes on where it stopped; its link works once (AM: "magic links"). */
  async function resume(ctx: AppContext, suspendedId: string): Promise<void> {
    const position = deps.suspended.take(suspendedId);
    const journey = position && deps.journeys.get(position.authIndexValue);
    if (position === undefined || journey === undefined) {
      timedOut(ctx);
      return;
    }
    const noSession = position.noSession === true || queryParam(ctx, 'noSession') === 'true';
    const result = deps.engine.resume(journey, position.page, position.state);
    await answer(ctx, { journey, noSession }, { result, received: [] });
  }

  async function proceed(ctx: AppContext, authId: string, body: unknown): Promise<void> {
    const verified = await deps.authIds.verify(authId);
    if (!verified.ok) {
      if (verified.problem === 'expired') timedOut(ctx);
      else sendAmError(ctx, 400, AUTH_ID_PROBLEMS[verified.problem]);
      return;
    }
    const { position } = verified;
    const journey = deps.journeys.get(position.authIndexValue);
    if (journey === undefined || position.realm !== deps.realm) {
      sendAmError(ctx, 400, AUTH_ID_PROBLEMS.unparseable);
      return;
    }
    const noSession = position.noSession === true || queryParam(ctx, 'noSession') === 'true';
    const returned = await socialReturn(ctx, journey, position);
    const submitted = submittedInputs(body);
    const step = deps.engine.submit(journey, position.page, position.state, submitted, returned);
    await answer(ctx, { journey, noSession, page: position.page }, step);
  }

  /**
   * On a `socialRedirect` page, the provider's return: AM reads `code` and `state` from the query
   * of the continue request (am-protocol §3.10), exchanges the code and verifies the ID token.
   */
  async function socialReturn(ctx: AppContext, journey: Journey, position: JourneyPosition) {
    if (journey.nodes[position.page]?.type !== 'socialRedirect' || deps.social === undefined)
      return undefined;
    const expected = position.state[SOCIAL_STATE_KEY];
    if (typeof expected !== 'string') return undefined;
    const params = { code: queryParam(ctx, 'code'), state: queryParam(ctx, 'state') };
    const claims = await deps.social.complete(params, expected).catch(() => undefined);
    return claims && { ...claims };
  }

  async function answer(ctx: AppContext, progress: Progress, step: Submitted): Promise<void> {
    const { result } = step;
    deps.record({
      journey: progress.journey.name,
      ...(progress.page === undefined ? {} : { page: progress.page }),
      inputs: step.received,
      cookies: cookieNames(ctx),
      result: result.kind === 'page' ? result.nodeId : result.kind,
    });
    switch (result.kind) {
      case 'page': {
        const position = (page: string): JourneyPosition => ({
          authIndexValue: progress.journey.name,
          realm: deps.realm,
          page,
          state: result.shared,
          ...(progress.noSession ? { noSession: true } : {}),
        });
        if (result.suspend !== undefined) sendResumeLink(result, position(result.suspend.resumeAt));
        const { header, description, stage } = result.page;
        ctx.body = {
          authId: await deps.authIds.issue(position(result.nodeId)),
          callbacks: result.callbacks,
          ...(header === undefined ? {} : { header }),
          ...(description === undefined ? {} : { description }),
          ...(stage === undefined ? {} : { stage }),
        };
        return;
      }
      case 'failure':
        sendAmError(ctx, 401, result.message);
        return;
      case 'success': {
        if (progress.noSession) {
          ctx.body = { successUrl: deps.successUrl, realm: deps.realm };
          return;
        }
        const session = deps.sessions.create(result.user, deps.realm);
        setSessionCookie(ctx, deps.cookieName, session.token);
        ctx.body = { tokenId: session.token, successUrl: deps.successUrl, realm: deps.realm };
      }
    }
  }

  /** Email Suspend: the journey waits under a new suspendedId; the link goes to the user's inbox. */
  function sendResumeLink(result: StepResult & { kind: 'page' }, position: JourneyPosition): void {
    const link = deps.resumeLink(deps.suspended.suspend(position));
    const username = typeof result.shared.username === 'string' ? result.shared.username : '';
    const user = deps.users.findByUsername(username);
    deps.outbox.send({
      journey: position.authIndexValue,
      username,
      channel: 'email',
      to: user?.profile.email ?? '',
      text: `Open this link to carry on signing in: ${link}`,
      link,
    });
  }

  return async (ctx: AppContext, body: unknown): Promise<void> => {
    ctx.set({
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      Pragma: 'no-cache',
      Expires: '0',
    });
    const authId = isRecord(body) && typeof body.authId === 'string' ? body.authId : undefined;
    await (authId === undefined ? start(ctx) : proceed(ctx, authId, body));
    // AM's load-balancer stickiness cookie: a client keeps it for the rest of the journey.
    ctx.append('Set-Cookie', 'amlbcookie=01; Path=/');
  };
}

function cookieNames(ctx: AppContext): string[] {
  return ctx
    .get('Cookie')
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter(Boolean);
}
