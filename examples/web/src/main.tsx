import { createJourneyClient, webStorage } from '@journeykit/journey';
import { JourneyProvider } from '@journeykit/journey/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import settings from 'virtual:journeykit-settings';
import { App } from './App';
import { CentralizedLogin } from './integrations/centralized';
import { SocialReturn } from './integrations/social';
import './styles.css';

const { oidc, ...server } = settings;
const client = createJourneyClient({
  ...server,
  modules: {
    // The tab's sessionStorage: the session survives a reload and ends with the tab.
    session: { storage: webStorage('session') },
    oidc: { ...oidc, scopes: ['openid', 'profile', 'email'] },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <JourneyProvider client={client}>
      <App />
      <SocialReturn />
      <CentralizedLogin client={client} />
    </JourneyProvider>
  </StrictMode>,
);
