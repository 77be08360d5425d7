import { randomUUID } from 'node:crypto';

import type { DevServerStyle } from '../options.js';

/** OIDC profile claims of a user, returned by scope (`profile`, `email`). */
export interface UserProfile {
  readonly name: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly email: string;
}

export interface DevUser {
  /** The identity id: `sub` of tokens and `uid` of sessions. AM style: the username; AIC style: a UUID. */
  readonly id: string;
  readonly username: string;
  readonly password: string;
  readonly profile: UserProfile;
}

/** In memory, per server. The Registration journey adds to it; added users log in like the demo user. */
export class UserStore {
  readonly #byUsername = new Map<string, DevUser>();
  readonly #style: DevServerStyle;

  constructor(style: DevServerStyle, users: readonly DevUser[] = [demoUser(style)]) {
    this.#style = style;
    for (const user of users) this.add(user);
  }

  /** A new user, identified as the server's style identifies users. */
  register(username: string, password: string, profile: UserProfile): DevUser {
    const user = { id: userId(this.#style, username), username, password, profile };
    this.add(user);
    return user;
  }

  add(user: DevUser): void {
    if (this.#byUsername.has(user.username)) throw new Error(`user ${user.username} exists`);
    this.#byUsername.set(user.username, user);
  }

  findByUsername(username: string): DevUser | undefined {
    return this.#byUsername.get(username);
  }

  findById(id: string): DevUser | undefined {
    return this.list().find((user) => user.id === id);
  }

  list(): readonly DevUser[] {
    return [...this.#byUsername.values()];
  }
}

/** AIC identifies users by UUID (random per server), AM by username. */
function userId(style: DevServerStyle, username: string): string {
  return style === 'aic' ? randomUUID() : username;
}

/** `demo` / `Ch4ng3it!`. */
export function demoUser(style: DevServerStyle): DevUser {
  return {
    id: userId(style, 'demo'),
    username: 'demo',
    password: 'Ch4ng3it!',
    profile: {
      name: 'Demo User',
      given_name: 'Demo',
      family_name: 'User',
      email: 'demo@example.com',
    },
  };
}
