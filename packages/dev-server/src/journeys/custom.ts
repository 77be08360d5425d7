import { checkCredentials, credentialsPage } from './login.js';
import type { Journey } from './types.js';

/**
 * A custom node, as a tenant writes one: a callback type no SDK knows (`LuckyNumberCallback`)
 * whose number input (AM sends `0`) must come back as a JSON number from 1 to 9.
 */
export const custom: Journey = {
  name: 'Custom',
  start: 'credentials',
  nodes: {
    credentials: {
      ...credentialsPage,
      callbacks: [
        ...credentialsPage.callbacks,
        {
          type: 'LuckyNumberCallback',
          output: [
            { name: 'prompt', value: 'Your lucky number (1 to 9)' },
            { name: 'min', value: 1 },
            { name: 'max', value: 9 },
          ],
          inputs: [{ suffix: '', value: 0, saveAs: 'luckyNumber' }],
        },
      ],
      next: 'checkNumber',
    },
    checkNumber: {
      type: 'decision',
      check: 'luckyNumber',
      outcomes: { true: 'checkCredentials', false: 'failure' },
    },
    checkCredentials: checkCredentials('success'),
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
