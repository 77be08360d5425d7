import type { ContinueNode, JourneyFormValue, JourneyNextInput } from '@journeykit/journey';
import { useJourney, useJourneyForm } from '@journeykit/journey/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from './Field';
import { PageText } from './PageText';

/** For the hook's promises: it keeps a failure in `actions.error`, which the page shows. */
const ignore = () => undefined;

interface JourneyPageProps {
  node: ContinueNode;
  /** What went wrong on the previous try (e.g. a wrong password), said above the form. */
  notice?: string;
  /** What the user typed into text fields before, by field id: filled in again. */
  remembered: Record<string, JourneyFormValue>;
  /** Sends the step, with the text values typed, so a new try can offer them again. */
  onSubmit: (input: JourneyNextInput, typed: Record<string, JourneyFormValue>) => void;
  /** Starts another journey (AM's links such as "Already have an account? Sign In"). */
  onJourney: (journey: string) => void;
}

/**
 * Any step of any journey, through the headless form model: every field by its kind, the
 * server's validation messages, and the step's own texts. Nothing here knows a journey.
 */
export function JourneyPage({ node, notice, remembered, onSubmit, onJourney }: JourneyPageProps) {
  const [, actions] = useJourney();
  const form = useJourneyForm(node);
  const [tried, setTried] = useState(false);
  // Fields changed since the last try: their old problems no longer apply.
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [resumeLink, setResumeLink] = useState('');
  const pollingWait = form.getFieldByType('PollingWaitCallback');
  const suspended = form.getFieldByType('SuspendedTextOutputCallback');
  // A confirmation (e.g. Submit / Send a new code) is the step's buttons: each submits its choice.
  const confirmation = form.getFieldByType('ConfirmationCallback');

  // Text typed on an earlier try comes back (never a password), once per step (the page has a
  // new key for every step); focus goes to the first field still to fill.
  useEffect(() => {
    for (const field of form.fields) {
      const before = remembered[field.id];
      if (field.kind === 'text' && before !== undefined) form.setValue(field.id, before);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const toFill = form.fields.filter((f) => f.requiresUserInput && f.kind !== 'output');
  const focusId = (toFill.find((f) => remembered[f.id] === undefined) ?? toFill[0])?.id;

  // A polling step with nothing to fill: wait as the server asks, then go on.
  const waitMs = !form.meta.hasManual && pollingWait ? Number(pollingWait.raw.waitTime) || 1000 : 0;
  const { next } = actions;
  const input = form.input;
  useEffect(() => {
    if (!waitMs) return;
    const timer = setTimeout(() => void next(input).catch(ignore), waitMs);
    return () => clearTimeout(timer);
  }, [waitMs, next, input]);

  const submit = (event: FormEvent, choice?: number) => {
    event.preventDefault();
    setTried(true);
    setChanged(new Set());
    if (suspended) return void actions.resume(resumeLink).catch(ignore);
    const built = confirmation ? form.buildInput({ [confirmation.id]: choice }) : form;
    if (!built.canSubmit) return;
    const typed = form.fields.filter((f) => f.kind === 'text' && form.values[f.id] !== undefined);
    onSubmit(built.input, Object.fromEntries(typed.map((f) => [f.id, form.values[f.id]!])));
  };
  const busy = actions.loading;

  return (
    <form onSubmit={submit} aria-labelledby="step-title" aria-busy={busy} noValidate>
      <h1 id="step-title">{node.header || 'Continue'}</h1>
      {node.description && (
        <PageText html={node.description} className="description" onJourney={onJourney} />
      )}
      {notice && (
        <p role="alert" className="problem banner">
          {notice}
        </p>
      )}
      {form.fields
        .filter((field) => field !== confirmation)
        .map((field) => (
          <Field
            key={field.id}
            field={field}
            value={form.values[field.id]}
            onChange={(value) => {
              form.setValue(field.id, value);
              setChanged((before) => new Set(before).add(field.id));
            }}
            stale={changed.has(field.id)}
            autoFocus={field.id === focusId}
            problems={tried ? form.issues.filter((i) => i.fieldId === field.id) : []}
          />
        ))}
      {suspended && (
        <label>
          Resume link
          <input type="url" value={resumeLink} onChange={(e) => setResumeLink(e.target.value)} />
        </label>
      )}
      {actions.error && (
        <p role="alert" className="problem">
          {actions.error.message}
        </p>
      )}
      <div className="row">
        {confirmation?.options?.map((option, i) => (
          <button
            key={option.index}
            type="submit"
            className={i === 0 ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={(event) => submit(event, option.index)}
          >
            {option.label}
          </button>
        ))}
        {!waitMs && !confirmation && (
          <button type="submit" className="primary" disabled={busy}>
            {suspended ? 'Resume' : node.submitButtonText || 'Next'}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void actions.dispose()}>
          Cancel
        </button>
        {busy && (
          <span role="status" className="note">
            Please wait…
          </span>
        )}
      </div>
      {node.pageFooter && (
        <PageText html={node.pageFooter} className="footer" onJourney={onJourney} />
      )}
    </form>
  );
}
