import type { UserStore } from '../am/users.js';
import type { JsonValue } from './types.js';

export interface CheckContext {
  readonly users: UserStore;
  /** Shared and transient state together. */
  readonly state: Readonly<Record<string, JsonValue>>;
}

/** Returns the name of an outcome; the decision node maps outcomes to nodes. */
export type Check = (context: CheckContext) => string;

/** The checks decision nodes can run, like AM's decision node types. */
export const CHECKS = {
  /** AM's Data Store Decision: `username` and `password` match a user → `true`, else `false`. */
  credentials: ({ users, state }) => {
    const user =
      typeof state.username === 'string' ? users.findByUsername(state.username) : undefined;
    return user !== undefined && user.password === state.password ? 'true' : 'false';
  },
} satisfies Record<string, Check>;

export type CheckName = keyof typeof CHECKS;
