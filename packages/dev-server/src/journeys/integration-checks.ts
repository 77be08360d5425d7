import type { Check } from './checks.js';
import type { JsonValue } from './types.js';

/** The stand-in for Google's verification: the only token the dev server's reCAPTCHA accepts. */
export const RECAPTCHA_TEST_TOKEN = 'journeykit-recaptcha-test-token';
/** Google's public test site key (its widget always passes), which the dev server sends. */
export const RECAPTCHA_TEST_SITE_KEY = '6LeIxAcTAAAAAJcZVRqyHh4UMmAbZLeb9W4h3hMAuxeYk2vL';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const parse = (v: JsonValue | undefined): unknown => {
  try {
    return typeof v === 'string' ? JSON.parse(v) : undefined;
  } catch {
    return undefined;
  }
};
const isCoordinate = (v: unknown, limit: number) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit;

/** Checks of AM's integration nodes, run by decision nodes like the core ones. */
export const INTEGRATION_CHECKS = {
  /**
   * Device Profile Collector (asking for metadata and location) + Save: `deviceProfile` must be
   * AM's JSON text with an `identifier` and `metadata.platform.deviceName`, and valid coordinates
   * when a location came. A valid profile is stored, parsed, under `device` → `true`.
   */
  deviceProfile: ({ state }) => {
    const profile = parse(state.deviceProfile);
    if (!isObject(profile) || typeof profile.identifier !== 'string' || !profile.identifier)
      return 'false';
    const platform = isObject(profile.metadata) ? profile.metadata.platform : undefined;
    if (!isObject(platform) || typeof platform.deviceName !== 'string') return 'false';
    const location = profile.location;
    if (
      location !== undefined &&
      !(
        isObject(location) &&
        isCoordinate(location.latitude, 90) &&
        isCoordinate(location.longitude, 180)
      )
    )
      return 'false';
    return { outcome: 'true', state: { device: profile as JsonValue } };
  },
  /** reCAPTCHA Enterprise with a test verifier: RECAPTCHA_TEST_TOKEN, no client error → `true`. */
  recaptcha: ({ state }) =>
    state['captcha.token'] === RECAPTCHA_TEST_TOKEN && state['captcha.clientError'] === ''
      ? 'true'
      : 'false',
  /** A Protect-like risk evaluation: a client error → `error`; no signals → `high`; else `low`. */
  risk: ({ state }) => {
    if (state['protect.clientError'] !== '' || state.protectInit !== '') return 'error';
    const signals = state['protect.signals'];
    return typeof signals === 'string' && signals ? 'low' : 'high';
  },
  /** A custom node's number: an integer from 1 to 9 → `true`. */
  luckyNumber: ({ state }) =>
    Number.isInteger(state.luckyNumber) &&
    (state.luckyNumber as number) >= 1 &&
    (state.luckyNumber as number) <= 9
      ? 'true'
      : 'false',
} satisfies Record<string, Check>;
