import { randomBytes } from 'node:crypto';

import type { UserStore } from '../am/users.js';
import type { Outbox } from '../hooks/outbox.js';
import type { OneTimeCodes } from './one-time-codes.js';
import type { JsonValue } from './types.js';

export interface CheckContext {
  readonly journey: string;
  readonly users: UserStore;
  readonly codes: OneTimeCodes;
  readonly outbox: Outbox;
  /** Shared and transient state together. */
  readonly state: Readonly<Record<string, JsonValue>>;
}

/**
 * Returns the name of an outcome, which the decision node maps to a node; like AM's scripted
 * decisions, a check may also add to the shared state.
 */
export type Check = (
  context: CheckContext,
) => string | { readonly outcome: string; readonly state: Record<string, JsonValue> };

const text = (value: JsonValue | undefined) => (typeof value === 'string' ? value : '');
const userOf = ({ users, state }: CheckContext) => users.findByUsername(text(state.username));
const CHANNELS = ['email', 'sms'] as const;

/** The checks decision nodes can run, like AM's decision node types. */
export const CHECKS = {
  /** AM's Data Store Decision: `username` and `password` match a user → `true`, else `false`. */
  credentials: (context) => {
    const user = userOf(context);
    return user !== undefined && user.password === context.state.password ? 'true' : 'false';
  },
  /** Identify Existing User: `username` names a user → `true`. */
  userExists: (context) => (userOf(context) === undefined ? 'false' : 'true'),
  /**
   * OTP Generator + Sender: a one-time code for `username`, by the channel of `channel` (a choice
   * index: 0 email, 1 SMS), put in the outbox → `sent`. The state keeps only the code's id.
   */
  sendCode: (context) => {
    const user = userOf(context);
    if (user === undefined) return 'false';
    const channel = CHANNELS[Number(context.state.channel)] ?? 'email';
    const { id, code } = context.codes.issue();
    context.outbox.send({
      journey: context.journey,
      username: user.username,
      channel,
      to: channel === 'email' ? user.profile.email : '+1 555 0100',
      text: `Your journeykit sign-in code is ${code}`,
      code,
    });
    return { outcome: 'sent', state: { codeId: id } };
  },
  /** OTP Collector Decision: `code` is the code sent → `true` (once), else `false`. */
  checkCode: ({ codes, state }) => (codes.redeem(state.codeId, state.code) ? 'true' : 'false'),
  /**
   * Create Object: a user from `username`, `password`, `givenName`, `sn` and `mail` → `created`, or
   * `exists` when the username is taken.
   */
  createUser: (context) => {
    const { users, state } = context;
    const username = text(state.username);
    if (userOf(context) !== undefined || !username) return 'exists';
    const [given_name, family_name, email] = [
      text(state.givenName),
      text(state.sn),
      text(state.mail),
    ];
    users.register(username, text(state.password), {
      name: `${given_name} ${family_name}`.trim(),
      given_name,
      family_name,
      email,
    });
    return 'created';
  },
  /**
   * Social account linking: the provider's claims (`social`) name an account by its email → that
   * user (`linked`); else a new user with the provider's profile and no usable password (`created`).
   */
  socialAccount: ({ users, state }) => {
    const claims = (state.social ?? {}) as Record<string, JsonValue>;
    const email = text(claims.email);
    if (!email) return 'false';
    const known = users.list().find((user) => user.profile.email === email);
    if (known !== undefined) return { outcome: 'linked', state: { username: known.username } };
    const local = email.split('@')[0] ?? email;
    let username = local;
    for (let n = 2; users.findByUsername(username) !== undefined; n += 1) username = `${local}${n}`;
    const name = text(claims.name) || local;
    users.register(username, randomBytes(24).toString('base64url'), {
      name,
      given_name: name,
      family_name: '',
      email,
    });
    return { outcome: 'created', state: { username } };
  },
} satisfies Record<string, Check>;

export type CheckName = keyof typeof CHECKS;
