import type { Middleware, ParameterizedContext } from 'koa';

import type { FaultKind } from '../hooks/faults.js';
import type { RouteName } from '../hooks/route-names.js';

/** What the outer middleware learns about a request, for the handlers after it. */
export interface AppState {
  route: RouteName;
  fault?: FaultKind;
}

export type AppContext = ParameterizedContext<AppState>;
export type AppMiddleware = Middleware<AppState>;
