// rn-journey's names for journeykit's types, so type annotations written for
// `@ping-identity/rn-journey` compile unchanged. Types only: nothing here reaches a bundle.
import type { JourneyConfig, OidcModuleConfig, OidcOpenIdConfiguration } from './config';
import type {
  JourneyBuildResult,
  JourneyFormIssue,
  JourneyFormIssueCode,
  JourneyNormalizedField,
} from './journey/form';
import type { JourneyNode } from './journey/types';

/** `'ContinueNode' | 'SuccessNode' | 'ErrorNode' | 'FailureNode'`. */
export type JourneyNodeType = JourneyNode['type'];

/** The callback types AM sends and the SDK knows, and any other (custom callbacks) as a string. */
export type JourneyCallbackType =
  | 'BooleanAttributeInputCallback'
  | 'ChoiceCallback'
  | 'ConfirmationCallback'
  | 'ConsentMappingCallback'
  | 'DeviceBindingCallback'
  | 'DeviceProfileCallback'
  | 'DeviceSigningVerifierCallback'
  | 'FidoAuthenticationCallback'
  | 'FidoRegistrationCallback'
  | 'HiddenValueCallback'
  | 'IdPCallback'
  | 'IdpCallback'
  | 'KbaCreateCallback'
  | 'MetadataCallback'
  | 'NameCallback'
  | 'NumberAttributeInputCallback'
  | 'PasswordCallback'
  | 'PingOneProtectEvaluationCallback'
  | 'PingOneProtectInitializeCallback'
  | 'PollingWaitCallback'
  | 'ReCaptchaCallback'
  | 'ReCaptchaEnterpriseCallback'
  | 'SelectIdPCallback'
  | 'SelectIdpCallback'
  | 'StringAttributeInputCallback'
  | 'SuspendedTextOutputCallback'
  | 'TermsAndConditionsCallback'
  | 'TextInputCallback'
  | 'TextOutputCallback'
  | 'ValidatedCreatePasswordCallback'
  | 'ValidatedCreateUsernameCallback'
  | (string & {});

/** The value a `next()` entry may carry. */
export type JourneyCallbackInputValue =
  string | number | boolean | null | Record<string, unknown> | unknown[];

/** rn-journey's name for `OidcOpenIdConfiguration`. */
export type JourneyOidcOpenIdConfiguration = OidcOpenIdConfiguration;
/** rn-journey's name for `OidcModuleConfig`. */
export type JourneyOidcModuleConfig = OidcModuleConfig;
/** `JourneyConfig['modules']`. */
export type JourneyModules = NonNullable<JourneyConfig['modules']>;
/** A form field's callback: its type and its position among the callbacks of that type. */
export type JourneyFieldRef = JourneyNormalizedField['ref'];
/** rn-journey's name for `JourneyFormIssueCode`. */
export type JourneySubmitIssueCode = JourneyFormIssueCode;
/** rn-journey's name for `JourneyFormIssue`. */
export type JourneySubmitIssue = JourneyFormIssue;
/** rn-journey's name for `JourneyBuildResult`. */
export type JourneyBuildNextInputResult = JourneyBuildResult;
