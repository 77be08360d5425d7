import type { ContinueNode } from '@journeykit/journey';
import { useJourney, useJourneyForm } from '@journeykit/journey/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from './Field';
import { Integrations } from './integrations/Integrations';

/** HTML from the server shown as text: tags dropped, line breaks kept. */
const plain = (html: string) => html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');
/** For the hook's promises: it keeps a failure in `actions.error`, which the page shows. */
const ignore = () => undefined;

/**
 * Any step of any journey, through the headless form model: every field by its kind, the
 * server's validation messages, and the step's own texts. Nothing here knows a journey.
 */
export function JourneyPage({ node }: { node: ContinueNode }) {
  const [, actions] = useJourney();
  const form = useJourneyForm(node);
  const [tried, setTried] = useState(false);
  const [resumeLink, setResumeLink] = useState('');
  const pollingWait = form.getFieldByType('PollingWaitCallback');
  const suspended = form.getFieldByType('SuspendedTextOutputCallback');
  // A confirmation (e.g. Submit / Send a new code) is the step's buttons: each submits its choice.
  const confirmation = form.getFieldByType('ConfirmationCallback');

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
    if (suspended) return void actions.resume(resumeLink).catch(ignore);
    const built = confirmation ? form.buildInput({ [confirmation.id]: choice }) : form;
    if (built.canSubmit) void actions.next(built.input).catch(ignore);
  };

  return (
    <form onSubmit={submit} aria-labelledby="step-title" noValidate>
      <h2 id="step-title">{node.header || 'Continue'}</h2>
      {node.description && <p className="description">{plain(node.description)}</p>}
      {form.fields
        .filter((field) => field !== confirmation)
        .map((field) => (
          <Field
            key={field.id}
            field={field}
            value={form.values[field.id]}
            onChange={(value) => form.setValue(field.id, value)}
            problems={tried ? form.issues.filter((i) => i.fieldId === field.id) : []}
          />
        ))}
      <Integrations node={node} fields={form.fields} setValue={(id, v) => form.setValue(id, v)} />
      {suspended && (
        <label>
          Resume link
          <input type="url" value={resumeLink} onChange={(e) => setResumeLink(e.target.value)} />
        </label>
      )}
      {actions.error && <p className="problem">{actions.error.message}</p>}
      <div className="row">
        {confirmation?.options?.map((option) => (
          <button
            key={option.index}
            type="submit"
            disabled={actions.loading}
            onClick={(event) => submit(event, option.index)}
          >
            {option.label}
          </button>
        ))}
        {!waitMs && !confirmation && (
          <button type="submit" disabled={actions.loading}>
            {suspended ? 'Resume' : node.submitButtonText || 'Next'}
          </button>
        )}
        <button type="button" className="quiet" onClick={() => void actions.dispose()}>
          Cancel
        </button>
      </div>
      {node.pageFooter && <p className="footer">{node.pageFooter}</p>}
    </form>
  );
}
