import { checkCredentials, credentialsPage } from './login.js';
import type { CallbackSpec, Journey } from './types.js';

/** The provider the SocialLogin journey offers besides a password: the dev server's stand-in for Google. */
export const SOCIAL_PROVIDER = 'google';

/** AM's Select Identity Provider node: the social providers with their buttons, and a password here. */
const selectIdPCallback = (saveAs: string): CallbackSpec => ({
  type: 'SelectIdPCallback',
  output: [
    {
      name: 'providers',
      value: [
        {
          provider: SOCIAL_PROVIDER,
          uiConfig: {
            buttonDisplayName: 'Google (journeykit dev)',
            buttonImage: '',
            buttonClass: '',
            buttonCustomStyle: 'background-color: #fff; color: #757575; border-color: #ddd;',
            buttonCustomStyleHover: 'color: #6d6d6d; background-color: #eee; border-color: #ccc;',
            iconClass: 'fa-google',
            iconFontColor: 'white',
            iconBackground: '#4184f3',
          },
        },
        { provider: 'localAuthentication' },
      ],
    },
    { name: 'value', value: '' },
  ],
  inputs: [{ suffix: '', value: '', saveAs }],
});

/**
 * Sign in with the social provider or a password: Select Identity Provider, then either the
 * password page or Social Provider Handler (the redirect there and back), which links the
 * provider's account to the user with its email or creates one.
 */
export const socialLogin: Journey = {
  name: 'SocialLogin',
  start: 'select',
  nodes: {
    select: {
      type: 'page',
      header: 'Sign In',
      stage: 'SelectIdP',
      callbacks: [selectIdPCallback('provider')],
      next: 'provider',
    },
    provider: {
      type: 'decision',
      on: 'provider',
      outcomes: { [SOCIAL_PROVIDER]: 'redirect', localAuthentication: 'credentials' },
    },
    redirect: { type: 'socialRedirect', next: 'account', failure: 'failure' },
    account: {
      type: 'decision',
      check: 'socialAccount',
      outcomes: { linked: 'success', created: 'success', false: 'failure' },
    },
    credentials: credentialsPage,
    checkCredentials: checkCredentials('success'),
    success: { type: 'success' },
    failure: { type: 'failure', message: 'Login failure' },
  },
};
