// @journeykit/journey/recovery-codes: the recovery codes AM's WebAuthn and OATH registration
// nodes show once. AM sends them inside a script for its own UI; they are read out of it here,
// never run.
import type { JourneyNode } from '@journeykit/journey';
import { findCallbacks, text } from '../integrations/callbacks';

/** The codes to show the user, and the name of the device they recover. */
export interface RecoveryCodes {
  codes: string[];
  /** The device the codes belong to, '' when AM does not name it. */
  deviceName: string;
}

/** The recovery codes of a node, or undefined when it shows none. */
export function recoveryCodes(node: JourneyNode | null | undefined): RecoveryCodes | undefined {
  for (const { callback } of findCallbacks(node, (cb) => cb.type === 'TextOutputCallback')) {
    const script = text(callback.message);
    if (callback.messageType !== 'SCRIPT' || !script.includes('Recovery Codes')) continue;
    // Each code is a string literal of its own line of the script: "ABC123DEF4\n".
    const codes = [...script.matchAll(/"\s*([A-Za-z0-9]{6,})\s*\\n"/g)].map((m) => m[1]!);
    const deviceName = /<em>([^<]*)<\/em>/.exec(script)?.[1] ?? '';
    if (codes.length) return { codes, deviceName };
  }
  return undefined;
}
