import { protectEvaluationCallback, protectInitializeCallback } from './integration-callbacks.js';
import { checkCredentials, credentialsPage } from './login.js';
import type { Journey } from './types.js';

/**
 * PingOne Protect's nodes, played by the dev server: Initialize (the settings AM sends), then
 * username and password with a risk evaluation; a Protect-like risk node lets low risk through.
 */
export const protect: Journey = {
  name: 'Protect',
  start: 'initialize',
  nodes: {
    initialize: {
      type: 'page',
      header: 'Protect',
      callbacks: [
        protectInitializeCallback(
          {
            envId: '00000000-0000-4000-8000-000000000000',
            consoleLogEnabled: false,
            deviceAttributesToIgnore: [],
            customHost: '',
            lazyMetadata: false,
            behavioralDataCollection: true,
            deviceKeyRsyncIntervals: 14,
            enableTrust: false,
            disableTags: false,
            disableHub: false,
          },
          'protectInit',
        ),
      ],
      next: 'credentials',
    },
    credentials: {
      ...credentialsPage,
      callbacks: [...credentialsPage.callbacks, protectEvaluationCallback(true, 'protect')],
      next: 'risk',
    },
    risk: {
      type: 'decision',
      check: 'risk',
      outcomes: { low: 'checkCredentials', high: 'failure', error: 'failure' },
    },
    checkCredentials: checkCredentials('success'),
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
