import * as os from 'node:os';
import {
  memoryStorage,
  type ContinueNode,
  type JourneyFormIssue,
  type JourneyFormValue,
} from '@journeykit/journey';
import {
  answerDeviceProfile,
  nodeDeviceSource,
  type DeviceProfileOptions,
} from '@journeykit/journey/device-profile';

// Like the client's session, the device identifier lives as long as this run.
const device: DeviceProfileOptions = { source: nodeDeviceSource(os), storage: memoryStorage() };

/** Form values for the integration callbacks a terminal can answer: a device profile, from Node. */
export async function integrationValues(
  node: ContinueNode,
): Promise<Record<string, JourneyFormValue>> {
  const answers = await answerDeviceProfile(node, device);
  return Object.fromEntries(answers.map((a) => [`${a.type}:${String(a.index)}`, a]));
}

/** Why a terminal cannot answer a callback, by type. */
const reasons: Record<string, string> = {
  ReCaptchaCallback: 'a CAPTCHA is solved in a browser',
  ReCaptchaEnterpriseCallback: 'a CAPTCHA is solved in a browser',
  PingOneProtectInitializeCallback: "PingOne Protect's signals come from its browser or mobile SDK",
  PingOneProtectEvaluationCallback: "PingOne Protect's signals come from its browser or mobile SDK",
  FidoRegistrationCallback: 'a passkey needs a browser or a phone',
  FidoAuthenticationCallback: 'a passkey needs a browser or a phone',
};

/** The form's issues in the CLI's words: what it cannot answer, and why. */
export function explain(issue: JourneyFormIssue): string {
  const type = issue.callbackType ?? '';
  if (issue.code === 'INTEGRATION_REQUIRED')
    return `This CLI cannot answer ${type}: ${reasons[type] ?? 'it needs an integration a terminal does not have'}`;
  if (issue.code === 'UNSUPPORTED_CALLBACK')
    return `This CLI cannot answer ${type}: no SDK knows this callback (a custom node); an app answers it by its input names`;
  return issue.message;
}
