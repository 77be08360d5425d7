import { parseJsonPath } from '../am/json-path.js';
import { AM_OAUTH_ROUTES } from '../oauth/routes.js';
import { DISCOVERY_PATH, JSON_PATH } from '../urls.js';

/** Stable names for the endpoints, used by the request log, the counters and fault injection. */
export type RouteName =
  | 'authenticate'
  | 'sessions'
  | 'serverinfo'
  | 'discovery'
  | 'authorize'
  | 'token'
  | 'revoke'
  | 'userinfo'
  | 'endSession'
  | 'jwks'
  | 'introspect'
  | 'other';

const OAUTH_ROUTE_NAMES: ReadonlyMap<string, RouteName> = new Map([
  [DISCOVERY_PATH, 'discovery'],
  [AM_OAUTH_ROUTES.authorization, 'authorize'],
  [AM_OAUTH_ROUTES.token, 'token'],
  [AM_OAUTH_ROUTES.revocation, 'revoke'],
  [AM_OAUTH_ROUTES.userinfo, 'userinfo'],
  [AM_OAUTH_ROUTES.end_session, 'endSession'],
  [AM_OAUTH_ROUTES.jwks, 'jwks'],
  [AM_OAUTH_ROUTES.introspection, 'introspect'],
]);

/** Names a request path (no query). JSON paths are named whatever realm they address. */
export function routeNamer(oauthPath: string): (path: string) => RouteName {
  return (path) => {
    if (path.startsWith(`${JSON_PATH}/`)) {
      return parseJsonPath(path.slice(JSON_PATH.length))?.endpoint ?? 'other';
    }
    if (path.startsWith(`${oauthPath}/`)) {
      return OAUTH_ROUTE_NAMES.get(path.slice(oauthPath.length)) ?? 'other';
    }
    return 'other';
  };
}
