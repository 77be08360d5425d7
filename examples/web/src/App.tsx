import { useJourney, useJourneySession } from '@journeykit/journey/react';
import { isSocialStep, SocialStep } from './integrations/social';
import { JourneyPage } from './JourneyPage';
import { SessionPanel } from './SessionPanel';
import { StartPage } from './StartPage';

/** A journey in progress, else the session when there is one, else the start page. */
export function App() {
  const [node] = useJourney();
  const session = useJourneySession();
  return (
    <main>
      <header>
        <h1>journeykit</h1>
        <p>Any PingAM / AIC journey, then the session — React bindings over one client.</p>
      </header>
      {node?.type === 'ContinueNode' && isSocialStep(node) ? (
        <SocialStep key={node.input.authId} node={node} />
      ) : node?.type === 'ContinueNode' ? (
        // A new key per step: the page's own state (e.g. shown problems) starts again.
        <JourneyPage key={node.input?.authId} node={node} />
      ) : session.status === 'loading' ? (
        <p aria-busy="true">Loading…</p>
      ) : session.status === 'signedIn' ? (
        <SessionPanel session={session} />
      ) : (
        <StartPage outcome={node} ended={session.ended} />
      )}
    </main>
  );
}
