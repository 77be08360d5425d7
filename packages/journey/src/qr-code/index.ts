// @journeykit/journey/qr-code: the QR code of AM's OATH and Push registration nodes. AM sends it
// as a script for its own UI; the URI to encode is also in a HiddenValueCallback, read here.
import type { JourneyNode } from '@journeykit/journey';
import { findCallbacks, outputOf, text } from '../integrations/callbacks';

/** What to show: the URI to draw as a QR code, and AM's instructions. */
export interface QrCode {
  /** `otp` for an authenticator app code (OATH), `push` for push registration. */
  use: 'otp' | 'push';
  /** `otpauth://…` or `pushauth://…`, to encode in the QR code. */
  uri: string;
  /** AM's instructions ("Scan the QR code image below…"), '' when none. */
  message: string;
}

/** The registration QR code of a node, or undefined when it shows none. */
export function qrCode(node: JourneyNode | null | undefined): QrCode | undefined {
  const [hidden] = findCallbacks(
    node,
    (cb) => cb.type === 'HiddenValueCallback' && outputOf(cb.raw, 'id') === 'mfaDeviceRegistration',
  );
  const uri = hidden ? text(outputOf(hidden.callback.raw, 'value')) : '';
  const use = /^otpauth:/i.test(uri) ? 'otp' : /^pushauth:/i.test(uri) ? 'push' : undefined;
  if (!use) return undefined;
  // The instructions are the text output that is not a script.
  const [info] = findCallbacks(
    node,
    (cb) => cb.type === 'TextOutputCallback' && cb.messageType !== 'SCRIPT',
  );
  return { use, uri, message: text(info?.callback.message) };
}
