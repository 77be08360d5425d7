import {
  asIndex,
  asText,
  numeric,
  specOf,
  type CallbackSpec,
  type ExecutionMode,
  type FieldKind,
} from './catalogue';
import type { JourneyCallback, JourneyCallbackInput, JourneyNextInput, JourneyNode } from './types';

// The headless form model of rn-journey-api §3.7, shared by the CLI, the web demo and React.

export type JourneyFieldKind = FieldKind;
export type JourneyExecutionMode = ExecutionMode | 'auto_capable';
export type KbaValue = {
  selectedQuestion: string;
  selectedAnswer: string;
  allowUserDefinedQuestions: boolean;
};
export type JourneyFormValue = string | number | boolean | null | KbaValue;
export interface JourneyFieldOption {
  index: number;
  label: string;
  value: unknown;
}

export interface JourneyNormalizedField {
  /** `${type}:${typeIndex}`, stable for a node. */
  id: string;
  ref: { type: string; typeIndex: number };
  prompt: string;
  message?: string;
  required: boolean;
  kind: JourneyFieldKind;
  executionMode: JourneyExecutionMode;
  requiresUserInput: boolean;
  defaultValue?: JourneyFormValue;
  options?: JourneyFieldOption[];
  /** Parsed `failedPolicies` from the server's last validation, if any. */
  failedPolicies?: unknown[];
  raw: JourneyCallback;
}

export type JourneyFormIssueCode =
  | 'NO_ACTIVE_CONTINUE_NODE'
  | 'INTEGRATION_REQUIRED'
  | 'UNSUPPORTED_CALLBACK'
  | 'REQUIRED_CONSENT_MISSING'
  | 'INVALID_VALUE';

export interface JourneyFormIssue {
  code: JourneyFormIssueCode;
  message: string;
  fieldId?: string;
  callbackType?: string;
}

export interface JourneyBuildResult {
  canSubmit: boolean;
  input: JourneyNextInput;
  issues: JourneyFormIssue[];
}

const truthy = (v: unknown) =>
  v === true ||
  (typeof v === 'number' && v !== 0) ||
  (typeof v === 'string' && ['true', '1', 'yes'].includes(v.trim().toLowerCase()));

/**
 * How a form treats a callback where that differs from `next()`: a device profile is collected by
 * the app's integration, if at all, and asks nothing of the user, so it does not hold a form back.
 */
const formSpecs: Record<string, CallbackSpec> = {
  DeviceProfileCallback: { mode: 'output_only', kind: 'output' },
};
const formSpecOf = (type: string) =>
  Object.prototype.hasOwnProperty.call(formSpecs, type) ? formSpecs[type]! : specOf(type);

/** The callbacks of a ContinueNode as form fields, in order; [] for any other node. */
export function normalizeCallbacks(node: JourneyNode | null | undefined): JourneyNormalizedField[] {
  if (node?.type !== 'ContinueNode' || !Array.isArray(node.callbacks)) return [];
  const counters = new Map<string, number>();
  return node.callbacks.map((cb) => {
    const typeIndex = counters.get(cb.type) ?? 0;
    counters.set(cb.type, typeIndex + 1);
    const spec = formSpecOf(cb.type);
    const field: JourneyNormalizedField = {
      id: `${cb.type}:${typeIndex}`,
      ref: { type: cb.type, typeIndex },
      prompt: asText(cb.prompt) ?? '',
      required:
        spec.required === true ||
        truthy(Object.prototype.hasOwnProperty.call(cb, 'required') ? cb.required : cb.isRequired),
      kind: spec.kind,
      executionMode: spec.mode,
      requiresUserInput: spec.mode === 'manual' && cb.type !== 'HiddenValueCallback',
      raw: cb,
    };
    if (typeof cb.message === 'string' && cb.message) field.message = cb.message;
    const options = optionsOf(cb);
    if (options) field.options = options;
    const defaultValue = defaultOf(cb, spec.kind);
    if (defaultValue !== undefined) field.defaultValue = defaultValue;
    if (Array.isArray(cb.failedPolicies) && cb.failedPolicies.length)
      field.failedPolicies = cb.failedPolicies;
    return field;
  });
}

function optionsOf(cb: JourneyCallback): JourneyFieldOption[] | undefined {
  const list = cb.options ?? cb.choices ?? cb.predefinedQuestions;
  if (!Array.isArray(list)) return undefined;
  return list.map((item: unknown, index) => ({
    index,
    label:
      typeof item === 'string'
        ? item
        : typeof (item as { label?: unknown })?.label === 'string'
          ? (item as { label: string }).label
          : '',
    value: item,
  }));
}

function defaultOf(cb: JourneyCallback, kind: JourneyFieldKind): JourneyFormValue | undefined {
  switch (kind) {
    case 'boolean':
      return 'accepted' in cb ? truthy(cb.accepted) : 'value' in cb ? truthy(cb.value) : undefined;
    case 'choice':
      // A choice AM left blank (input "") starts on its defaultChoice; -1 is no selection.
      return asIndex(cb.selectedIndex) ?? asIndex(cb.defaultChoice);
    case 'number':
      return typeof cb.value === 'number' && Number.isFinite(cb.value) ? cb.value : undefined;
    case 'kba':
      return {
        selectedQuestion: typeof cb.selectedQuestion === 'string' ? cb.selectedQuestion : '',
        selectedAnswer: typeof cb.selectedAnswer === 'string' ? cb.selectedAnswer : '',
        allowUserDefinedQuestions: cb.allowUserDefinedQuestions === true,
      };
    case 'text':
    case 'password':
      return asText(cb.value);
    default:
      return undefined;
  }
}

/**
 * Turns form values (by field id) into `next()` input and says whether it can be sent.
 * Integration callbacks the app handles itself are named in `handledCallbackTypes`. To have the
 * server only check the values, send `{ ...input, validateOnly: true }`.
 */
export function buildNextInput(
  node: JourneyNode | null | undefined,
  values: Readonly<Record<string, JourneyFormValue | undefined>>,
  handledCallbackTypes?: ReadonlySet<string>,
): JourneyBuildResult {
  if (node?.type !== 'ContinueNode')
    return {
      canSubmit: false,
      input: {},
      issues: [
        {
          code: 'NO_ACTIVE_CONTINUE_NODE',
          message: 'No active ContinueNode. Call start() or resume() first.',
        },
      ],
    };
  const issues: JourneyFormIssue[] = [];
  const callbacks: JourneyCallbackInput[] = [];
  for (const field of normalizeCallbacks(node)) {
    const { id, ref } = field;
    const issue = (code: JourneyFormIssueCode, message: string) =>
      issues.push({ code, message, fieldId: id, callbackType: ref.type });
    if (field.executionMode === 'output_only') continue;
    if (field.executionMode === 'integration_required' || field.executionMode === 'auto_capable') {
      if (!handledCallbackTypes?.has(ref.type))
        issue('INTEGRATION_REQUIRED', `Callback "${ref.type}" requires additional integration.`);
      continue;
    }
    if (field.executionMode === 'unsupported') {
      issue('UNSUPPORTED_CALLBACK', `Callback "${ref.type}" is not supported.`);
      continue;
    }
    // What the user is not asked for (hidden values) goes back as the server sent it, unless set.
    if (!field.requiresUserInput && values[id] === undefined) continue;
    const value = values[id] ?? field.defaultValue;
    const push = (v: unknown) => callbacks.push({ type: ref.type, index: ref.typeIndex, value: v });
    const label =
      field.prompt || ref.type.replace(/Callback$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
    switch (field.kind) {
      case 'boolean': {
        const accepted = truthy(value);
        // Terms and consent must be accepted when required; a required yes/no attribute
        // (marketing mail, say) is answered by false as much as by true.
        if (field.required && !accepted && specOf(ref.type).field === 'accepted')
          issue('REQUIRED_CONSENT_MISSING', `${label} must be accepted.`);
        push(accepted);
        break;
      }
      case 'number': {
        const n = numeric(value);
        if (Number.isFinite(n)) push(n);
        else issue('INVALID_VALUE', `${label} must be a number.`);
        break;
      }
      case 'choice': {
        const n = asIndex(value);
        const count = field.options?.length;
        if (n !== undefined && (count === undefined || n < count)) push(n);
        else issue('INVALID_VALUE', `Choose an option for ${label}.`);
        break;
      }
      case 'kba': {
        const kba = value as Partial<KbaValue> | null | undefined;
        const question = typeof kba?.selectedQuestion === 'string' ? kba.selectedQuestion : '';
        const answer = typeof kba?.selectedAnswer === 'string' ? kba.selectedAnswer : '';
        if (typeof kba !== 'object' || kba === null || !question.trim() || !answer.trim())
          issue('INVALID_VALUE', `${label} needs a question and an answer.`);
        else
          push({
            selectedQuestion: question,
            selectedAnswer: answer,
            allowUserDefinedQuestions: kba.allowUserDefinedQuestions === true,
          });
        break;
      }
      default: {
        const text = asText(value) ?? '';
        if (field.required && !text.trim()) issue('INVALID_VALUE', `${label} is required.`);
        else push(text);
      }
    }
  }
  return { canSubmit: issues.length === 0, input: callbacks.length ? { callbacks } : {}, issues };
}
