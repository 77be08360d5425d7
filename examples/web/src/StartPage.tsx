import type { JourneyNode, SessionEndReason } from '@journeykit/journey';
import { useJourney } from '@journeykit/journey/react';
import { useState, type FormEvent } from 'react';

const JOURNEYS = ['Login', 'Registration', 'SecondFactor', 'EmailLink', 'Polling'];
/** The dev server's journeys with integration nodes (see ./integrations). */
const INTEGRATION_JOURNEYS = ['DeviceProfile', 'ReCaptcha', 'Protect', 'Custom'];

const endings: Record<SessionEndReason, string> = {
  logout: 'You signed out.',
  expired: 'Your session ended on the server. Sign in again.',
};

/** Picks a journey to run, and says how the last one ended. */
export function StartPage({
  outcome,
  ended,
}: {
  outcome: JourneyNode | null;
  ended?: SessionEndReason;
}) {
  const [, actions] = useJourney();
  const [name, setName] = useState('Login');
  const start = (journey: string) => void actions.start(journey).catch(() => undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start(name);
  };
  const notice =
    outcome?.type === 'ErrorNode'
      ? outcome.message || `The server refused (HTTP ${outcome.status}).`
      : outcome?.type === 'FailureNode'
        ? `The journey failed: ${outcome.message}`
        : ended && endings[ended];
  return (
    <section aria-labelledby="start-title">
      <h2 id="start-title">Start a journey</h2>
      {notice && (
        <p role="status" className={outcome ? 'problem' : 'note'}>
          {notice}
        </p>
      )}
      {actions.error && <p className="problem">{actions.error.message}</p>}
      <div className="row">
        <button onClick={() => start('Login')} disabled={actions.loading}>
          Sign in
        </button>
        <button onClick={() => start('Registration')} disabled={actions.loading}>
          Create an account
        </button>
      </div>
      <form onSubmit={submit} className="row">
        <label>
          Journey
          <input list="journeys" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <datalist id="journeys">
          {[...JOURNEYS, ...INTEGRATION_JOURNEYS].map((j) => (
            <option key={j} value={j} />
          ))}
        </datalist>
        <button type="submit" disabled={actions.loading}>
          Start
        </button>
      </form>
    </section>
  );
}
