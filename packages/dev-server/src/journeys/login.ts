import { nameCallback, passwordCallback } from './callbacks.js';
import type { DecisionNode, Journey, PageNode } from './types.js';

/** Username and password on one page; its `checkCredentials` node goes on as `checkCredentials()` says. */
export const credentialsPage: PageNode = {
  type: 'page',
  header: 'Sign In',
  stage: 'UsernamePassword',
  callbacks: [nameCallback('User Name', 'username'), passwordCallback('Password', 'password')],
  next: 'checkCredentials',
};

/** Data Store Decision: on to `then` for the right password, else to `failure`. */
export const checkCredentials = (then: string): DecisionNode => ({
  type: 'decision',
  check: 'credentials',
  outcomes: { true: then, false: 'failure' },
});

/** Username and password on one page, checked against the user store. */
export const login: Journey = {
  name: 'Login',
  start: 'credentials',
  nodes: {
    credentials: credentialsPage,
    checkCredentials: checkCredentials('success'),
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
