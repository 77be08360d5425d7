import type { CheckName } from './checks.js';
import { checkCredentials, credentialsPage } from './login.js';
import type { CallbackSpec, Journey, JourneyNode } from './types.js';

/**
 * Username and password with an integration node's `callbacks` on the same page: `check` runs
 * first and only its `pass` outcome goes on to the password check. `before` adds nodes ahead of
 * the page (its id is `credentials`), `start` names the first.
 */
export function guardedLogin(
  name: string,
  callbacks: readonly CallbackSpec[],
  check: { check: CheckName; pass: string; fail: readonly string[] },
  before: { start: string; nodes: Record<string, JourneyNode> } = {
    start: 'credentials',
    nodes: {},
  },
): Journey {
  const fail = Object.fromEntries(check.fail.map((outcome) => [outcome, 'failure']));
  return {
    name,
    start: before.start,
    nodes: {
      ...before.nodes,
      credentials: {
        ...credentialsPage,
        callbacks: [...credentialsPage.callbacks, ...callbacks],
        next: 'guard',
      },
      guard: {
        type: 'decision',
        check: check.check,
        outcomes: { [check.pass]: 'checkCredentials', ...fail },
      },
      checkCredentials: checkCredentials('success'),
      success: { type: 'success' },
      failure: { type: 'failure', message: 'Login failure' },
    },
  };
}
