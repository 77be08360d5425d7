import type { JourneyFormValue, JourneyNormalizedField } from '@journeykit/journey';
import * as p from '@clack/prompts';
import type { CliOptions } from './args';

/** How the CLI gets a value for a form field: asked at the terminal, or taken from the flags. */
export type Answer = (field: JourneyNormalizedField) => Promise<JourneyFormValue | undefined>;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The server refused the journey (e.g. a wrong password): at a terminal, worth another try. */
export class JourneyRefused extends CliError {}

const usernameTypes = new Set(['NameCallback', 'ValidatedCreateUsernameCallback']);

/** Non-interactive answers: --username, --password, --answer key=value, else the field's default. */
export function scriptedAnswer(options: CliOptions): Answer {
  return (field) => {
    const given = options.answers[field.id] ?? options.answers[field.prompt];
    if (given !== undefined) return Promise.resolve(fromText(field, given));
    if (usernameTypes.has(field.ref.type) && options.username !== undefined)
      return Promise.resolve(options.username);
    if (field.kind === 'password' && options.password !== undefined)
      return Promise.resolve(options.password);
    if (field.defaultValue !== undefined) return Promise.resolve(field.defaultValue);
    if (field.kind === 'password')
      throw new CliError(
        `No password for "${field.prompt || field.id}": pass --password-stdin or set JOURNEYKIT_PASSWORD`,
      );
    throw new CliError(
      `No answer for "${field.prompt || field.id}": pass --answer "${field.id}=…" or run without --yes`,
    );
  };
}

function fromText(field: JourneyNormalizedField, text: string): JourneyFormValue {
  switch (field.kind) {
    case 'boolean':
      return /^(true|yes|1|y)$/i.test(text.trim());
    case 'number':
      return Number(text);
    case 'choice': {
      const byLabel =
        field.options?.findIndex((o) => o.label.toLowerCase() === text.trim().toLowerCase()) ?? -1;
      return byLabel >= 0 ? byLabel : Number(text);
    }
    case 'kba': {
      const [question = '', answer = ''] = text.split('::');
      return {
        selectedQuestion: question,
        selectedAnswer: answer,
        allowUserDefinedQuestions: false,
      };
    }
    default:
      return text;
  }
}

/**
 * Interactive answers at the terminal; the password is never echoed. What the user typed into a
 * text field is offered again when the journey asks for the same field (after a wrong password,
 * the user name is already there); secrets are never kept.
 */
export function promptAnswers(): Answer {
  const typed = new Map<string, string>();
  return async (field) => {
    const message = field.prompt || (field.kind === 'choice' ? 'Choose' : field.ref.type);
    const value = await ask(field, message, typed.get(field.id));
    if (p.isCancel(value)) throw new CliError('Cancelled', 130);
    if (field.kind === 'text' && typeof value === 'string') typed.set(field.id, value);
    return value as JourneyFormValue;
  };
}

function ask(field: JourneyNormalizedField, message: string, before?: string): Promise<unknown> {
  switch (field.kind) {
    case 'password':
      return p.password({
        message,
        validate: (v) => (field.required && !v ? 'Required' : undefined),
      });
    case 'boolean': {
      // Terms and consents carry their text elsewhere than in a prompt.
      const { terms, displayName } = field.raw;
      const text = typeof terms === 'string' ? terms : (field.message ?? '');
      const title = typeof displayName === 'string' ? `${displayName}: ` : '';
      return p.confirm({
        message: text ? `${title}${text}\n${field.prompt || 'Accept?'}` : message,
        initialValue: field.defaultValue === true,
      });
    }
    case 'choice':
      return p.select({
        message,
        options: (field.options ?? []).map((o) => ({ value: o.index, label: o.label })),
        initialValue: typeof field.defaultValue === 'number' ? field.defaultValue : undefined,
      });
    case 'number':
      return p
        .text({
          message,
          validate: (v) => (v && Number.isFinite(Number(v)) ? undefined : 'Enter a number'),
        })
        .then((v) => (p.isCancel(v) ? v : Number(v)));
    case 'kba':
      return askKba(field, message);
    default:
      return p.text({
        message,
        initialValue:
          before ?? (typeof field.defaultValue === 'string' ? field.defaultValue : undefined),
        validate: (v) => (field.required && !v?.trim() ? 'Required' : undefined),
      });
  }
}

async function askKba(field: JourneyNormalizedField, message: string): Promise<unknown> {
  const questions = (field.options ?? []).map((o) => ({ value: o.label, label: o.label }));
  // '' stands for "my own question": a real question is never empty.
  if (field.raw.allowUserDefinedQuestions === true)
    questions.push({ value: '', label: 'Write my own question' });
  const picked = questions.length ? await p.select({ message, options: questions }) : '';
  if (p.isCancel(picked)) return picked;
  const question = picked || (await p.text({ message: 'Your question' }));
  if (p.isCancel(question)) return question;
  const answer = await p.password({ message: `Answer to "${String(question)}"` });
  if (p.isCancel(answer)) return answer;
  return {
    selectedQuestion: String(question),
    selectedAnswer: answer,
    allowUserDefinedQuestions: false,
  };
}
