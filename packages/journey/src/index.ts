export { createJourneyClient } from './client';
export type {
  CallOptions,
  JourneyClient,
  JourneyClientWithEvents,
  JourneySSOToken,
  JourneyUserInfo,
} from './client';
export type { JourneyConfig, OidcModuleConfig, OidcOpenIdConfiguration } from './config';
export { JourneyError, PingError } from './errors';
export type { ErrorType, JourneyErrorCode, JourneyErrorDetails } from './errors';
export type {
  JourneyEvent,
  JourneyListener,
  LogoutOutcome,
  LogoutStep,
  SessionEndReason,
} from './events';
export type { FetchLike } from './http/transport';
export type {
  AmCallback,
  AmStep,
  ContinueNode,
  ErrorNode,
  FailureNode,
  JourneyCallback,
  JourneyCallbackInput,
  JourneyNextInput,
  JourneyNode,
  JourneyStartOptions,
  SuccessNode,
} from './journey/types';
export { logger, noopLogger } from './logger';
export type { CustomLogger, LoggerInstance, LogLevel } from './logger';
export type { AuthorizeStrategy } from './oidc/authorize';
export type { IdTokenVerifier } from './oidc/id-token';
export type { JourneyUserSession } from './oidc/token-set';
export type { Clock } from './platform/clock';
export type { CryptoProvider } from './platform/crypto';
export { keychainStorage } from './storage/keychain';
export type { KeychainModule } from './storage/keychain';
export { memoryStorage } from './storage/memory';
export type { OidcStorageHandle, SessionStorageHandle, StorageHandle } from './storage/handle';
export { secureStoreStorage } from './storage/secure-store';
export type { SecureStoreModule } from './storage/secure-store';
export type { KeyValueStorage } from './storage/types';
export { webStorage } from './storage/web';
export { buildNextInput, normalizeCallbacks } from './journey/form';
export { policyMessage } from './journey/policies';
export type {
  JourneyBuildResult,
  JourneyExecutionMode,
  JourneyFieldKind,
  JourneyFieldOption,
  JourneyFormIssue,
  JourneyFormIssueCode,
  JourneyFormValue,
  JourneyNormalizedField,
  KbaValue,
} from './journey/form';

/** @internal What journeykit's own entries share with the client; not for apps, may change. */
export { oidcContextOf } from './client';
export type { OidcContext } from './oidc/context';
export { acceptTokens } from './oidc/accept';
export { createPkce, randomString } from './oidc/pkce';
export { tokenRequest } from './oidc/token-endpoint';
export type * from './ping-names';
