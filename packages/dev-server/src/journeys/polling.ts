import { nameCallback } from './callbacks.js';
import type { Journey } from './types.js';

/**
 * A push-style wait: after the username, a PollingWaitCallback until its wait time has passed
 * (a poll that comes back sooner gets the same wait again), then the user is signed in.
 */
export const polling: Journey = {
  name: 'Polling',
  start: 'identify',
  nodes: {
    identify: {
      type: 'page',
      header: 'Sign in',
      callbacks: [nameCallback('User Name', 'username')],
      next: 'known',
    },
    known: { type: 'decision', check: 'userExists', outcomes: { true: 'wait', false: 'failure' } },
    wait: {
      type: 'pollingWait',
      waitTime: 1000,
      message: 'Waiting for you to approve the sign-in on your other device…',
      next: 'success',
    },
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
