import type { AmCallback } from './types';

/** How a callback takes part in a form (rn-journey-api §3.7). */
export type ExecutionMode = 'manual' | 'output_only' | 'integration_required' | 'unsupported';
export type FieldKind =
  'text' | 'password' | 'number' | 'boolean' | 'choice' | 'kba' | 'output' | 'unknown';

export interface CallbackSpec {
  mode: ExecutionMode;
  /** Also says how `next()` coerces a value (`coercions`); a password is masked in logs and never shown back. */
  kind: FieldKind;
  /** The node field that holds the callback's current value. */
  field?: 'value' | 'selectedIndex' | 'accepted';
  /** Forms always ask for it, whatever the server says (credentials). */
  required?: boolean;
}

const manual = (kind: FieldKind, extra?: Partial<CallbackSpec>): CallbackSpec => ({
  mode: 'manual',
  kind,
  field: kind === 'choice' ? 'selectedIndex' : kind === 'kba' ? undefined : 'value',
  ...extra,
});
const output: CallbackSpec = { mode: 'output_only', kind: 'output' };
/** Completed by the app (a device profile, WebAuthn, an external IdP, ReCaptcha, …), not by `next()` values. */
const integration: CallbackSpec = { mode: 'integration_required', kind: 'unknown' };
const required = { required: true };

/**
 * The callback catalogue: one row per AM callback type. Everything the SDK does with a callback
 * (how it is shown, whether and how `next()` may set it, how forms treat it) is read from here.
 */
export const catalogue: Record<string, CallbackSpec> = {
  NameCallback: manual('text', required),
  PasswordCallback: manual('password', required),
  TextInputCallback: manual('text'),
  StringAttributeInputCallback: manual('text'),
  NumberAttributeInputCallback: manual('number'),
  BooleanAttributeInputCallback: manual('boolean'),
  HiddenValueCallback: manual('text'),
  ValidatedCreateUsernameCallback: manual('text', required),
  ValidatedCreatePasswordCallback: manual('password', required),
  TermsAndConditionsCallback: manual('boolean', { field: 'accepted' }),
  ConsentMappingCallback: manual('boolean', { field: 'accepted' }),
  ChoiceCallback: manual('choice'),
  ConfirmationCallback: manual('choice'),
  KbaCreateCallback: manual('kba'),
  TextOutputCallback: output,
  SuspendedTextOutputCallback: output,
  PollingWaitCallback: output,
  MetadataCallback: output,
  DeviceProfileCallback: integration,
  FidoRegistrationCallback: integration,
  FidoAuthenticationCallback: integration,
  PingOneProtectInitializeCallback: integration,
  PingOneProtectEvaluationCallback: integration,
  SelectIdpCallback: integration,
  IdpCallback: integration,
  RedirectCallback: integration,
  ReCaptchaCallback: integration,
  ReCaptchaEnterpriseCallback: integration,
  DeviceBindingCallback: integration,
  DeviceSigningVerifierCallback: integration,
};

const unsupported: CallbackSpec = { mode: 'unsupported', kind: 'unknown' };

/** AM's and the native SDKs' alternative names for the same callback. */
const aliases: Record<string, string> = {
  ValidatedPasswordCallback: 'ValidatedCreatePasswordCallback',
  ValidatedUsernameCallback: 'ValidatedCreateUsernameCallback',
  IdPCallback: 'IdpCallback',
  SelectIdPCallback: 'SelectIdpCallback',
};

/** A table's own entry for a name from the server, never one of Object.prototype's (`constructor`). */
export const own = <T>(table: Record<string, T>, name: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;

export function canonicalType(type: string): string {
  return own(aliases, type) ?? type;
}

export function specOf(type: string): CallbackSpec {
  return own(catalogue, canonicalType(type)) ?? unsupported;
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

/** A number, or numeric text, as a number; anything else as it is. */
export const numeric = (v: unknown) => (typeof v === 'string' && v.trim() ? Number(v) : v);

/** Text, a number or a boolean as text; undefined for anything else. */
export const asText = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/** A 0-based position (a choice, a callback index), or undefined. */
export const asIndex = (v: unknown) => {
  const n = numeric(v);
  return Number.isInteger(n) && (n as number) >= 0 ? (n as number) : undefined;
};

/**
 * How `next()` coerces a value for each kind of field (rn-journey-api §3.5): what it expects, and
 * the coercion, which gives undefined for a value it cannot take.
 */
export const coercions: Partial<Record<FieldKind, [expects: string, (v: unknown) => unknown]>> = {
  text: ['a string-compatible', asText],
  password: ['a string-compatible', asText],
  number: [
    'a numeric',
    (v) => {
      const n = numeric(v);
      return Number.isFinite(n) ? n : undefined;
    },
  ],
  choice: ['an integer', asIndex],
  boolean: [
    'a boolean',
    (v) => {
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
      return s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : undefined;
    },
  ],
};
