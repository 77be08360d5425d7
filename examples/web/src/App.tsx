import type { JourneyFormValue, JourneyNextInput } from '@journeykit/journey';
import { useJourney, useJourneySession } from '@journeykit/journey/react';
import { useCallback, useEffect, useState } from 'react';
import { AccountPage } from './AccountPage';
import { DeveloperPanel } from './DeveloperPanel';
import { JourneyPage } from './JourneyPage';
import { StartPage } from './StartPage';

/** For the hook's promises: it keeps a failure in `actions.error`, which the pages show. */
const ignore = () => undefined;

/** Said when the server refuses the credentials: the journey starts again, the user name kept. */
const REFUSED =
  "That user name and password don't match. Your password was cleared: enter it again.";

/** A journey in progress, else the signed-in user, else the start page. */
export function App() {
  const [node, actions] = useJourney();
  const session = useJourneySession();
  const [journey, setJourney] = useState<string | null>(null);
  const [remembered, setRemembered] = useState<Record<string, JourneyFormValue>>({});
  const [notice, setNotice] = useState<string | undefined>();

  const start = useCallback(
    (name: string, again?: string) => {
      setJourney(name);
      setNotice(again);
      if (!again) setRemembered({});
      void actions.start(name).catch(ignore);
    },
    [actions],
  );

  // An emailed link (EmailLink's resumeUrl is this page) carries on the suspended journey here.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('suspendedId')) return;
    window.history.replaceState(null, '', url.pathname);
    void actions.resume(url.href).catch(ignore);
  }, [actions]);

  // Refused credentials: the same journey again, with what was typed (never the password).
  const submit = (input: JourneyNextInput, typed: Record<string, JourneyFormValue>) => {
    setRemembered((before) => ({ ...before, ...typed }));
    void actions
      .next(input)
      .then((after) => {
        if (after.type === 'ErrorNode' && after.status === 401 && journey) start(journey, REFUSED);
      })
      .catch(ignore);
  };

  return (
    <>
      <header className="brand">
        <span aria-hidden="true">◆</span> journeykit
      </header>
      <main>
        {node?.type === 'ContinueNode' ? (
          // A new key per step: the page's own state (e.g. shown problems) starts again.
          <JourneyPage
            key={node.input.authId}
            node={node}
            notice={notice}
            remembered={remembered}
            onSubmit={submit}
            onJourney={(name) => start(name)}
          />
        ) : session.status === 'loading' ? (
          <p aria-busy="true">Loading…</p>
        ) : session.status === 'signedIn' ? (
          <AccountPage session={session} />
        ) : (
          <StartPage outcome={node} journey={journey} ended={session.ended} onStart={start} />
        )}
      </main>
      {session.status === 'signedIn' && node?.type !== 'ContinueNode' && (
        <DeveloperPanel session={session} />
      )}
    </>
  );
}
