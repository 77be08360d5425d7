import { describe, expect, it } from 'vitest';
import { realmName, realmPath } from './realm';

describe('realm paths (am-protocol §1.2)', () => {
  it.each([
    [undefined, 'realms/root', '/'],
    ['', 'realms/root', '/'],
    ['/', 'realms/root', '/'],
    ['root', 'realms/root', '/'],
    ['alpha', 'realms/root/realms/alpha', '/alpha'],
    ['/alpha', 'realms/root/realms/alpha', '/alpha'],
    ['root/alpha', 'realms/root/realms/alpha', '/alpha'],
    ['alpha/sub', 'realms/root/realms/alpha/realms/sub', '/alpha/sub'],
  ])('%s', (realm, path, name) => {
    expect(realmPath(realm)).toBe(path);
    expect(realmName(realm)).toBe(name);
  });
});
