import { deviceProfileCallback } from './integration-callbacks.js';
import { checkCredentials, credentialsPage } from './login.js';
import type { Journey } from './types.js';

/**
 * AIC's "Device profiling" template: username and password, then the Device Profile Collector
 * (metadata and location) and a check of what arrived, which is kept in the journey's state.
 */
export const deviceProfile: Journey = {
  name: 'DeviceProfile',
  start: 'credentials',
  nodes: {
    credentials: credentialsPage,
    checkCredentials: checkCredentials('collect'),
    collect: {
      type: 'page',
      header: 'Checking your device',
      callbacks: [
        deviceProfileCallback(
          { metadata: true, location: true, message: 'Collecting profile ...' },
          'deviceProfile',
        ),
      ],
      next: 'checkDevice',
    },
    checkDevice: {
      type: 'decision',
      check: 'deviceProfile',
      outcomes: { true: 'success', false: 'failure' },
    },
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
