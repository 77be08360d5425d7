import type { JourneyNode, SessionEndReason } from '@journeykit/journey';
import { useJourney } from '@journeykit/journey/react';
import { useState, type FormEvent } from 'react';

const JOURNEYS = ['Login', 'Registration', 'SecondFactor', 'EmailLink', 'Polling'];

const endings: Record<SessionEndReason, string> = {
  logout: 'You signed out.',
  expired: 'Your session ended on the server. Sign in again.',
};

/** How a journey ended, in words for the user rather than the server's. */
function outcomeText(outcome: JourneyNode | null, journey: string | null): string | undefined {
  if (outcome?.type === 'ErrorNode') {
    // AM's answer for a journey name it does not know.
    if (/no configuration found/i.test(outcome.message ?? ''))
      return `There is no journey named "${journey ?? ''}". Check the name and try again.`;
    return outcome.message || `The server refused (HTTP ${outcome.status}).`;
  }
  if (outcome?.type === 'FailureNode')
    return `We could not reach the sign-in service. Check your connection and try again. (${outcome.message})`;
  return undefined;
}

/** Sign in, create an account, or run any journey by name; says how the last one ended. */
export function StartPage({
  outcome,
  journey,
  ended,
  onStart,
}: {
  outcome: JourneyNode | null;
  journey: string | null;
  ended?: SessionEndReason;
  onStart: (journey: string) => void;
}) {
  const [, actions] = useJourney();
  const [name, setName] = useState('Login');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart(name.trim());
  };
  const problem = outcomeText(outcome, journey) ?? actions.error?.message;
  const note = !problem && ended ? endings[ended] : undefined;
  return (
    <section aria-labelledby="start-title">
      <h1 id="start-title">Welcome</h1>
      <p className="note">Sign in to your account, or create one.</p>
      {problem && (
        <p role="alert" className="problem banner">
          {problem}
        </p>
      )}
      {note && (
        <p role="status" className="note banner">
          {note}
        </p>
      )}
      <div className="stack">
        <button
          className="primary"
          autoFocus
          onClick={() => onStart('Login')}
          disabled={actions.loading}
        >
          Sign in
        </button>
        <button
          className="secondary"
          onClick={() => onStart('Registration')}
          disabled={actions.loading}
        >
          Create an account
        </button>
      </div>
      <section className="other" aria-labelledby="other-title">
        <h2 id="other-title">Run another journey</h2>
        <form onSubmit={submit} className="row">
          <label>
            Journey
            <input list="journeys" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <datalist id="journeys">
            {JOURNEYS.map((j) => (
              <option key={j} value={j} />
            ))}
          </datalist>
          <button type="submit" className="secondary" disabled={actions.loading}>
            Start
          </button>
        </form>
      </section>
    </section>
  );
}
