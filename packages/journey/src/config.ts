import { JourneyError } from './errors';
import type { FetchLike } from './http/transport';
import { isSecureUrl, originOf } from './http/url';
import type { LoggerInstance } from './logger';
import type { OidcModuleConfig, OidcOpenIdConfiguration } from './oidc/context';
import type { Clock } from './platform/clock';
import type { CryptoProvider } from './platform/crypto';
import { isHandle, storeOf, type SessionStorageHandle } from './storage/handle';
import { isKeyValueStorage, type KeyValueStorage } from './storage/types';

export type { OidcModuleConfig, OidcOpenIdConfiguration };

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
    /** A store, or a handle from `configureSessionStorage()`; default: memory. */
    session?: { storage?: KeyValueStorage | SessionStorageHandle };
    oidc?: OidcModuleConfig;
  };
}

const configError = (message: string) =>
  new JourneyError(`[@journeykit/journey] ${message}`, 'JOURNEY_CONFIG_ERROR', 'argument_error');

// The options of each level and the type each takes: s(tring), n(umber), b(oolean), f(unction),
// o(bject), a(rray of strings), '' anything.
const urls = 'authorizationEndpoint tokenEndpoint userinfoEndpoint';
const levels: Record<string, string> = {
  '': 'serverUrl:s realm:s cookie:s timeout:n fetch:f logger:o locale: crypto:o clock:f allowInsecureRequests:b modules:o',
  'modules.': 'session:o oidc:o',
  'modules.session.': 'storage:o',
  'modules.oidc.':
    'clientId:s discoveryEndpoint:s openId:o redirectUri:s scopes:a refreshThreshold:n signOutRedirectUri:s storage:o authorizeStrategy:s idTokenVerifier:f acrValues:s loginHint:s uiLocales:s additionalParameters:o logger:o state:s nonce:s display:s prompt:s',
  'modules.oidc.openId.': `${urls} endSessionEndpoint revocationEndpoint pingEndIdpSessionEndpoint issuer jwksUri`,
};
const typeNames: Record<string, string> = {
  s: 'a string',
  n: 'a number',
  b: 'a boolean',
  f: 'a function',
  o: 'an object',
  a: 'an array of strings',
};
/** Where options put in the wrong place belong. */
const moved: Record<string, string> = {
  oidc: 'modules.oidc',
  session: 'modules.session',
  storage: 'modules.session.storage',
  realmPath: 'realm',
};
/** Options accepted for Ping's sake that a silent authorize cannot use. */
const unused = ['state', 'nonce', 'display', 'prompt'];

const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** Checks an object's options against their level: wrong types throw, unknown names warn. */
function checkOptions(value: object, path: string, warn: (message: string) => void): void {
  const known: Record<string, string> = {};
  for (const option of levels[path]!.split(' ')) {
    const [name = '', type = 's'] = option.split(':');
    known[name] = type;
  }
  for (const [key, v] of Object.entries(value) as [string, unknown][]) {
    const type = Object.prototype.hasOwnProperty.call(known, key) ? known[key] : undefined;
    if (type === undefined) {
      const plain = (k: string) => k.toLowerCase().replace(/s$/, '');
      const fix =
        (Object.prototype.hasOwnProperty.call(moved, key) && moved[key]) ||
        Object.keys(known).find((k) => plain(k) === plain(key));
      warn(`${path}${key} is not an option and is ignored${fix ? `: did you mean ${fix}?` : '.'}`);
      continue;
    }
    if (v === undefined || !type) continue;
    const ok =
      type === 'a'
        ? Array.isArray(v) && v.every((s) => typeof s === 'string')
        : typeOf(v) === typeNames[type]!.split(' ')[1];
    if (!ok) throw configError(`${path}${key} must be ${typeNames[type]}, not ${typeOf(v)}.`);
    if (levels[`${path}${key}.`]) checkOptions(v as object, `${path}${key}.`, warn);
  }
}

/**
 * Checks everything that can be checked without the network, so mistakes surface at creation:
 * a wrong value throws a JOURNEY_CONFIG_ERROR naming the option; an option that is misspelled,
 * misplaced or ignored is reported through `warn`.
 */
export function validateConfig(config: JourneyConfig, warn: (message: string) => void): void {
  if (typeof config !== 'object' || config === null)
    throw configError('Missing configuration. Provide a non-empty serverUrl.');
  checkOptions(config, '', warn);
  if (typeof config.serverUrl !== 'string' || !config.serverUrl.trim())
    throw configError('Missing configuration. Provide a non-empty serverUrl.');
  const secure = (url: string | undefined, name: string) => {
    if (url === undefined) return;
    if (!originOf(url)) throw configError(`${name} must be an absolute http(s) URL.`);
    if (!config.allowInsecureRequests && !isSecureUrl(url))
      throw configError(`${name} must use https (or allowInsecureRequests).`);
  };
  secure(config.serverUrl, 'serverUrl');
  if (/^[a-z]+:\/\/[^/]+\/*$/i.test(config.serverUrl.trim()))
    warn(
      `serverUrl ${config.serverUrl} has no path: AM usually lives under one (e.g. ${config.serverUrl.replace(/\/*$/, '')}/am), and a wrong base URL answers 404.`,
    );
  if (config.timeout !== undefined && !(config.timeout > 0))
    throw configError('timeout must be a positive number of milliseconds.');
  checkStorage(config.modules?.session?.storage, 'session', 'configureSessionStorage');
  const oidc = config.modules?.oidc;
  if (oidc === undefined) return;
  if (
    !oidc.clientId?.trim() ||
    !oidc.redirectUri?.trim() ||
    !(oidc.discoveryEndpoint || oidc.openId)
  )
    throw configError(
      'modules.oidc needs clientId, redirectUri, and either discoveryEndpoint or openId.',
    );
  secure(oidc.discoveryEndpoint, 'discoveryEndpoint');
  const openId: Partial<OidcOpenIdConfiguration> = oidc.openId ?? {};
  for (const key of urls.split(' '))
    if (oidc.openId && !openId[key as keyof OidcOpenIdConfiguration])
      throw configError(`modules.oidc.openId needs ${urls.replace(/ /g, ', ')}.`);
  for (const [key, url] of Object.entries(openId))
    if (key !== 'issuer') secure(url, `openId.${key}`);
  if (
    oidc.openId &&
    !oidc.discoveryEndpoint &&
    !openId.issuer &&
    !/\/authorize\/?$/.test(openId.authorizationEndpoint!)
  )
    throw configError(
      'modules.oidc.openId.issuer is needed: authorizationEndpoint is not …/authorize.',
    );
  checkStorage(oidc.storage, 'oidc', 'configureOidcStorage');
  if (oidc.refreshThreshold !== undefined && !(oidc.refreshThreshold >= 0))
    throw configError('refreshThreshold must be 0 or more seconds.');
  const strategies = ['auto', 'redirect', 'follow', 'form_post'];
  if (oidc.authorizeStrategy !== undefined && !strategies.includes(oidc.authorizeStrategy))
    throw configError(`authorizeStrategy must be one of ${strategies.join(', ')}.`);
  for (const key of unused)
    if (oidc[key as keyof OidcModuleConfig] !== undefined)
      warn(
        `modules.oidc.${key} is ignored: tokens are minted by a silent authorize, which sets its own.`,
      );
}

/** A store, or a handle of the right kind with a store behind it. */
function checkStorage(value: unknown, kind: 'session' | 'oidc', maker: string): void {
  if (value === undefined || isKeyValueStorage(value)) return;
  const use = `Use ${maker}(...) from @journeykit/journey/rn-storage, or a store.`;
  if (!isHandle(value) || value.kind !== kind || typeof value.id !== 'string' || !value.id.trim())
    throw configError(`Invalid modules.${kind}.storage handle. ${use}`);
  if (storeOf(value) === undefined)
    throw new JourneyError(
      `[@journeykit/journey] No ${kind} storage is configured for id=${value.id}. ${use}`,
      'JOURNEY_INIT_ERROR',
      'argument_error',
    );
}
