import {
  policyMessage,
  type JourneyFormIssue,
  type JourneyFormValue,
  type JourneyNormalizedField,
  type KbaValue,
} from '@journeykit/journey';
import { useId } from 'react';
import { integrations } from './integrations';

interface FieldProps {
  field: JourneyNormalizedField;
  value: JourneyFormValue | undefined;
  onChange: (value: JourneyFormValue) => void;
  /** Problems the form found with the value, shown once the user tried to go on. */
  problems: JourneyFormIssue[];
  /** The value changed since those problems were found: they are no longer shown. */
  stale?: boolean;
  /** The first field to fill: it has the focus when the step shows. */
  autoFocus?: boolean;
}

/** One callback as a control, chosen by its kind alone. */
export function Field({ field, value, onChange, problems, stale, autoFocus }: FieldProps) {
  const id = useId();
  const { raw } = field;
  const Integration = integrations[field.ref.type];
  if (Integration) return <Integration field={field} value={value} onChange={onChange} />;
  const messages = stale
    ? []
    : [...(field.failedPolicies ?? []).map(policyMessage), ...problems.map((p) => p.message)];
  const hint = messages.length ? `${id}-problems` : undefined;
  const shared = {
    id,
    autoFocus,
    'aria-describedby': hint,
    'aria-invalid': hint ? true : undefined,
  };
  const label = field.prompt || field.ref.type;

  let control;
  switch (field.kind) {
    case 'output':
      return <Output field={field} />;
    case 'text':
    case 'password':
    case 'number':
      if (!field.requiresUserInput) return null; // hidden values travel as they are
      control = (
        <>
          <label htmlFor={id}>{label}</label>
          <input
            {...shared}
            type={field.kind}
            autoComplete={autoComplete[field.ref.type]}
            value={typeof value === 'string' || typeof value === 'number' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          />
        </>
      );
      break;
    case 'boolean':
      control = (
        <>
          {typeof raw.terms === 'string' && <pre className="terms">{raw.terms}</pre>}
          <label className="check">
            <input
              {...shared}
              type="checkbox"
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
            />
            {typeof raw.terms === 'string' ? 'I accept the terms and conditions' : label}
          </label>
        </>
      );
      break;
    case 'choice':
      control = (
        <fieldset {...shared}>
          <legend>{label}</legend>
          {field.options?.map((option) => (
            <label key={option.index} className="check">
              <input
                type="radio"
                name={id}
                checked={value === option.index}
                onChange={() => onChange(option.index)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      );
      break;
    case 'kba':
      control = (
        <Kba
          field={field}
          value={value as KbaValue | undefined}
          onChange={onChange}
          shared={shared}
        />
      );
      break;
    default:
      control = (
        <p className="problem">
          This step needs {field.ref.type}, which this demo cannot complete.
        </p>
      );
  }
  return (
    <div className="field">
      {control}
      {hint && (
        <ul id={hint} className="problems">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Output({ field }: { field: JourneyNormalizedField }) {
  const { raw } = field;
  const text = typeof raw.message === 'string' ? raw.message : '';
  if (!text || raw.messageType === 'SCRIPT') return null; // scripts are not run in this demo
  const tone =
    raw.messageType === 'ERROR' ? 'problem' : raw.messageType === 'WARNING' ? 'warning' : 'note';
  return (
    <p className={tone} aria-busy={raw.type === 'PollingWaitCallback' || undefined}>
      {text}
    </p>
  );
}

function Kba({
  field,
  value,
  onChange,
  shared,
}: {
  field: JourneyNormalizedField;
  value: KbaValue | undefined;
  onChange: (value: KbaValue) => void;
  shared: { id: string };
}) {
  const current: KbaValue = value ?? {
    selectedQuestion: '',
    selectedAnswer: '',
    allowUserDefinedQuestions: false,
  };
  const set = (patch: Partial<KbaValue>) => onChange({ ...current, ...patch });
  return (
    <fieldset>
      <legend>{field.prompt || 'Security question'}</legend>
      <label htmlFor={shared.id}>Question</label>
      <select
        {...shared}
        value={current.selectedQuestion}
        onChange={(e) => set({ selectedQuestion: e.target.value })}
      >
        <option value="">Choose a question</option>
        {field.options?.map((o) => (
          <option key={o.index} value={o.label}>
            {o.label}
          </option>
        ))}
      </select>
      {field.raw.allowUserDefinedQuestions === true && (
        <>
          <label htmlFor={`${shared.id}-own`}>Or write your own question</label>
          <input
            id={`${shared.id}-own`}
            onChange={(e) =>
              set({ selectedQuestion: e.target.value, allowUserDefinedQuestions: true })
            }
          />
        </>
      )}
      <label htmlFor={`${shared.id}-answer`}>Answer</label>
      <input
        id={`${shared.id}-answer`}
        value={current.selectedAnswer}
        onChange={(e) => set({ selectedAnswer: e.target.value })}
      />
    </fieldset>
  );
}

/** What browsers and password managers should offer for each credential. */
const autoComplete: Record<string, string> = {
  NameCallback: 'username',
  PasswordCallback: 'current-password',
  ValidatedCreateUsernameCallback: 'username',
  ValidatedCreatePasswordCallback: 'new-password',
};
