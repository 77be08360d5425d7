import { JourneyError } from './errors';
import type { FetchLike } from './http/transport';
import { isSecureUrl, originOf } from './http/url';
import type { LoggerInstance } from './logger';
import type { OidcModuleConfig } from './oidc/context';
import type { Clock } from './platform/clock';
import type { CryptoProvider } from './platform/crypto';
import { isKeyValueStorage, type KeyValueStorage } from './storage/types';

export type { OidcModuleConfig };

export interface JourneyConfig {
  /** The AM base URL, e.g. `https://tenant.example.com/am`. Required. */
  serverUrl: string;
  /** Default 'root'; AIC uses 'alpha' or 'bravo'; sub-realms as 'alpha/sub'. */
  realm?: string;
  /** The SSO cookie name; default 'iPlanetDirectoryPro' (AIC tenants have their own). */
  cookie?: string;
  /** Milliseconds per request, body included; default 15000. */
  timeout?: number;
  fetch?: FetchLike;
  /** Milliseconds a storage call may take before it counts as failed; default 10000. */
  storageTimeout?: number;
  /** The largest reply body read, in bytes after decompression; default 1,000,000. */
  maxResponseBytes?: number;
  logger?: LoggerInstance;
  /** Preferred locales for page texts and `Accept-Language`; default: the runtime's. */
  locale?: string | string[];
  /** Random bytes and SHA-256 where the runtime has no WebCrypto (Hermes). */
  crypto?: Partial<CryptoProvider>;
  /** Milliseconds since the epoch; default `Date.now`. */
  clock?: Clock;
  /** Allow plain http to hosts other than this device (loopback); for development only. */
  allowInsecureRequests?: boolean;
  modules?: {
    session?: { storage?: KeyValueStorage };
    oidc?: OidcModuleConfig;
  };
}

const configError = (message: string) =>
  new JourneyError('JOURNEY_CONFIG_ERROR', 'argument_error', `[@journeykit/journey] ${message}`);

/** Checks everything that can be checked without the network, so mistakes surface at creation. */
export function validateConfig(config: JourneyConfig): void {
  if (typeof config?.serverUrl !== 'string' || !config.serverUrl.trim())
    throw configError('Missing configuration. Provide a non-empty serverUrl.');
  const secure = (url: string, name: string) => {
    if (!originOf(url)) throw configError(`${name} must be an absolute http(s) URL.`);
    if (!config.allowInsecureRequests && !isSecureUrl(url))
      throw configError(`${name} must use https (or allowInsecureRequests).`);
  };
  secure(config.serverUrl, 'serverUrl');
  if (config.timeout !== undefined && !(typeof config.timeout === 'number' && config.timeout > 0))
    throw configError('timeout must be a positive number of milliseconds.');
  for (const key of ['storageTimeout', 'maxResponseBytes'] as const) {
    const value = config[key];
    if (value !== undefined && !(typeof value === 'number' && value > 0))
      throw configError(`${key} must be a positive number.`);
  }
  const sessionStorage = config.modules?.session?.storage;
  if (sessionStorage !== undefined && !isKeyValueStorage(sessionStorage))
    throw configError('modules.session.storage needs getItem, setItem and removeItem.');
  const oidc = config.modules?.oidc;
  if (oidc === undefined) return;
  for (const key of ['clientId', 'discoveryEndpoint', 'redirectUri'] as const)
    if (typeof oidc[key] !== 'string' || !oidc[key].trim())
      throw configError('modules.oidc needs clientId, redirectUri and discoveryEndpoint.');
  secure(oidc.discoveryEndpoint, 'discoveryEndpoint');
  if (oidc.storage !== undefined && !isKeyValueStorage(oidc.storage))
    throw configError('modules.oidc.storage needs getItem, setItem and removeItem.');
  if (
    oidc.scopes !== undefined &&
    !(Array.isArray(oidc.scopes) && oidc.scopes.every((s) => typeof s === 'string'))
  )
    throw configError('scopes must be an array of strings.');
  if (
    oidc.refreshThreshold !== undefined &&
    !(typeof oidc.refreshThreshold === 'number' && oidc.refreshThreshold >= 0)
  )
    throw configError('refreshThreshold must be 0 or more seconds.');
  const strategies = ['auto', 'redirect', 'follow', 'form_post'];
  if (oidc.authorizeStrategy !== undefined && !strategies.includes(oidc.authorizeStrategy))
    throw configError(`authorizeStrategy must be one of ${strategies.join(', ')}.`);
}
