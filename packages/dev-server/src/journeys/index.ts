import { emailLink } from './email-link.js';
import { login } from './login.js';
import { polling } from './polling.js';
import { registration } from './registration.js';
import { secondFactor } from './second-factor.js';
import { socialLogin } from './social-login.js';
import type { Journey } from './types.js';

/** The journey run when a request names none (AM runs the realm's default tree). */
export const DEFAULT_JOURNEY = 'Login';

/** The journeys every server offers (names are case-sensitive, as tree names in AM). */
export const JOURNEYS: readonly Journey[] = [
  login,
  registration,
  secondFactor,
  emailLink,
  polling,
  socialLogin,
];
