import type { ContinueNode, JourneyFormValue, JourneyNormalizedField } from '@journeykit/journey';
import { deviceProfileCallbacks } from '@journeykit/journey/device-profile';
import { recaptchaCallbacks } from '@journeykit/journey/recaptcha';
import { CustomCallback } from './CustomCallback';
import { DeviceProfile } from './DeviceProfile';
import { Protect } from './Protect';
import { ReCaptcha } from './ReCaptcha';

/** Integration callbacks this demo completes; the generic form shows nothing else for them. */
const HANDLED = new Set([
  'DeviceProfileCallback',
  'ReCaptchaCallback',
  'ReCaptchaEnterpriseCallback',
  'PingOneProtectInitializeCallback',
  'PingOneProtectEvaluationCallback',
]);

/** Whether a field is one of the callbacks the integrations below take care of. */
export const handledByIntegrations = (field: JourneyNormalizedField) =>
  HANDLED.has(field.ref.type) || isCustom(field);

/** A callback no SDK knows, with inputs: a custom node's, answered by its input names. */
const isCustom = (field: JourneyNormalizedField) =>
  field.executionMode === 'unsupported' && (field.raw.raw.input?.length ?? 0) > 0;

/**
 * The step's integration callbacks, each answered through the form: a device profile, a
 * CAPTCHA, Protect's signals, a custom node's inputs.
 */
export function Integrations({
  node,
  fields,
  setValue,
}: {
  node: ContinueNode;
  fields: JourneyNormalizedField[];
  setValue: (id: string, value: JourneyFormValue) => void;
}) {
  return (
    <>
      {deviceProfileCallbacks(node).map((found) => (
        <DeviceProfile key={found.fieldId} found={found} setValue={setValue} />
      ))}
      {recaptchaCallbacks(node).map((found) => (
        <ReCaptcha key={found.fieldId} found={found} setValue={setValue} />
      ))}
      <Protect node={node} setValue={setValue} />
      {fields.filter(isCustom).map((field) => (
        <CustomCallback key={field.id} field={field} setValue={setValue} />
      ))}
    </>
  );
}
