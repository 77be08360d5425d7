import type { JourneyNode } from '@journeykit/journey';
import { useJourney } from '@journeykit/journey/react';
import {
  chooseProvider,
  identityProviders,
  providerRedirect,
  redirectBrowser,
} from '@journeykit/journey/social';
import { useEffect } from 'react';

/** Whether this step is social sign-in's: a provider to choose, or the trip to it. */
export const isSocialStep = (node: JourneyNode) =>
  identityProviders(node).length > 0 || providerRedirect(node) !== null;

/** The providers as buttons; a RedirectCallback leaves the page for the provider at once. */
export function SocialStep({ node }: { node: JourneyNode }) {
  const [, actions] = useJourney();
  const leaving = providerRedirect(node) !== null;
  useEffect(() => {
    if (leaving) redirectBrowser(node);
  }, [leaving, node]);
  if (leaving) return <p aria-busy="true">Going to the provider…</p>;
  const choose = (provider: string) => {
    chooseProvider(node, provider);
    void actions.next().catch(() => undefined);
  };
  return (
    <section aria-labelledby="social-title">
      <h2 id="social-title">Sign in with</h2>
      <div className="row">
        {identityProviders(node).map(({ provider, uiConfig, local }) => (
          <button key={provider} onClick={() => choose(provider)} disabled={actions.loading}>
            {local ? 'A password' : (uiConfig.buttonDisplayName ?? provider)}
          </button>
        ))}
      </div>
    </section>
  );
}

// Once per page load, even when React runs effects twice: a return can be sent only once.
let returned = false;

/** Back from the provider (`?code=…&state=…` on the start page): the journey goes on. */
export function SocialReturn() {
  const [, actions] = useJourney();
  useEffect(() => {
    if (returned || location.pathname !== '/' || !/[?&]state=/.test(location.search)) return;
    returned = true;
    const url = location.href;
    history.replaceState(null, '', '/');
    void actions.resume(url).catch(() => undefined);
  }, [actions]);
  return null;
}
