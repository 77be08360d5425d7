import type { AmCallback } from './types';

/** How a callback takes part in a form (rn-journey-api §3.7). */
export type ExecutionMode = 'manual' | 'output_only' | 'integration_required' | 'unsupported';
export type FieldKind =
  'text' | 'password' | 'number' | 'boolean' | 'choice' | 'kba' | 'output' | 'unknown';
/** How a value given to `next()` is coerced before it is written to the callback's input. */
export type Coercion = 'string' | 'number' | 'integer' | 'boolean' | 'kba';

export interface CallbackSpec {
  mode: ExecutionMode;
  kind: FieldKind;
  coerce?: Coercion;
  /** The node field that holds the callback's current value. */
  field?: 'value' | 'selectedIndex' | 'accepted';
  /** Never shown back: the field reads '' and the value is masked in logs. */
  secret?: boolean;
  /** Forms always ask for it, whatever the server says (credentials, terms). */
  required?: boolean;
  /** What an app must add to complete an integration callback. */
  needs?: string;
}

const manual = (
  kind: FieldKind,
  coerce: Coercion,
  extra: Partial<CallbackSpec> = {},
): CallbackSpec => ({
  mode: 'manual',
  kind,
  coerce,
  field: 'value',
  ...extra,
});
const output: CallbackSpec = { mode: 'output_only', kind: 'output' };
const integration = (needs: string): CallbackSpec => ({
  mode: 'integration_required',
  kind: 'unknown',
  needs,
});

/**
 * The callback catalogue: one row per AM callback type. Everything the SDK does with a callback
 * (how it is shown, whether and how `next()` may set it, how forms treat it) is read from here.
 */
export const catalogue: Record<string, CallbackSpec> = {
  NameCallback: manual('text', 'string', { required: true }),
  PasswordCallback: manual('password', 'string', { secret: true, required: true }),
  TextInputCallback: manual('text', 'string'),
  StringAttributeInputCallback: manual('text', 'string'),
  NumberAttributeInputCallback: manual('number', 'number'),
  BooleanAttributeInputCallback: manual('boolean', 'boolean'),
  HiddenValueCallback: manual('text', 'string'),
  ValidatedCreateUsernameCallback: manual('text', 'string', { required: true }),
  ValidatedCreatePasswordCallback: manual('password', 'string', { secret: true, required: true }),
  TermsAndConditionsCallback: manual('boolean', 'boolean', { field: 'accepted', required: true }),
  ConsentMappingCallback: manual('boolean', 'boolean', { field: 'accepted' }),
  ChoiceCallback: manual('choice', 'integer', { field: 'selectedIndex' }),
  ConfirmationCallback: manual('choice', 'integer', { field: 'selectedIndex' }),
  KbaCreateCallback: manual('kba', 'kba', { field: undefined }),
  TextOutputCallback: output,
  SuspendedTextOutputCallback: output,
  PollingWaitCallback: output,
  MetadataCallback: output,
  DeviceProfileCallback: integration('device profile collection'),
  FidoRegistrationCallback: integration('WebAuthn / FIDO registration'),
  FidoAuthenticationCallback: integration('WebAuthn / FIDO authentication'),
  PingOneProtectInitializeCallback: integration('PingOne Protect'),
  PingOneProtectEvaluationCallback: integration('PingOne Protect'),
  SelectIdpCallback: integration('an external identity provider'),
  IdpCallback: integration('an external identity provider'),
  RedirectCallback: integration('a browser redirect'),
  ReCaptchaCallback: integration('ReCaptcha'),
  ReCaptchaEnterpriseCallback: integration('ReCaptcha Enterprise'),
  DeviceBindingCallback: integration('device binding'),
  DeviceSigningVerifierCallback: integration('device signing'),
};

const unsupported: CallbackSpec = { mode: 'unsupported', kind: 'unknown' };

/** AM's and the native SDKs' alternative names for the same callback. */
const aliases: Record<string, string> = {
  ValidatedPasswordCallback: 'ValidatedCreatePasswordCallback',
  ValidatedUsernameCallback: 'ValidatedCreateUsernameCallback',
  IdPCallback: 'IdpCallback',
  SelectIdPCallback: 'SelectIdpCallback',
};

export function canonicalType(type: string): string {
  return aliases[type] ?? type;
}

export function specOf(type: string): CallbackSpec {
  return catalogue[canonicalType(type)] ?? unsupported;
}

/**
 * The type a raw callback is shown as: aliases resolved, and WebAuthn metadata named as the FIDO
 * callbacks the native SDKs expose (am-protocol §4.4).
 */
export function displayType(raw: AmCallback): string {
  if (raw.type === 'MetadataCallback') {
    const action = (outputOf(raw, 'data') as { _action?: unknown } | undefined)?._action;
    if (action === 'webauthn_registration') return 'FidoRegistrationCallback';
    if (action === 'webauthn_authentication') return 'FidoAuthenticationCallback';
  }
  return canonicalType(raw.type);
}

export function outputOf(raw: AmCallback, name: string): unknown {
  return raw.output?.find((o) => o.name === name)?.value;
}
