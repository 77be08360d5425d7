export {
  PortInUseError,
  startDevServer,
  type DevClientConfig,
  type DevServer,
} from './dev-server.js';
export type { DevServerOptions, DevServerStyle } from './options.js';
export type { DevUser, UserProfile } from './am/users.js';
export type { RouteName } from './hooks/route-names.js';
export type { RequestRecord } from './hooks/request-log.js';
export type {
  Fault,
  FaultKind,
  StatusFault,
  DelayFault,
  MalformedJsonFault,
  TruncateFault,
  HalfBodyFault,
  DropFault,
} from './hooks/faults.js';
export type { GrantCounts, EndSessionRecord } from './hooks/oauth-stats.js';
export type { JourneyStepRecord, ReceivedInput } from './hooks/journey-log.js';
export type { OutboxMessage } from './hooks/outbox.js';
export type * from './journeys/types.js';
export * from './journeys/callbacks.js';
export type { PolicyId, PolicyRule } from './journeys/policies.js';
export type { CheckName } from './journeys/checks.js';
