import { guardedLogin } from './guarded-login.js';
import { protectEvaluationCallback, protectInitializeCallback } from './integration-callbacks.js';

/**
 * PingOne Protect's nodes, played by the dev server: Initialize (the settings AM sends), then
 * username and password with a risk evaluation; a Protect-like risk node lets low risk through.
 */
export const protect = guardedLogin(
  'Protect',
  [protectEvaluationCallback(true, 'protect')],
  { check: 'risk', pass: 'low', fail: ['high', 'error'] },
  {
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
    },
  },
);
