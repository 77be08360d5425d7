import { JourneyError } from '../errors';
import { isObject } from '../http/json';
import { createCookieJar } from '../http/cookies';
import type { Send } from '../http/transport';
import { joinUrl, queryParams, withQuery, type QueryParams } from '../http/url';
import type { Log } from '../logger';
import type { StoredRecord } from '../storage/record';
import { applyInput, secretInputs } from './callbacks';
import { failureNode, toNode } from './nodes';
import { realmPath } from './realm';
import type { AmStep, JourneyNextInput, JourneyNode, JourneyStartOptions } from './types';

export interface FlowContext {
  send: Send;
  server: { serverUrl: string; realm: string; cookie: string };
  locales: string[];
  log: Log;
  /** The stored SSO session, its token sent as the header named like the cookie (am-protocol §2.1). */
  sso: { read(): Promise<{ value: string } | null> };
  /** The step a RedirectCallback left, kept across the trip to the identity provider and back. */
  redirect: StoredRecord<RedirectReturn>;
}

/** What the return from an external identity provider needs: the step to send back, and where. */
export interface RedirectReturn {
  step: AmStep;
  journey: string;
  realm: string;
  /** The `state` the provider must send back, when the redirect URL carries one. */
  state?: string;
}

export const isRedirectReturn = (data: unknown): data is RedirectReturn =>
  isObject(data) && isObject(data.step) && typeof data.journey === 'string';

/** What an identity provider's return carries that AM reads (am-protocol §3.10). */
const returnParams = ['code', 'state', 'scope', 'form_post_entry', 'responsekey', 'RelayState'];

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
  let journey = '';
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
      });
      jar.store(response);
      node = toNode(response, ctx.locales);
    } catch (error) {
      // The caller gave up: nothing changed here, so the same step can be submitted again.
      if ((error as JourneyError).type === 'abort_error') throw error;
      node = failureNode(String(error), undefined, error);
    }
    step = (node.type === 'ContinueNode' && node.input) || null;
    if (!step) jar.clear();
    // A redirect leaves the app (a full page load, another app): the step waits in storage.
    const redirect = step?.callbacks?.find((cb) => cb.type === 'RedirectCallback');
    const url = redirect?.output?.find((o) => o.name === 'redirectUrl')?.value;
    if (step && typeof url === 'string')
      await ctx.redirect.write({ step, journey, realm, state: queryParams(url).state });
    ctx.log.info(`Journey reached ${node.type}`);
    return node;
  };

  /**
   * The saved step and the return's parameters for AM. A return nobody waits for (replayed, or of
   * another journey) is refused before anything changes.
   */
  const takeReturn = async (params: Record<string, string>): Promise<[QueryParams, AmStep]> => {
    const saved = await ctx.redirect.read();
    if (!saved || (saved.state && params.state !== saved.state))
      throw new JourneyError(
        'No journey waits for this return', 'JOURNEY_RESUME_ERROR', 'state_error',
      );
    await ctx.redirect.remove();
    ctx.log.secret(params.code, params.form_post_entry, params.responsekey);
    journey = saved.journey;
    noSession = undefined;
    return [Object.fromEntries(returnParams.map((name) => [name, params[name]])), saved.step];
  };

  return {
    start: (name, options = {}) =>
      serial(() => {
        jar.clear();
        journey = name;
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
            'No active ContinueNode. Call start() or resume() first.',
            'JOURNEY_STATE_ERROR',
            'state_error',
          );
        const submitted = applyInput(step, input);
        ctx.log.secret(...secretInputs(submitted));
        return post({ noSession }, submitted, signal);
      }),
    resume: (uri, signal) =>
      serial(async () => {
        const params = queryParams(uri);
        const suspendedId = params.suspendedId;
        if (!suspendedId && returnParams.some((name) => params[name]))
          return post(...(await takeReturn(params)), signal);
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
