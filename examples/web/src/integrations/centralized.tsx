import type { JourneyClient } from '@journeykit/journey';
import { createOidcWebClient, type OidcTokens, type OidcUser } from '@journeykit/journey/redirect';
import { useEffect, useMemo, useState } from 'react';
import { shorten } from '../shorten';

// Once per page load, even when React runs effects twice: a return can be exchanged only once.
let arrived: Promise<OidcUser | null> | undefined;

/**
 * Centralized login: the server's own sign-in page, back to `/callback`, then the tokens, refresh
 * and a sign-out that ends the session at the server and comes back to `/signed-out`.
 */
export function CentralizedLogin({ client }: { client: JourneyClient }) {
  const web = useMemo(
    () =>
      createOidcWebClient(client, {
        redirectUri: `${location.origin}/callback`,
        signOutRedirectUri: `${location.origin}/signed-out`,
      }),
    [client],
  );
  const [user, setUser] = useState<OidcUser | null>(null);
  const [tokens, setTokens] = useState<OidcTokens | null>(null);
  const [problem, setProblem] = useState('');
  const fail = (error: unknown) =>
    setProblem(error instanceof Error ? error.message : String(error));
  const show = async (signedIn: OidcUser | null) => {
    setUser(signedIn);
    setTokens(signedIn && (await signedIn.token()));
  };
  useEffect(() => {
    arrived ??= web.user().finally(() => {
      if (location.pathname === '/callback') history.replaceState(null, '', '/');
    });
    arrived.then(show, fail);
  }, [web]);

  return (
    <section aria-labelledby="hosted-title">
      <h2 id="hosted-title">The server&apos;s sign-in page</h2>
      {problem && <p className="problem">{problem}</p>}
      {location.pathname === '/signed-out' && <p className="note">Signed out at the server.</p>}
      {tokens ? (
        <>
          <p>
            Access token{' '}
            <code data-testid="hosted-access-token">{shorten(tokens.accessToken)}</code>
          </p>
          <div className="row">
            <button onClick={() => void user?.refresh().then(setTokens, fail)}>
              Refresh hosted tokens
            </button>
            <button onClick={() => void user?.logout().catch(fail)}>Sign out at the server</button>
          </div>
        </>
      ) : (
        <button onClick={() => void web.authorize().catch(fail)}>
          Sign in on the server&apos;s page
        </button>
      )}
    </section>
  );
}
