import {
  hiddenValueCallback,
  metadataCallback,
  nameCallback,
  passwordCallback,
} from './callbacks.js';
import { checkCredentials, credentialsPage } from './login.js';
import type { CallbackSpec, Journey, JourneyNode } from './types.js';

/** AM's WebAuthn step: the node's metadata (made for this journey) and the hidden outcome input. */
const webAuthnCallbacks: CallbackSpec[] = [
  { ...metadataCallback({}), output: [{ name: 'data', value: {}, fromState: 'webAuthnMetadata' }] },
  hiddenValueCallback('webAuthnOutcome', 'false', 'webAuthnOutcome'),
];

/** AM's WebAuthn Registration (or Authentication) node: options, the ceremony's page, the verdict. */
const webAuthnNodes = (
  kind: 'Registration' | 'Authentication',
  then: string,
): Record<string, JourneyNode> => ({
  [`webAuthn${kind}`]: {
    type: 'decision',
    check:
      kind === 'Registration' ? 'webAuthnRegistrationOptions' : 'webAuthnAuthenticationOptions',
    outcomes: { ready: `webAuthn${kind}Page` },
  },
  [`webAuthn${kind}Page`]: {
    type: 'page',
    header: kind === 'Registration' ? 'Register a passkey' : 'Sign in with a passkey',
    stage: `WebAuthn${kind}`,
    callbacks: webAuthnCallbacks,
    next: `webAuthn${kind}Verify`,
  },
  [`webAuthn${kind}Verify`]: {
    type: 'decision',
    check: kind === 'Registration' ? 'webAuthnRegister' : 'webAuthnAuthenticate',
    outcomes: { true: then, false: 'failure', error: 'failure' },
  },
});

const ends = {
  success: { type: 'success' },
  failure: { type: 'failure', message: 'Login failure' },
} as const;

/** Username and password, then a passkey registered for the user. */
export const passkeyRegistration: Journey = {
  name: 'PasskeyRegistration',
  start: 'credentials',
  nodes: {
    credentials: credentialsPage,
    checkCredentials: checkCredentials('webAuthnRegistration'),
    ...webAuthnNodes('Registration', 'success'),
    ...ends,
  },
};

/** A new account (username and password), its passkey registered as part of signing up. */
export const passkeySignUp: Journey = {
  name: 'PasskeySignUp',
  start: 'signUp',
  nodes: {
    signUp: {
      type: 'page',
      header: 'Sign Up',
      callbacks: [nameCallback('User Name', 'username'), passwordCallback('Password', 'password')],
      next: 'create',
    },
    create: {
      type: 'decision',
      check: 'createUser',
      outcomes: { created: 'webAuthnRegistration', exists: 'failure' },
    },
    ...webAuthnNodes('Registration', 'success'),
    ...ends,
  },
};

/** A username, then a passkey of that user. */
export const passkeyLogin: Journey = {
  name: 'PasskeyLogin',
  start: 'username',
  nodes: {
    username: {
      type: 'page',
      header: 'Sign In',
      callbacks: [nameCallback('User Name', 'username')],
      next: 'webAuthnAuthentication',
    },
    ...webAuthnNodes('Authentication', 'success'),
    ...ends,
  },
};

/** A passkey alone (a discoverable credential): its owner is the user. */
export const passkeyUsernameless: Journey = {
  name: 'PasskeyUsernameless',
  start: 'webAuthnAuthentication',
  nodes: { ...webAuthnNodes('Authentication', 'success'), ...ends },
};
