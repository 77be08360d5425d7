import { JourneyError } from '../errors';
import { createCookieJar } from '../http/cookies';
import type { Send } from '../http/transport';
import { joinUrl, queryParams, withQuery, type QueryParams } from '../http/url';
import type { Log } from '../logger';
import { applyInput, secretInputs } from './callbacks';
import { failureNode, toNode } from './nodes';
import { realmPath } from './realm';
import type { AmStep, JourneyNextInput, JourneyNode, JourneyStartOptions } from './types';

export interface FlowContext {
  send: Send;
  server: { serverUrl: string; realm: string; cookie: string; origin: string };
  locales: string[];
  log: Log;
  /** The stored SSO session, its token sent as the header named like the cookie (am-protocol §2.1). */
  sso: { read(): Promise<{ value: string } | null> };
}

/**
 * One journey in progress, AM's authenticate protocol (am-protocol §3): start, next and resume
 * run one at a time; the current step is kept until a node other than ContinueNode arrives.
 */
export interface JourneyFlow {
  start(name: string, options?: JourneyStartOptions): Promise<JourneyNode>;
  next(input?: JourneyNextInput, signal?: AbortSignal): Promise<JourneyNode>;
  resume(uri: string, signal?: AbortSignal): Promise<JourneyNode>;
  dispose(): void;
}

export function createJourneyFlow(ctx: FlowContext): JourneyFlow {
  const { serverUrl, realm, cookie } = ctx.server;
  const endpoint = joinUrl(serverUrl, `json/${realmPath(realm)}/authenticate`);
  const jar = createCookieJar(cookie);
  let step: AmStep | null = null;
  let noSession: 'true' | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const post = async (
    query: QueryParams,
    body: AmStep | Record<string, never>,
    signal: AbortSignal | undefined,
  ): Promise<JourneyNode> => {
    const sso = (await ctx.sso.read())?.value;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/json',
      'accept-api-version': 'resource=2.1, protocol=1.0',
      'x-requested-with': 'journeykit',
      'accept-language': ctx.locales.join(', '),
    };
    if (sso) headers[cookie] = sso;
    const cookies = jar.header();
    if (cookies) headers.cookie = cookies;
    let node: JourneyNode;
    try {
      const response = await ctx.send({
        url: withQuery(endpoint, query),
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal,
        stayOn: ctx.server.origin,
      });
      jar.store(response);
      node = toNode(response, ctx.locales);
    } catch (error) {
      // The caller gave up: nothing changed here, so the same step can be submitted again.
      if ((error as JourneyError).type === 'abort_error') throw error;
      node = failureNode(String(error), undefined, error);
    }
    step = node.type === 'ContinueNode' ? node.input : null;
    if (!step) jar.clear();
    ctx.log.info(`Journey reached ${node.type}`);
    return node;
  };

  return {
    start: (name, options = {}) =>
      serial(() => {
        jar.clear();
        noSession = options.noSession === true ? 'true' : undefined;
        return post(
          {
            authIndexType: 'service',
            authIndexValue: name,
            ForceAuth: options.forceAuth ? 'true' : undefined,
            noSession,
          },
          {},
          options.signal,
        );
      }),
    next: (input, signal) =>
      serial(() => {
        if (!step)
          throw new JourneyError(
            'JOURNEY_STATE_ERROR',
            'state_error',
            'No active ContinueNode. Call start() or resume() first.',
          );
        const submitted = applyInput(step, input);
        ctx.log.secret(...secretInputs(submitted));
        return post({ noSession }, submitted, signal);
      }),
    resume: (uri, signal) =>
      serial(async () => {
        const suspendedId = queryParams(uri).suspendedId;
        jar.clear();
        noSession = undefined;
        if (!suspendedId) {
          step = null;
          return failureNode('Invalid URI or missing suspendedId');
        }
        ctx.log.secret(suspendedId);
        return post({ suspendedId }, {}, signal);
      }),
    dispose: () => {
      step = null;
      jar.clear();
    },
  };
}
