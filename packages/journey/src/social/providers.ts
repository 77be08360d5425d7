import type { JourneyNode } from '@journeykit/journey';

import { applyError, missing, outputOf, rawCallback, setInput } from './callbacks';

/** How AM asks a provider's button to look (`SelectIdPCallback` outputs, as configured in AM). */
export interface ProviderUiConfig {
  buttonDisplayName?: string;
  buttonImage?: string;
  buttonClass?: string;
  buttonCustomStyle?: string;
  buttonCustomStyleHover?: string;
  iconClass?: string;
  iconFontColor?: string;
  iconBackground?: string;
  [key: string]: unknown;
}

/** One choice of a `SelectIdPCallback`: a social provider, or signing in with a password here. */
export interface IdentityProvider {
  /** The name to choose it by, e.g. `google`; `localAuthentication` for a password here. */
  provider: string;
  uiConfig: ProviderUiConfig;
  /** True for `localAuthentication`. */
  local: boolean;
}

/** The provider AM names for "sign in here with a password". */
export const LOCAL_AUTHENTICATION = 'localAuthentication';

/** The providers a node's `SelectIdPCallback` offers, in AM's order; empty when it has none. */
export function identityProviders(node: JourneyNode): IdentityProvider[] {
  const cb = rawCallback(node, 'SelectIdPCallback');
  const providers = cb ? outputOf(cb, 'providers') : undefined;
  if (!Array.isArray(providers)) return [];
  return providers
    .filter(
      (p): p is { provider: string; uiConfig?: unknown } =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as { provider?: unknown }).provider === 'string',
    )
    .map(({ provider, uiConfig }) => ({
      provider,
      uiConfig:
        typeof uiConfig === 'object' && uiConfig !== null ? (uiConfig as ProviderUiConfig) : {},
      local: provider === LOCAL_AUTHENTICATION,
    }));
}

/**
 * Chooses a provider on the node's `SelectIdPCallback`; then `client.next()` sends the choice.
 * Throws a JOURNEY_CALLBACK_APPLY_ERROR for a provider the node does not offer.
 */
export function chooseProvider(node: JourneyNode, provider: string): void {
  const cb = rawCallback(node, 'SelectIdPCallback');
  if (!cb) throw missing('SelectIdPCallback');
  if (!identityProviders(node).some((p) => p.provider === provider))
    throw applyError(`The journey does not offer the provider ${JSON.stringify(provider)}`);
  setInput(cb, '', provider);
}
