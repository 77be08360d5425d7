import { readJsonBody, type JsonBody } from '../http/body.js';
import type { AppContext, AppMiddleware } from '../http/context.js';
import { normalizeRealm, type Realm } from '../realm.js';
import { JSON_PATH } from '../urls.js';
import { failsCsrfCheck } from './csrf.js';
import { sendAmError } from './errors.js';
import { parseJsonPath, type JsonEndpoint, type JsonTarget } from './json-path.js';

type JsonHandler = (ctx: AppContext, body: unknown) => void | Promise<void>;

export interface JsonApiDeps {
  readonly realm: Realm;
  readonly cookieName: string;
  readonly handlers: Readonly<Record<JsonEndpoint, JsonHandler>>;
}

const METHODS: Readonly<Record<JsonEndpoint, string>> = {
  authenticate: 'POST',
  sessions: 'POST',
  serverinfo: 'GET',
};

const BODY_PROBLEMS = {
  malformed: [
    400,
    'The request could not be processed because the provided content is not valid JSON',
  ],
  unsupportedMediaType: [415, 'Unsupported Media Type'],
  tooLarge: [413, 'Request Entity Too Large'],
} as const;

/**
 * Everything under `/am/json/`: resolves the endpoint and the realm from any path form, applies the
 * CSRF rule, reads the JSON body, then hands over to the endpoint's handler.
 */
export function jsonApi(deps: JsonApiDeps): AppMiddleware {
  return async (ctx) => {
    const target = parseJsonPath(ctx.path.slice(JSON_PATH.length));
    if (target === undefined || !hasExpectedRest(target)) {
      sendAmError(ctx, 404, 'Not Found');
      return;
    }
    const queryRealm = ctx.query.realm;
    const realm = typeof queryRealm === 'string' ? normalizeRealm(queryRealm) : target.realm;
    if (realm !== deps.realm) {
      sendAmError(ctx, 400, 'Realm not found');
      return;
    }
    if (failsCsrfCheck(ctx, deps.cookieName)) {
      sendAmError(ctx, 403, 'Forbidden');
      return;
    }
    if (ctx.method !== METHODS[target.endpoint]) {
      sendAmError(ctx, 405, 'Method Not Allowed');
      return;
    }
    const body: JsonBody =
      ctx.method === 'POST' ? await readJsonBody(ctx) : { ok: true, value: undefined };
    if (!body.ok) {
      const [status, message] = BODY_PROBLEMS[body.problem];
      sendAmError(ctx, status, message);
      return;
    }
    await deps.handlers[target.endpoint](ctx, body.value);
  };
}

/** `authenticate` and `sessions` take nothing after them (a trailing slash is fine); `serverinfo/*` one id. */
function hasExpectedRest(target: JsonTarget): boolean {
  return target.rest.length === (target.endpoint === 'serverinfo' ? 1 : 0);
}
