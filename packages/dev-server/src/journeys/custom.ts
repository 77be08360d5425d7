import { guardedLogin } from './guarded-login.js';

/**
 * A custom node, as a tenant writes one: a callback type no SDK knows (`LuckyNumberCallback`)
 * whose number input (AM sends `0`) must come back as a JSON number from 1 to 9.
 */
export const custom = guardedLogin(
  'Custom',
  [
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
  { check: 'luckyNumber', pass: 'true', fail: ['false'] },
);
