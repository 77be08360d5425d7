import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AuthIdSigner } from './am/auth-id.js';
import { authenticateHandler } from './am/authenticate.js';
import { jsonApi } from './am/json-api.js';
import { serverInfoHandler } from './am/serverinfo.js';
import { sessionsHandler } from './am/sessions.js';
import { SsoSessionStore } from './am/sso-sessions.js';
import { resumeLink, SuspendedJourneys } from './am/suspended-journeys.js';
import { UserStore, type DevUser } from './am/users.js';
import { buildApp } from './app.js';
import { FaultInjector, type Fault } from './hooks/faults.js';
import type { JourneyStepRecord } from './hooks/journey-log.js';
import { OAuthStats, type EndSessionRecord, type GrantCounts } from './hooks/oauth-stats.js';
import { Outbox, type OutboxMessage } from './hooks/outbox.js';
import { RequestLog, type RequestRecord } from './hooks/request-log.js';
import { routeNamer, type RouteName } from './hooks/route-names.js';
import { checkJourney, JourneyEngine } from './journeys/engine.js';
import { JOURNEYS } from './journeys/index.js';
import { OneTimeCodes } from './journeys/one-time-codes.js';
import { amEndSession } from './oauth/end-session.js';
import { mountProvider } from './oauth/mount.js';
import { oneHopAuthorize } from './oauth/one-hop.js';
import { createProvider } from './oauth/provider.js';
import { ProviderStore } from './oauth/provider-store.js';
import { recordProviderEvents, recordRevocations } from './oauth/record-stats.js';
import { otherClient, sdkClient } from './oauth/sdk-client.js';
import { TokenState } from './oauth/token-state.js';
import { resolveOptions, type DevServerOptions } from './options.js';
import { realmName } from './realm.js';
import {
  AM_PATH,
  APP_REDIRECT_URI,
  APP_SIGN_OUT_URI,
  DISCOVERY_PATH,
  LOOPBACK_CALLBACK_PATH,
  LOOPBACK_SIGNED_OUT_PATH,
  oauthPath,
} from './urls.js';

export interface DevServer {
  /** AM base URL, the SDK's `serverUrl`: `http://127.0.0.1:<port>/am`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The realm as an SDK is configured with it: `root`, `alpha`, `alpha/sub`. */
  readonly realm: string;
  readonly cookieName: string;
  /** `<url>/oauth2/realms/root[/realms/<realm>]`, equal to the id_tokens' `iss`. */
  readonly issuer: string;
  readonly discoveryEndpoint: string;
  readonly clientId: string;
  /** A second public client registered like the first (another app), to show what is bound to a client. */
  readonly otherClientId: string;
  /** The client's primary redirect URI, a custom scheme as a React Native app registers. */
  readonly redirectUri: string;
  /** An http loopback redirect URI the client also accepts (any port, RFC 8252). */
  readonly loopbackRedirectUri: string;
  readonly signOutRedirectUri: string;
  readonly loopbackSignOutRedirectUri: string;
  /** Users that can log in; the demo user first. */
  readonly users: readonly DevUser[];
  /** The names of the journeys served. */
  readonly journeys: readonly string[];
  /** A journeykit `createJourneyClient` configuration for this server and its client. */
  readonly clientConfig: DevClientConfig;

  /** Every request received, in arrival order. */
  readonly requests: readonly RequestRecord[];
  /** Requests received, all or of one route. */
  count(route?: RouteName): number;
  /** Clears the request log and every counter below. */
  resetLog(): void;
  /** Token-endpoint requests by grant type. */
  readonly grants: Readonly<GrantCounts>;
  /** Grants revoked because a rotated refresh token was replayed. */
  readonly reuseDetections: number;
  /** `/token/revoke` calls answered 200. */
  readonly revocations: number;
  /** `GET /connect/endSession` calls, in order. */
  readonly endSessions: readonly EndSessionRecord[];
  /** Every step of every journey: the inputs received (names, JSON types), cookies, where it went. */
  readonly journeySteps: readonly JourneyStepRecord[];
  /** Messages sent to users: one-time codes and resume links. */
  readonly outbox: readonly OutboxMessage[];
  /** Whether the AM session of this SSO token is live. */
  isSessionValid(ssoToken: string): boolean;
  isAccessTokenActive(accessToken: string): Promise<boolean>;
  /** False once rotated, revoked or expired. */
  isRefreshTokenActive(refreshToken: string): Promise<boolean>;
  /** Arms a fault for a route; applied before the real handler. */
  inject(route: RouteName, fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export interface DevClientConfig {
  serverUrl: string;
  realm: string;
  cookie: string;
  modules: { oidc: { clientId: string; redirectUri: string; discoveryEndpoint: string } };
}

/** Starts an AM-compatible server on 127.0.0.1 (am-protocol §9). */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const settings = resolveOptions(options);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? new PortInUseError(settings.port, settings.host) : error,
      ),
    );
    server.listen(settings.port, settings.host, resolve);
  });
  try {
    const { port } = server.address() as AddressInfo;
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    const origin = `http://${host}:${port}`;
    const oauthPrefix = oauthPath(settings.realm);
    const issuer = `${origin}${oauthPrefix}`;

    const users = new UserStore(settings.style);
    const outbox = new Outbox(options.onMessage);
    const journeySteps: JourneyStepRecord[] = [];
    const journeys = new Map([...JOURNEYS, ...settings.journeys].map((j) => [j.name, j]));
    journeys.forEach(checkJourney);
    const sessions = new SsoSessionStore(settings.sessionTtl);
    const store = new ProviderStore();
    const stats = new OAuthStats();
    const log = new RequestLog(options.onRequest);
    const faults = new FaultInjector();
    const client = sdkClient(settings, origin);
    const provider = await createProvider({
      issuer,
      settings,
      client,
      users,
      sessions,
      store,
    });
    recordProviderEvents(provider, stats);
    const tokens = new TokenState(provider);

    const { realm, cookieName, successUrl } = settings;
    const app = buildApp({
      settings,
      log,
      nameRoute: routeNamer(oauthPrefix),
      faults,
      jsonApi: jsonApi({
        realm,
        cookieName,
        handlers: {
          authenticate: authenticateHandler({
            realm,
            cookieName,
            successUrl,
            journeys,
            engine: new JourneyEngine({ users, codes: new OneTimeCodes(), outbox }),
            authIds: new AuthIdSigner(settings.authIdTtl),
            sessions,
            users,
            suspended: new SuspendedJourneys(),
            outbox,
            resumeLink: (id) =>
              resumeLink(settings.resumeUrl ?? `${origin}${AM_PATH}/XUI/?realm=${realm}`, id),
            record: (step) => journeySteps.push(step),
          }),
          sessions: sessionsHandler({ cookieName, sessions }),
          serverinfo: serverInfoHandler(realm, cookieName),
        },
      }),
      oauthPath: oauthPrefix,
      oauth: [
        recordRevocations(stats),
        amEndSession({ provider, store, sessions, record: (r) => stats.endSessions.push(r) }),
        oneHopAuthorize(provider, sessions, cookieName),
        mountProvider(provider, oauthPrefix),
      ],
    });
    const handle = app.callback();
    server.on('request', (req, res) => void handle(req, res));

    return {
      url: `${origin}${AM_PATH}`,
      origin,
      realm: realmName(realm),
      cookieName,
      issuer,
      discoveryEndpoint: `${issuer}${DISCOVERY_PATH}`,
      clientId: settings.clientId,
      otherClientId: otherClient(client).client_id,
      redirectUri: APP_REDIRECT_URI,
      loopbackRedirectUri: `${origin}${LOOPBACK_CALLBACK_PATH}`,
      signOutRedirectUri: APP_SIGN_OUT_URI,
      loopbackSignOutRedirectUri: `${origin}${LOOPBACK_SIGNED_OUT_PATH}`,
      get users() {
        return users.list();
      },
      journeys: [...journeys.keys()],
      get clientConfig() {
        return {
          serverUrl: `${origin}${AM_PATH}`,
          realm: realmName(realm),
          cookie: cookieName,
          modules: {
            oidc: {
              clientId: settings.clientId,
              redirectUri: APP_REDIRECT_URI,
              discoveryEndpoint: `${issuer}${DISCOVERY_PATH}`,
            },
          },
        };
      },
      get requests() {
        return log.records;
      },
      count: (route) => log.count(route),
      resetLog: () => {
        log.reset();
        stats.reset();
        outbox.reset();
        journeySteps.length = 0;
      },
      get grants() {
        return { ...stats.grants };
      },
      get reuseDetections() {
        return stats.reuseDetections;
      },
      get revocations() {
        return stats.revocations;
      },
      get endSessions() {
        return [...stats.endSessions];
      },
      get journeySteps() {
        return [...journeySteps];
      },
      get outbox() {
        return outbox.messages;
      },
      isSessionValid: (ssoToken) => sessions.find(ssoToken) !== undefined,
      isAccessTokenActive: (accessToken) => tokens.isAccessTokenActive(accessToken),
      isRefreshTokenActive: (refreshToken) => tokens.isRefreshTokenActive(refreshToken),
      inject: (route, fault) => faults.inject(route, fault),
      clearFaults: () => faults.clear(),
      close: () => close(server),
    };
  } catch (error) {
    await close(server);
    throw error;
  }
}

/** Stops listening and cuts kept-alive connections, so tests end promptly. Closing twice is harmless. */
function close(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}

/** A busy port, said in words: which one, for the caller to offer another. */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
  constructor(
    readonly port: number,
    host: string,
  ) {
    super(`Port ${port} on ${host} is already in use by another program.`);
    this.name = 'PortInUseError';
  }
}
