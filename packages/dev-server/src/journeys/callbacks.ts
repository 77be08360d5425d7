import { policiesOutput, type PolicyRule } from './policies.js';
import type { CallbackOutput, CallbackSpec, InputSpec, JsonValue } from './types.js';

/**
 * Builders for AM's core callbacks with their exact outputs, in AM's order and JSON types
 * (am-protocol §4: `messageType` and `waitTime` are strings, choices and options numbers, terms and
 * attribute booleans booleans). Each returns plain data; a journey may as well write it out.
 */

const outputs = (values: Record<string, JsonValue>): CallbackOutput[] =>
  Object.entries(values).map(([name, value]) => ({ name, value }));

const main = (value: JsonValue, saveAs?: string, transient?: true): InputSpec => ({
  suffix: '',
  value,
  ...(saveAs === undefined ? {} : { saveAs }),
  ...(transient ? { transient } : {}),
});

const VALIDATE_ONLY: InputSpec = { suffix: 'validateOnly', value: false };

const MESSAGE_TYPES = { information: '0', warning: '1', error: '2' } as const;
export type MessageType = keyof typeof MESSAGE_TYPES;

export const nameCallback = (prompt: string, saveAs: string): CallbackSpec => ({
  type: 'NameCallback',
  output: outputs({ prompt }),
  inputs: [main('', saveAs)],
});

export const passwordCallback = (prompt: string, saveAs: string): CallbackSpec => ({
  type: 'PasswordCallback',
  output: outputs({ prompt }),
  inputs: [main('', saveAs, true)],
});

export const textInputCallback = (
  prompt: string,
  saveAs: string,
  defaultText = '',
): CallbackSpec => ({
  type: 'TextInputCallback',
  output: outputs({ prompt, defaultText }),
  inputs: [main(defaultText, saveAs)],
});

export const textOutputCallback = (
  message: string,
  messageType: MessageType = 'information',
): CallbackSpec => ({
  type: 'TextOutputCallback',
  output: outputs({ message, messageType: MESSAGE_TYPES[messageType] }),
  inputs: [],
});

export const suspendedTextOutputCallback = (message: string): CallbackSpec => ({
  ...textOutputCallback(message),
  type: 'SuspendedTextOutputCallback',
});

export const choiceCallback = (
  prompt: string,
  choices: readonly string[],
  saveAs: string,
  defaultChoice = 0,
): CallbackSpec => ({
  type: 'ChoiceCallback',
  output: outputs({ prompt, choices: [...choices], defaultChoice }),
  inputs: [main(defaultChoice, saveAs)],
});

/** Options chosen by index; `optionType` -1 (unspecified), `messageType` 0 (information). */
export const confirmationCallback = (
  options: readonly string[],
  saveAs: string,
  defaultOption = 0,
  prompt = '',
): CallbackSpec => ({
  type: 'ConfirmationCallback',
  output: outputs({ prompt, messageType: 0, options: [...options], optionType: -1, defaultOption }),
  inputs: [main(defaultOption, saveAs)],
});

/** The input starts as the callback's `id`, as AM sends it. */
export const hiddenValueCallback = (id: string, value: string, saveAs: string): CallbackSpec => ({
  type: 'HiddenValueCallback',
  output: outputs({ value, id }),
  inputs: [main(id, saveAs)],
});

export const metadataCallback = (data: { [key: string]: JsonValue }): CallbackSpec => ({
  type: 'MetadataCallback',
  output: outputs({ data }),
  inputs: [],
});

export const pollingWaitCallback = (waitTime: number, message: string): CallbackSpec => ({
  type: 'PollingWaitCallback',
  output: outputs({ waitTime: String(waitTime), message }),
  inputs: [],
});

/** Platform Username node: `policies` are validated, `failedPolicies` filled on a failing submit. */
export const validatedUsernameCallback = (
  prompt: string,
  saveAs: string,
  rules: readonly PolicyRule[],
): CallbackSpec => ({
  type: 'ValidatedCreateUsernameCallback',
  output: outputs({
    policies: policiesOutput(saveAs, rules),
    failedPolicies: [],
    validateOnly: false,
    prompt,
  }),
  inputs: [main('', saveAs), VALIDATE_ONLY],
});

/** Platform Password node; the password is transient and never echoed back. */
export const validatedPasswordCallback = (
  prompt: string,
  saveAs: string,
  rules: readonly PolicyRule[],
): CallbackSpec => ({
  type: 'ValidatedCreatePasswordCallback',
  output: outputs({
    echoOn: false,
    policies: policiesOutput(saveAs, rules),
    failedPolicies: [],
    validateOnly: false,
    prompt,
  }),
  inputs: [main('', saveAs, true), VALIDATE_ONLY],
});

const ATTRIBUTE_DEFAULTS = { String: '', Number: null, Boolean: false } as const;

/** Attribute Collector: `String|Number|BooleanAttributeInputCallback` for one profile attribute. */
export const attributeInputCallback = (
  kind: keyof typeof ATTRIBUTE_DEFAULTS,
  name: string,
  prompt: string,
  options: { required?: boolean; rules?: readonly PolicyRule[]; value?: JsonValue } = {},
): CallbackSpec => {
  const value = options.value ?? ATTRIBUTE_DEFAULTS[kind];
  const required = options.required === true;
  const rules: PolicyRule[] = [
    ...(required ? [{ policyId: 'required' } as const] : []),
    ...(options.rules ?? []),
  ];
  return {
    type: `${kind}AttributeInputCallback`,
    output: outputs({
      name,
      prompt,
      required,
      policies: rules.length ? policiesOutput(name, rules) : {},
      failedPolicies: [],
      validateOnly: false,
      value,
    }),
    inputs: [main(value, name), VALIDATE_ONLY],
  };
};

export const termsAndConditionsCallback = (
  terms: string,
  version: string,
  createDate: string,
  saveAs: string,
): CallbackSpec => ({
  type: 'TermsAndConditionsCallback',
  output: outputs({ version, terms, createDate }),
  inputs: [main(false, saveAs)],
});

/** KBA Definition node: the question is kept, the answer is transient. */
export const kbaCreateCallback = (
  prompt: string,
  predefinedQuestions: readonly string[],
  saveAs: { question: string; answer: string },
  allowUserDefinedQuestions = true,
): CallbackSpec => ({
  type: 'KbaCreateCallback',
  output: outputs({
    prompt,
    predefinedQuestions: [...predefinedQuestions],
    allowUserDefinedQuestions,
  }),
  inputs: [
    { suffix: 'question', value: '', saveAs: saveAs.question },
    { suffix: 'answer', value: '', saveAs: saveAs.answer, transient: true },
  ],
});

export interface ConsentMapping {
  name: string;
  displayName: string;
  icon: string;
  accessLevel: string;
  isRequired: boolean;
  message: string;
  fields: string[];
}

/** Consent Collector: one mapping, accepted or not as a whole. */
export const consentMappingCallback = (mapping: ConsentMapping, saveAs: string): CallbackSpec => ({
  type: 'ConsentMappingCallback',
  output: outputs({ ...mapping, fields: [...mapping.fields] }),
  inputs: [main(false, saveAs)],
});

/** A GET redirect to an external provider, as AM's Social Provider Handler sends it. */
export const redirectCallback = (redirectUrl: string): CallbackSpec => ({
  type: 'RedirectCallback',
  output: outputs({ redirectUrl, redirectMethod: 'GET', trackingCookie: false }),
  inputs: [],
});
