import { guardedLogin } from './guarded-login.js';
import { recaptchaEnterpriseCallback } from './integration-callbacks.js';
import { RECAPTCHA_TEST_SITE_KEY } from './integration-checks.js';

/**
 * Username and password with a reCAPTCHA Enterprise node on the same page. Google cannot be
 * reached here, so the CAPTCHA is checked by a test verifier: it passes `RECAPTCHA_TEST_TOKEN`.
 */
export const recaptcha = guardedLogin(
  'ReCaptcha',
  [recaptchaEnterpriseCallback(RECAPTCHA_TEST_SITE_KEY, 'captcha')],
  { check: 'recaptcha', pass: 'true', fail: ['false'] },
);
