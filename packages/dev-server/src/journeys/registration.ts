import {
  attributeInputCallback,
  kbaCreateCallback,
  termsAndConditionsCallback,
  validatedPasswordCallback,
  validatedUsernameCallback,
} from './callbacks.js';
import type { Journey } from './types.js';

/**
 * AIC's default Registration on one page: Platform Username, Attribute Collector, Platform Password,
 * KBA Definition, Accept Terms and Conditions; then Create Object and a session for the new user.
 */
export const registration: Journey = {
  name: 'Registration',
  start: 'signUp',
  nodes: {
    signUp: {
      type: 'page',
      header: 'Sign Up',
      description:
        'Signing up is fast and easy.<br>Already have an account? <a href="#/service/Login">Sign In</a>',
      // AIC's JSON stage: localised texts for the submit button and the page footer.
      stage: JSON.stringify({
        submitButtonText: { en: 'Create account', fr: 'Créer le compte' },
        pageFooter: { en: 'We never share your details.', fr: 'Vos données restent chez nous.' },
      }),
      callbacks: [
        validatedUsernameCallback('Username', 'username', [
          { policyId: 'required' },
          { policyId: 'unique' },
          { policyId: 'minimum-length', params: { minLength: 3 } },
          { policyId: 'cannot-contain-characters', params: { forbiddenChars: ['/'] } },
        ]),
        attributeInputCallback('String', 'givenName', 'First Name', { required: true }),
        attributeInputCallback('String', 'sn', 'Last Name', { required: true }),
        attributeInputCallback('String', 'mail', 'Email Address', {
          required: true,
          rules: [{ policyId: 'valid-email-address-format' }],
        }),
        attributeInputCallback(
          'Boolean',
          'preferences/marketing',
          'Send me special offers and services',
        ),
        validatedPasswordCallback('Password', 'password', [
          { policyId: 'required' },
          { policyId: 'minimum-length', params: { minLength: 8 } },
          { policyId: 'at-least-X-capitals', params: { numCaps: 1 } },
          { policyId: 'at-least-X-numbers', params: { numNums: 1 } },
        ]),
        kbaCreateCallback(
          'Select a security question',
          ['What is the name of your favourite pet?', 'In which city were you born?'],
          { question: 'kbaQuestion', answer: 'kbaAnswer' },
        ),
        termsAndConditionsCallback(
          'By creating an account you accept that this is a development server.',
          '1.0',
          '2026-01-01T00:00:00.000Z',
          'termsAccepted',
        ),
      ],
      next: 'terms',
    },
    // Accept Terms and Conditions: the page again until they are accepted.
    terms: { type: 'decision', on: 'termsAccepted', outcomes: { true: 'create', false: 'signUp' } },
    create: {
      type: 'decision',
      check: 'createUser',
      outcomes: { created: 'success', exists: 'signUp' },
    },
    success: { type: 'success' },
  },
};
