import type { JourneySession } from '@journeykit/journey/react';
import { useJourney } from '@journeykit/journey/react';
import { useState } from 'react';

/** The user's own view once signed in: who they are, and signing out. Tokens are elsewhere. */
export function AccountPage({ session }: { session: JourneySession }) {
  const [, actions] = useJourney();
  const [signingOut, setSigningOut] = useState(false);
  const info = session.user?.userInfo ?? {};
  const name = typeof info.name === 'string' ? info.name : undefined;
  const email = typeof info.email === 'string' ? info.email : undefined;
  const signOut = () => {
    setSigningOut(true);
    // logoutUser() always clears the local session, so the app shows the start page after it.
    void actions.logoutUser().finally(() => setSigningOut(false));
  };
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Signed in{name ? ` as ${name}` : ''}</h1>
      {email && <p className="note">{email}</p>}
      <p>You are signed in. Your session stays while this tab is open.</p>
      <div className="row">
        <button className="destructive" onClick={signOut} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </section>
  );
}
