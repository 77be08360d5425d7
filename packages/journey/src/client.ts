import { validateConfig, type JourneyConfig } from './config';
import { JourneyError, type JourneyErrorCode } from './errors';
import { createEmitter, type JourneyEvent, type JourneyListener } from './events';
import { abortError, createTransport, untilAborted } from './http/transport';
import { originOf } from './http/url';
import { createJourneyFlow } from './journey/flow';
import { failureNode, text } from './journey/nodes';
import { realmName } from './journey/realm';
import { runtimeLocale } from './journey/stage';
import type {
  JourneyNextInput,
  JourneyNode,
  JourneyStartOptions,
  SuccessNode,
} from './journey/types';
import { createLog, noopLogger, type Log } from './logger';
import { logoutUser } from './logout';
import type { OidcContext } from './oidc/context';
import { discoveryLoader } from './oidc/discovery';
import { sessionLock } from './oidc/lock';
import { forgetTokens, revokeForgotten } from './oidc/revoke';
import { currentTokens, currentUserInfo, renewTokens } from './oidc/tokens';
import { isTokenSet, toUserSession, type JourneyUserSession } from './oidc/token-set';
import { systemClock } from './platform/clock';
import { resolveCrypto } from './platform/crypto';
import { isSsoToken, type SsoToken } from './session/sso-token';
import { memoryStorage } from './storage/memory';
import type { KeyValueStorage } from './storage/types';
import { storedRecord } from './storage/record';

export type JourneySSOToken = SsoToken;
export type JourneyUserInfo = Record<string, unknown>;
/** Every async method takes an optional AbortSignal; aborting leaves storage consistent. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The client of rn-journey (rn-journey-api §3.2), plus `subscribe` and per-call signals. */
export interface JourneyClient {
  init(): Promise<string>;
  getId(): Promise<string>;
  start(journeyName: string, options?: JourneyStartOptions): Promise<JourneyNode>;
  next(input?: JourneyNextInput, options?: CallOptions): Promise<JourneyNode>;
  resume(uri: string, options?: CallOptions): Promise<JourneyNode>;
  ssoToken(options?: CallOptions): Promise<JourneySSOToken | null>;
  /** The tokens: stored ones while fresh (no request), else renewed; null without a session. */
  user(options?: CallOptions): Promise<JourneyUserSession | null>;
  /** A refresh grant now (or a mint when there is no usable refresh token); null if it fails. */
  refresh(options?: CallOptions): Promise<JourneyUserSession | null>;
  /** Resolves true once the server confirmed the revocation (local tokens are gone either way). */
  revoke(options?: CallOptions): Promise<boolean>;
  userinfo(options?: CallOptions): Promise<JourneyUserInfo | null>;
  logoutUser(options?: CallOptions): Promise<boolean>;
  dispose(): Promise<void>;
  subscribe(listener: JourneyListener): () => void;
}

let created = 0;

/** Creates a journey client (design.md §1). Throws a JOURNEY_CONFIG_ERROR for a bad config. */
export function createJourneyClient(config: JourneyConfig): JourneyClient {
  validateConfig(config);
  const id = `journeykit-${++created}`;
  const getId = () => Promise.resolve(id);
  const log = createLog(config.logger ?? noopLogger);
  const events = createEmitter((error) => log.warn('An event listener threw', { error }));
  // What listeners hear carries no secret either.
  const emit = (event: JourneyEvent) => {
    log.hide('error' in event ? event.error : undefined);
    if (event.type === 'logout') event.outcomes.forEach((o) => log.hide(o.error));
    events.emit(event);
  };
  const serverUrl = config.serverUrl.trim().replace(/\/+$/, '');
  const origin = originOf(serverUrl)!;
  const server = {
    serverUrl,
    realm: config.realm?.trim() || 'root',
    cookie: config.cookie?.trim() || 'iPlanetDirectoryPro',
    origin,
  };
  // Late-bound, so a fetch polyfill installed after the client is created is still used.
  const send = createTransport({
    fetch: config.fetch ?? ((url, init) => fetch(url, init)),
    timeout: config.timeout ?? 15_000,
    log,
    insecure: config.allowInsecureRequests,
    maxBytes: config.maxResponseBytes,
  });
  // Records are namespaced by server, realm (and client, for tokens); hosts are case-insensitive.
  const namespace = `${origin}${serverUrl.slice(origin.length)}|${realmName(server.realm)}`;
  const record = <T>(
    kind: string,
    storage: KeyValueStorage,
    name: string,
    isValid: (data: unknown) => data is T,
  ) => {
    const stored = storedRecord(
      storage,
      `journeykit.${kind}:${name}`,
      kind,
      isValid,
      (key, error) => {
        log.warn(error.message, { key });
        emit({ type: 'storageError', key, error });
      },
      config.storageTimeout,
    );
    // What is read back is in use: its secrets stay masked, however many came since.
    const read = async () => {
      const value = await stored.read();
      const v = value as Record<string, string> | null;
      log.secret(v?.value, v?.accessToken, v?.refreshToken, v?.idToken);
      return value;
    };
    return { ...stored, read };
  };
  const sessionStorage = config.modules?.session?.storage ?? memoryStorage();
  const sso = record('session', sessionStorage, namespace, isSsoToken);
  const locales = ([] as string[]).concat(config.locale ?? runtimeLocale());
  // What the journey, the session methods and logout share.
  const ctx = { server, send, log, emit, sso, locales };
  const oidcConfig = config.modules?.oidc;
  const tokenStorage = oidcConfig?.storage ?? sessionStorage;
  const tokens =
    oidcConfig && record('tokens', tokenStorage, `${namespace}|${oidcConfig.clientId}`, isTokenSet);
  const oidc: OidcContext | undefined = oidcConfig &&
    tokens && {
      ...ctx,
      ...oidcConfig,
      scopes: oidcConfig.scopes?.length ? oidcConfig.scopes : ['openid', 'profile', 'email'],
      refreshThreshold: oidcConfig.refreshThreshold ?? 60,
      discovery: discoveryLoader(send, oidcConfig.discoveryEndpoint),
      tokens,
      lock: sessionLock(tokens.key, tokenStorage),
      crypto: resolveCrypto(config.crypto),
      clock: config.clock ?? systemClock,
      skew: { offset: 0 },
    };
  const flow = createJourneyFlow(ctx);

  /** After a SuccessNode: keep the new SSO token; tokens of an earlier session are retired. */
  const keep = async (node: SuccessNode): Promise<JourneyNode> => {
    const { tokenId, successUrl, realm } = node.input;
    if (typeof tokenId !== 'string' || !tokenId) return node; // session reused, or noSession
    log.secret(tokenId);
    try {
      const previous = await sso.read();
      await sso.write({
        value: tokenId,
        successUrl: text(successUrl),
        realm: text(realm) || realmName(server.realm),
      });
      // Tokens of an earlier session are not handed to this one; the server hears of it later.
      const old = oidc && previous?.value !== tokenId && (await forgetTokens(oidc));
      if (old) void revokeForgotten(oidc, old.tokens);
    } catch (error) {
      return failureNode('Signed in, but the session could not be saved', undefined, error);
    }
    emit({ type: 'sessionStarted', realm: text(realm) });
    return node;
  };

  /** The node a journey method resolves to: a failure carries the method's code; no secret shows. */
  const settle = async (code: JourneyErrorCode, reached: JourneyNode): Promise<JourneyNode> => {
    const node = reached.type === 'SuccessNode' ? await keep(reached) : reached;
    if (node.type === 'FailureNode') {
      Object.assign(node.error, { code });
      node.message = node.cause = log.hide(node.error).message;
    }
    if (node.type === 'ErrorNode') log.hide(node);
    return node;
  };

  /** Runs a session method that needs the OIDC module; an aborted signal stops it before it starts. */
  const session = <T>(
    method: string,
    options: CallOptions | undefined,
    task: (ctx: OidcContext, signal?: AbortSignal) => Promise<T>,
  ) =>
    guard('JOURNEY_USER_ERROR', log, () => {
      if (!oidc)
        throw new JourneyError(
          'JOURNEY_CONFIG_ERROR',
          'argument_error',
          `${method}() needs modules.oidc in the client configuration`,
        );
      if (options?.signal?.aborted) throw abortError(`${method}()`);
      return task(oidc, options?.signal);
    });

  return {
    init: getId,
    getId,
    start: (journeyName, options) =>
      guard('JOURNEY_START_ERROR', log, async () =>
        settle(
          'JOURNEY_START_ERROR',
          await flow.start(nonEmpty(journeyName, 'JOURNEY_START_ERROR', 'Journey name'), options),
        ),
      ),
    next: (input, options) =>
      guard('JOURNEY_NEXT_ERROR', log, async () =>
        settle('JOURNEY_NEXT_ERROR', await flow.next(input, options?.signal)),
      ),
    resume: (uri, options) =>
      guard('JOURNEY_RESUME_ERROR', log, async () => {
        nonEmpty(uri, 'JOURNEY_RESUME_ERROR', 'Resume URI');
        return settle('JOURNEY_RESUME_ERROR', await flow.resume(uri, options?.signal));
      }),
    ssoToken: (options) =>
      guard('JOURNEY_USER_ERROR', log, () =>
        untilAborted(sso.read(), options?.signal, 'ssoToken()'),
      ),
    user: (options) =>
      session('user', options, async (ctx, signal) =>
        toUserSession(await currentTokens(ctx, signal)),
      ),
    refresh: (options) =>
      session('refresh', options, async (ctx, signal) => {
        try {
          return toUserSession(await renewTokens(ctx, signal));
        } catch (error) {
          if ((error as JourneyError).type === 'abort_error') throw error;
          // refresh() reports a failed refresh as null; the cause went to the log and to listeners.
          log.warn('refresh() failed', { error });
          return null;
        }
      }),
    revoke: (options) =>
      session('revoke', options, async (ctx, signal) => {
        const old = await forgetTokens(ctx, signal);
        const confirmed = !old || (await revokeForgotten(ctx, old.tokens, signal));
        // The tokens are forgotten in memory whatever storage did; the caller hears that it failed.
        if (old?.failed) throw old.failed;
        return confirmed;
      }),
    userinfo: (options) => session('userinfo', options, currentUserInfo),
    logoutUser: (options) =>
      guard('JOURNEY_LOGOUT_ERROR', log, async () => {
        flow.dispose();
        await logoutUser({ ...ctx, oidc }, options?.signal);
        return true;
      }),
    dispose: () => {
      flow.dispose();
      return Promise.resolve();
    },
    subscribe: events.subscribe,
  };
}

/** Runs a public method: logs its failure and rejects only with a JourneyError. */
async function guard<T>(code: JourneyErrorCode, log: Log, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (caught) {
    let error = JourneyError.from(caught, code);
    // An abort carries the code of the method it stopped.
    if (error.type === 'abort_error' && error.code !== code)
      error = new JourneyError(code, 'abort_error', error.message);
    log.error(`${code}: ${log.hide(error).message}`);
    throw error;
  }
}

/** The argument, trimmed; a blank one is refused before anything is sent. */
function nonEmpty(value: unknown, code: JourneyErrorCode, what: string): string {
  if (typeof value !== 'string' || !value.trim())
    throw new JourneyError(code, 'argument_error', `${what} must not be empty.`);
  return value.trim();
}
