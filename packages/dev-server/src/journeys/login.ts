import { nameCallback, passwordCallback } from './callbacks.js';
import type { Journey } from './types.js';

/** Username and password on one page, checked against the user store. */
export const login: Journey = {
  name: 'Login',
  start: 'credentials',
  nodes: {
    credentials: {
      type: 'page',
      header: 'Sign In',
      stage: 'UsernamePassword',
      callbacks: [nameCallback('User Name', 'username'), passwordCallback('Password', 'password')],
      next: 'checkCredentials',
    },
    checkCredentials: {
      type: 'decision',
      check: 'credentials',
      outcomes: { true: 'success', false: 'failure' },
    },
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
