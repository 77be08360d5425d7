import Router from '@koa/router';
import Koa from 'koa';

import type { FaultInjector } from './hooks/faults.js';
import type { RequestLog } from './hooks/request-log.js';
import type { RouteName } from './hooks/route-names.js';
import type { AppMiddleware, AppState } from './http/context.js';
import { cors } from './http/cors.js';
import { internalError } from './http/internal-error.js';
import type { Settings } from './options.js';
import {
  AM_PATH,
  JSON_PATH,
  LOOPBACK_CALLBACK_PATH,
  LOOPBACK_SIGNED_OUT_PATH,
  SOCIAL_PATH,
} from './urls.js';

export interface AppParts {
  readonly settings: Settings;
  readonly log: RequestLog;
  readonly nameRoute: (path: string) => RouteName;
  readonly faults: FaultInjector;
  /** Everything below `/am/json/`. */
  readonly jsonApi: AppMiddleware;
  /** Where oidc-provider is mounted, and the chain that serves it. */
  readonly oauthPath: string;
  readonly oauth: readonly AppMiddleware[];
  /** The social provider, below `/social`. */
  readonly social: AppMiddleware;
  /** AM's hosted sign-in page. */
  readonly hostedLogin: AppMiddleware;
}

/**
 * The middleware order is the design: the log sees every request (and names its route), CORS
 * answers preflights, faults replace or wrap the real handlers, then the AM and OAuth routes.
 */
export function buildApp(parts: AppParts): Koa<AppState> {
  const { settings } = parts;
  const app = new Koa<AppState>();
  app.use(parts.log.middleware(parts.nameRoute));
  app.use(internalError());
  app.use(cors(settings.corsOrigins, settings.cookieName));
  app.use(parts.faults.middleware());

  const router = new Router<AppState>();
  router.all(`${JSON_PATH}/*rest`, parts.jsonApi);
  router.all(`${parts.oauthPath}/*rest`, ...parts.oauth);
  router.all(`${SOCIAL_PATH}/*rest`, parts.social);
  router.get(`${AM_PATH}/XUI/`, parts.hostedLogin);
  router.get([LOOPBACK_CALLBACK_PATH, LOOPBACK_SIGNED_OUT_PATH], (ctx) => {
    ctx.body = 'journeykit dev server: the app would take over here. You can close this page.';
  });
  app.use(router.routes());
  return app;
}
