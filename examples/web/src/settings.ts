import type { JourneyConfig, OidcModuleConfig } from '@journeykit/journey';

/** Where the app signs in: written by the launcher (`server/launch.ts`) once the server runs. */
export interface DemoSettings extends Pick<JourneyConfig, 'serverUrl' | 'realm' | 'cookie'> {
  oidc: Pick<OidcModuleConfig, 'clientId' | 'discoveryEndpoint' | 'redirectUri'>;
}

export const SETTINGS_MODULE = 'virtual:journeykit-settings';
