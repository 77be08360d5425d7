import { nameCallback } from './callbacks.js';
import type { Journey } from './types.js';

/**
 * A magic link: the user names themselves, the journey suspends and emails a single-use resume
 * link (to the server's outbox); opening it (`resume(link)`) signs the user in.
 */
export const emailLink: Journey = {
  name: 'EmailLink',
  start: 'identify',
  nodes: {
    identify: {
      type: 'page',
      header: 'Sign in with a link',
      description: 'We will email you a link that signs you in.',
      callbacks: [nameCallback('User Name', 'username')],
      next: 'known',
    },
    known: {
      type: 'decision',
      check: 'userExists',
      outcomes: { true: 'suspend', false: 'failure' },
    },
    suspend: { type: 'suspend', message: 'An email has been sent to your inbox.', next: 'success' },
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
