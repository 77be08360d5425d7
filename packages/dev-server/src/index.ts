export { startDevServer, type DevClientConfig, type DevServer } from './dev-server.js';
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
  DropFault,
} from './hooks/faults.js';
export type { GrantCounts, EndSessionRecord } from './hooks/oauth-stats.js';
