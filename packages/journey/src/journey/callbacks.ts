import { JourneyError } from '../errors';
import { parseJson } from '../http/json';
import {
  asIndex,
  canonicalType,
  coercions,
  displayType,
  outputOf,
  own,
  specOf,
  type CallbackSpec,
} from './catalogue';
import type {
  AmCallback,
  AmStep,
  JourneyCallback,
  JourneyCallbackInput,
  JourneyNextInput,
} from './types';

const messageTypes: Record<string, string> = {
  0: 'INFORMATION',
  1: 'WARNING',
  2: 'ERROR',
  4: 'SCRIPT',
};
const optionTypes: Record<string, string> = {
  '-1': 'UNSPECIFIED_OPTION',
  0: 'YES_NO_OPTION',
  1: 'YES_NO_CANCEL_OPTION',
  2: 'OK_CANCEL_OPTION',
};

/** AM outputs whose wire form is not what an app wants to read (am-protocol §4, §10). */
const normalizeOutput: Record<string, (value: unknown) => unknown> = {
  messageType: (v) => own(messageTypes, String(v)) ?? 'UNKNOWN',
  optionType: (v) => own(optionTypes, String(v)) ?? 'UNSPECIFIED_OPTION',
  waitTime: (v) => (Number.isFinite(Number(v)) ? Number(v) : 0),
  failedPolicies: (v) => (Array.isArray(v) ? v.map(parsePolicy) : []),
};

function parsePolicy(entry: unknown): unknown {
  if (typeof entry !== 'string') return entry;
  const policy = parseJson(entry);
  return policy === undefined ? { policyRequirement: 'UNKNOWN', raw: entry } : policy;
}

/** A raw AM callback as an app sees it: outputs as named fields, the current value, `raw` kept. */
export function toJourneyCallback(raw: AmCallback): JourneyCallback {
  const type = displayType(raw);
  const spec = specOf(type);
  // Outputs become own fields (whatever their names, `__proto__` too) that cannot replace type or raw.
  const cb: JourneyCallback = {
    ...Object.fromEntries(
      (raw.output ?? []).map((o) => {
        const normalize = own(normalizeOutput, o.name);
        return [o.name, normalize ? normalize(o.value) : o.value];
      }),
    ),
    type,
    raw,
  };
  if (cb.isRequired !== undefined) cb.required = cb.isRequired === true;
  if (cb.prompt === undefined && typeof cb.message === 'string') cb.prompt = cb.message;
  if (raw.type === 'MetadataCallback') cb.value = outputOf(raw, 'data');
  const current = raw.input?.[0]?.value;
  if (spec.field === 'value') {
    // AM's `value` output is the value to show (attributes, hidden values); else the input's,
    // and a text input's `defaultText` while it is empty.
    const typed = current === undefined || current === '' ? undefined : current;
    cb.value = spec.kind === 'password' ? '' : (cb.value ?? typed ?? cb.defaultText ?? current);
  } else if (spec.field === 'accepted') {
    cb.accepted = current === true;
  } else if (spec.field === 'selectedIndex') {
    // A confirmation is the user's choice: no preselection, unlike a choice's defaultChoice.
    cb.selectedIndex = type === 'ConfirmationCallback' ? -1 : (current ?? cb.defaultChoice);
  } else if (spec.kind === 'kba') {
    cb.selectedQuestion = inputBySuffix(raw, 'question')?.value ?? '';
    cb.selectedAnswer = inputBySuffix(raw, 'answer')?.value ?? '';
    cb.allowUserDefinedQuestions = cb.allowUserDefinedQuestions === true;
  }
  return cb;
}

function inputBySuffix(raw: AmCallback, suffix: string) {
  return raw.input?.find((i) => i.name.endsWith(suffix));
}

const applyError = (message: string) =>
  new JourneyError(message, 'JOURNEY_CALLBACK_APPLY_ERROR', 'argument_error');

/**
 * Applies `next()` input to a copy of the step (rn-journey-api §3.5): each entry picks a
 * callback by type, and by `index` or a per-type counter; values are coerced as the catalogue
 * says. Every `…validateOnly` input is set to `input.validateOnly === true`. Throws before
 * anything is sent when an entry is invalid; the original step is untouched.
 */
export function applyInput(step: AmStep, input: JourneyNextInput | undefined): AmStep {
  const copy = JSON.parse(JSON.stringify(step)) as AmStep;
  const entries = input?.callbacks ?? [];
  if (!Array.isArray(entries)) throw applyError('input.callbacks must be an array');
  const callbacks = copy.callbacks ?? [];
  const counters = new Map<string, number>();
  entries.forEach((entry: JourneyCallbackInput, i) => {
    if (typeof entry !== 'object' || entry === null)
      throw applyError(`Invalid callback payload at index ${i}`);
    if (typeof entry.type !== 'string' || !entry.type.trim())
      throw applyError(`Callback type is required at index ${i}`);
    const type = canonicalType(entry.type);
    const spec = specOf(type);
    refuseUnsettable(type, spec);
    const index = asIndex(entry.index) ?? counters.get(type) ?? 0;
    counters.set(type, index + 1);
    const matches = callbacks.filter((cb) => displayType(cb) === type);
    if (matches.length === 0) throw applyError(`No active callback found for type ${type}`);
    const target = matches[index];
    if (!target) throw applyError(`No active callback found for type ${type} at index ${index}`);
    write(target, spec, type, entry.value ?? undefined);
  });
  for (const field of callbacks.flatMap((cb) => cb.input ?? []))
    if (field.name.endsWith('validateOnly')) field.value = input?.validateOnly === true;
  return copy;
}

function refuseUnsettable(type: string, spec: CallbackSpec): void {
  if (spec.mode === 'output_only')
    throw new JourneyError(
      `${type} is output-only and cannot be mutated`,
      'JOURNEY_UNSUPPORTED_CALLBACK_ERROR',
      'argument_error',
    );
  if (spec.mode === 'integration_required')
    throw new JourneyError(
      `Callback type ${type} requires additional integration`,
      'JOURNEY_MISSING_INTEGRATION_ERROR',
      'state_error',
    );
  if (spec.mode === 'unsupported')
    throw new JourneyError(
      `${type} is not supported for value mutation`,
      'JOURNEY_UNSUPPORTED_CALLBACK_ERROR',
      'argument_error',
    );
}

function write(target: AmCallback, spec: CallbackSpec, type: string, value: unknown): void {
  if (spec.kind === 'kba') {
    // A bare string is the answer; an object sets the question, the answer or both.
    const kba = (typeof value === 'string' ? { answer: value } : value) as Record<string, unknown>;
    if (typeof kba !== 'object' || kba === null)
      throw applyError(`${type} expects a question and answer`);
    const parts = {
      question: kba.selectedQuestion ?? kba.question,
      answer: kba.selectedAnswer ?? kba.answer,
    };
    for (const [suffix, given] of Object.entries(parts))
      if (given !== undefined) {
        const text = coerce('text', given, type);
        const input = inputBySuffix(target, suffix);
        if (input) input.value = text;
      }
    return;
  }
  const main = target.input?.[0];
  if (!main) throw applyError(`${type} has no input to set`);
  main.value = coerce(spec.kind, value, type);
  if (spec.field === 'selectedIndex') {
    const options = outputOf(target, type === 'ChoiceCallback' ? 'choices' : 'options');
    if (Array.isArray(options) && (main.value as number) >= options.length)
      throw applyError(`${type} has no option ${String(main.value)}`);
  }
}

function coerce(kind: CallbackSpec['kind'], value: unknown, type: string): unknown {
  const [expects, to] = coercions[kind] ?? coercions.text!;
  const out = to(value);
  if (out === undefined) throw applyError(`${type} expects ${expects} value`);
  return out;
}

/** Values a submitted step carries that must never be logged (passwords, answers). */
export function secretInputs(step: AmStep): string[] {
  return (step.callbacks ?? []).flatMap((cb) =>
    ['password', 'kba'].includes(specOf(displayType(cb)).kind)
      ? (cb.input ?? []).map((i) => i.value).filter((v): v is string => typeof v === 'string')
      : [],
  );
}
