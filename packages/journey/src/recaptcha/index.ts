// @journeykit/journey/recaptcha: what AM's CAPTCHA nodes ask for (ReCaptchaCallback, v2, and
// ReCaptchaEnterpriseCallback) and the answer they take. The app renders Google's widget (or runs
// `grecaptcha.enterprise.execute`) with these settings and hands the token back.
import { JourneyError, type JourneyNode } from '@journeykit/journey';
import {
  answerOf,
  findCallbacks,
  inputName,
  outputOf,
  text,
  type CallbackAnswer,
  type FoundCallback,
} from '../integrations/callbacks';

export type { CallbackAnswer, FoundCallback } from '../integrations/callbacks';

/** What the app needs to render the widget. */
export interface ReCaptchaSettings {
  enterprise: boolean;
  siteKey: string;
  /** The script to load; AM's `captchaApiUri`, else Google's v2 or Enterprise script. */
  apiUrl: string;
  /** The class of the element the widget renders in; AM's `captchaDivClass`, else `g-recaptcha`. */
  elementClass: string;
  /** The action already set on the callback (Enterprise), '' when none. */
  action: string;
}

/** What the widget gave (or why it failed). */
export interface ReCaptchaResult {
  token?: string;
  /** Enterprise: the action the token was made for, e.g. `login`. */
  action?: string;
  /** Enterprise: extra assessment data for AM, as an object or its JSON. */
  payload?: Record<string, unknown> | string;
  /** Enterprise: why no token came (AM's node takes its error outcome). */
  clientError?: string;
}

const TYPES = ['ReCaptchaCallback', 'ReCaptchaEnterpriseCallback'];

/** The node's reCAPTCHA callbacks, v2 and Enterprise. */
export const recaptchaCallbacks = (node: JourneyNode | null | undefined): FoundCallback[] =>
  findCallbacks(node, (cb) => TYPES.includes(cb.type));

/** The settings of a reCAPTCHA callback. */
export function recaptchaSettings({ callback }: FoundCallback): ReCaptchaSettings {
  const { raw } = callback;
  const enterprise = callback.type === 'ReCaptchaEnterpriseCallback';
  const action = inputName(raw, 'action');
  return {
    enterprise,
    siteKey: text(outputOf(raw, 'recaptchaSiteKey')),
    apiUrl:
      text(outputOf(raw, 'captchaApiUri')) ||
      `https://www.google.com/recaptcha/${enterprise ? 'enterprise' : 'api'}.js`,
    elementClass: text(outputOf(raw, 'captchaDivClass')) || 'g-recaptcha',
    action: text(raw.input?.find((i) => i.name === action)?.value),
  };
}

const refuse = (message: string) =>
  new JourneyError('JOURNEY_CALLBACK_APPLY_ERROR', 'argument_error', message);

/**
 * The answer AM takes: the token in the main input (v2) or `…token`, and for Enterprise the
 * action, the payload as JSON text and the client error. v2 has no place for anything but a token.
 */
export function recaptchaAnswer(found: FoundCallback, result: ReCaptchaResult): CallbackAnswer {
  const { raw } = found.callback;
  const enterprise = found.callback.type === 'ReCaptchaEnterpriseCallback';
  const { token = '', action, payload, clientError } = result;
  if (!token && !clientError) throw refuse('A reCAPTCHA answer needs a token or a client error');
  if (!enterprise && (action || payload || clientError))
    throw refuse('ReCaptchaCallback (v2) takes only a token');
  const values: Record<string, string | undefined> = {
    [enterprise ? 'token' : '']: token,
    action,
    payload: typeof payload === 'object' ? JSON.stringify(payload) : payload,
    clientError,
  };
  const inputs: Record<string, string> = {};
  for (const [suffix, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const name = inputName(raw, suffix);
    if (!name) throw refuse(`${found.callback.type} has no ${suffix || 'token'} input`);
    inputs[name] = value;
  }
  return answerOf(found, inputs);
}
