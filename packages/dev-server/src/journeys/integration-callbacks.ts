import type { CallbackSpec, JsonValue } from './types.js';

/**
 * Builders for the callbacks of AM's integration nodes, with AM's outputs and input names
 * (am-protocol §4.2, §4.5): the client fills them from a device, a CAPTCHA widget or a risk SDK.
 */

const outputs = (values: Record<string, JsonValue>) =>
  Object.entries(values).map(([name, value]) => ({ name, value }));

/** Device Profile Collector: the profile comes back as JSON text in the main input. */
export const deviceProfileCallback = (
  options: { metadata: boolean; location: boolean; message?: string },
  saveAs: string,
): CallbackSpec => ({
  type: 'DeviceProfileCallback',
  output: outputs({
    metadata: options.metadata,
    location: options.location,
    message: options.message ?? '',
  }),
  inputs: [{ suffix: '', value: '', saveAs }],
});

/** The four string inputs of reCAPTCHA Enterprise, saved as `<saveAs>.token`, `.action`, …. */
export const recaptchaEnterpriseCallback = (siteKey: string, saveAs: string): CallbackSpec => ({
  type: 'ReCaptchaEnterpriseCallback',
  output: outputs({
    recaptchaSiteKey: siteKey,
    captchaApiUri: 'https://www.google.com/recaptcha/enterprise.js',
    captchaDivClass: 'g-recaptcha',
  }),
  inputs: ['token', 'action', 'clientError', 'payload'].map((suffix) => ({
    suffix,
    value: '',
    saveAs: `${saveAs}.${suffix}`,
    // The token is a credential of sorts: checked, never kept.
    ...(suffix === 'token' ? { transient: true } : {}),
  })),
});

/** PingOne Protect Initialize: the settings out, a client error (or '') back. */
export const protectInitializeCallback = (
  settings: Record<string, JsonValue>,
  saveAs: string,
): CallbackSpec => ({
  type: 'PingOneProtectInitializeCallback',
  output: outputs(settings),
  inputs: [{ suffix: 'clientError', value: '', saveAs }],
});

/** PingOne Protect Evaluation: signals and a client error back, saved as `<saveAs>.signals`, …. */
export const protectEvaluationCallback = (
  pauseBehavioralData: boolean,
  saveAs: string,
): CallbackSpec => ({
  type: 'PingOneProtectEvaluationCallback',
  output: outputs({ pauseBehavioralData }),
  inputs: [
    { suffix: 'signals', value: '', saveAs: `${saveAs}.signals`, transient: true },
    { suffix: 'clientError', value: '', saveAs: `${saveAs}.clientError` },
  ],
});
