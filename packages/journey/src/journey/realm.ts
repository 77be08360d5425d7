/** Realm names without empties or a leading `root`: 'alpha/sub' → ['alpha', 'sub']. */
function realmNames(realm: string | undefined): string[] {
  const names = (realm ?? '')
    .split('/')
    .map((n) => n.trim())
    .filter(Boolean);
  return names[0] === 'root' ? names.slice(1) : names;
}

/** AM's canonical realm path: 'alpha' → 'realms/root/realms/alpha' (am-protocol §1.2). */
export function realmPath(realm: string | undefined): string {
  return ['realms/root', ...realmNames(realm).map((n) => `realms/${n}`)].join('/');
}

/** The realm as AM writes it in responses: '/', '/alpha', '/alpha/sub'. */
export function realmName(realm: string | undefined): string {
  return `/${realmNames(realm).join('/')}`;
}
