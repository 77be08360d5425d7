import {
  choiceCallback,
  confirmationCallback,
  textInputCallback,
  textOutputCallback,
} from './callbacks.js';
import { checkCredentials, credentialsPage } from './login.js';
import type { CallbackSpec, Journey } from './types.js';

const CODE_INPUTS: CallbackSpec[] = [
  textInputCallback('One-time code', 'code'),
  confirmationCallback(['Submit', 'Send a new code'], 'codeAction'),
];

/**
 * Username and password, then a one-time code by the channel the user picks (ChoiceCallback); the
 * code goes to the server's outbox (tests read it there, the bin prints it) and comes back in a
 * TextInputCallback. Three wrong codes fail the journey.
 */
export const secondFactor: Journey = {
  name: 'SecondFactor',
  start: 'credentials',
  nodes: {
    credentials: credentialsPage,
    checkCredentials: checkCredentials('channel'),
    channel: {
      type: 'page',
      header: 'Second factor',
      stage: 'ChooseChannel',
      callbacks: [
        choiceCallback('Where should we send your one-time code?', ['Email', 'SMS'], 'channel'),
      ],
      next: 'send',
    },
    send: { type: 'decision', check: 'sendCode', outcomes: { sent: 'code', false: 'failure' } },
    code: {
      type: 'page',
      header: 'Second factor',
      stage: 'OneTimeCode',
      callbacks: [textOutputCallback('Enter the code we just sent you.'), ...CODE_INPUTS],
      next: 'codeAction',
    },
    codeAction: { type: 'decision', on: 'codeAction', outcomes: { 0: 'checkCode', 1: 'send' } },
    checkCode: {
      type: 'decision',
      check: 'checkCode',
      outcomes: { true: 'success', false: 'retry' },
    },
    retry: { type: 'retryLimit', limit: 2, retry: 'codeAgain', reject: 'failure' },
    codeAgain: {
      type: 'page',
      header: 'Second factor',
      stage: 'OneTimeCode',
      callbacks: [
        textOutputCallback('That code is not right. Try again.', 'error'),
        ...CODE_INPUTS,
      ],
      next: 'codeAction',
    },
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
