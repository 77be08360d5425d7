import { recaptchaEnterpriseCallback } from './integration-callbacks.js';
import { RECAPTCHA_TEST_SITE_KEY } from './integration-checks.js';
import { checkCredentials, credentialsPage } from './login.js';
import type { Journey } from './types.js';

/**
 * Username and password with a reCAPTCHA Enterprise node on the same page. Google cannot be
 * reached here, so the CAPTCHA is checked by a test verifier: it passes `RECAPTCHA_TEST_TOKEN`.
 */
export const recaptcha: Journey = {
  name: 'ReCaptcha',
  start: 'credentials',
  nodes: {
    credentials: {
      ...credentialsPage,
      callbacks: [
        ...credentialsPage.callbacks,
        recaptchaEnterpriseCallback(RECAPTCHA_TEST_SITE_KEY, 'captcha'),
      ],
      next: 'checkCaptcha',
    },
    checkCaptcha: {
      type: 'decision',
      check: 'recaptcha',
      outcomes: { true: 'checkCredentials', false: 'failure' },
    },
    checkCredentials: checkCredentials('success'),
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
