/**
 * Realms the way AM writes them in responses: `/` for the top-level realm, `/alpha`, `/alpha/sub`.
 * Paths and options name them in several forms (`root`, `alpha`, `root/alpha`, `realms/root/realms/alpha`);
 * everything is normalised to this one.
 */
export type Realm = `/${string}`;

/** `alpha`, `/alpha`, `root/alpha`, `/root/alpha` → `/alpha`; `''`, `/`, `root` → `/`. */
export function normalizeRealm(value: string): Realm {
  return realmFromNames(value.split('/'));
}

/** Realm names as they appear in a URL, with or without the leading `root`. */
export function realmFromNames(names: readonly string[]): Realm {
  const parts = names.map((name) => name.trim()).filter((name) => name !== '');
  if (parts[0] === 'root') parts.shift();
  return `/${parts.join('/')}`;
}

/** The name an SDK is configured with: `root`, `alpha`, `alpha/sub`. */
export function realmName(realm: Realm): string {
  return realm === '/' ? 'root' : realm.slice(1);
}

/** The canonical URL segment: `realms/root`, `realms/root/realms/alpha`. */
export function realmUrlPath(realm: Realm): string {
  return ['root', ...realm.split('/').filter(Boolean)].map((name) => `realms/${name}`).join('/');
}
