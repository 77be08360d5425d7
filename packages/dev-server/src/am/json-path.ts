import { realmFromNames, type Realm } from '../realm.js';

export type JsonEndpoint = 'authenticate' | 'sessions' | 'serverinfo';

export interface JsonTarget {
  readonly endpoint: JsonEndpoint;
  readonly realm: Realm;
  /** Segments after the endpoint: `[]` for `sessions/`, `['*']` for `serverinfo/*`. */
  readonly rest: readonly string[];
}

const ENDPOINTS: ReadonlySet<string> = new Set<JsonEndpoint>([
  'authenticate',
  'sessions',
  'serverinfo',
]);

/**
 * Reads the path below `/am/json/` in every form the SDKs use (am-protocol §1.2–1.3):
 * `realms/root/realms/alpha/authenticate` (JS), `realms/alpha/authenticate` (Android),
 * `alpha/authenticate` (realm alias), `authenticate` (root, or `?realm=`).
 */
export function parseJsonPath(path: string): JsonTarget | undefined {
  const segments = path.split('/').filter((segment) => segment !== '');
  const names: string[] = [];
  let at = 0;
  if (segments[0] === 'realms') {
    while (segments[at] === 'realms' && at + 1 < segments.length) {
      names.push(segments[at + 1] ?? '');
      at += 2;
    }
  } else {
    while (at < segments.length && !ENDPOINTS.has(segments[at] ?? '')) {
      names.push(segments[at] ?? '');
      at += 1;
    }
  }
  const endpoint = segments[at];
  if (endpoint === undefined || !ENDPOINTS.has(endpoint)) return undefined;
  return {
    endpoint: endpoint as JsonEndpoint,
    realm: realmFromNames(names),
    rest: segments.slice(at + 1),
  };
}
