import type { JourneySession } from '@journeykit/journey/react';
import { useJourney } from '@journeykit/journey/react';
import { useState } from 'react';
import { shorten } from './shorten';

/** The expiry as a clock time, and how far off it was when this rendered (no ticking). */
const expiry = (ms: number) =>
  `${new Date(ms).toLocaleTimeString()} (in ${Math.max(0, Math.round((ms - Date.now()) / 60_000))} min)`;

/**
 * For developers, apart from the user's view: what `useJourneySession()` holds (it re-renders on
 * the client's events) and the token methods of `useJourney()`. A product would leave it out.
 */
export function DeveloperPanel({ session }: { session: JourneySession }) {
  const [, actions] = useJourney();
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const { ssoToken, user, error } = session;

  const act = (name: string, run: () => Promise<string>) => () => {
    setBusy(name);
    setSaid(null);
    run()
      .then(setSaid, (e: Error) => setSaid(`${name} failed: ${e.message}`))
      .finally(() => setBusy(null));
  };
  const refresh = act('Refresh', async () =>
    (await actions.refresh()) ? 'Tokens refreshed.' : 'The refresh failed; see the error above.',
  );
  const revoke = act('Revoke', async () =>
    (await actions.revoke())
      ? 'Tokens revoked on the server. The SSO session stays.'
      : 'Tokens forgotten here; the server did not confirm the revocation.',
  );
  const mint = act('Get tokens', async () =>
    (await actions.user()) ? 'New tokens from the SSO session.' : 'No session to get tokens from.',
  );

  return (
    <aside className="developer" aria-labelledby="developer-title" aria-busy={!!busy}>
      <h2 id="developer-title">Developer panel</h2>
      <dl>
        <dt>Realm</dt>
        <dd>{ssoToken?.realm || '—'}</dd>
        <dt>SSO token</dt>
        <dd data-testid="sso-token">{ssoToken ? shorten(ssoToken.value) : '—'}</dd>
        <dt>Access token</dt>
        <dd data-testid="access-token">{user ? shorten(user.accessToken) : 'none'}</dd>
        <dt>Refresh token</dt>
        <dd data-testid="refresh-token">
          {user?.refreshToken ? shorten(user.refreshToken) : 'none'}
        </dd>
        <dt>Expires</dt>
        <dd data-testid="expires">{user?.expiresAt ? expiry(user.expiresAt) : '—'}</dd>
      </dl>
      {user?.userInfo ? (
        <>
          <h3>Userinfo</h3>
          <dl data-testid="userinfo">
            {Object.entries(user.userInfo).map(([claim, value]) => (
              <div key={claim}>
                <dt>{claim}</dt>
                <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        !user && <p className="note">No tokens. The SSO session can mint new ones.</p>
      )}
      {error && (
        <p role="alert" className="problem">
          {error.message}
        </p>
      )}
      <p role="status">{said}</p>
      <div className="row">
        {user ? (
          <>
            <button className="secondary" onClick={refresh} disabled={!!busy}>
              Refresh
            </button>
            <button className="secondary" onClick={revoke} disabled={!!busy}>
              Revoke
            </button>
          </>
        ) : (
          <button className="secondary" onClick={mint} disabled={!!busy}>
            Get tokens
          </button>
        )}
      </div>
    </aside>
  );
}
