import type { AppMiddleware } from '../http/context.js';
import type { FaultKind } from './faults.js';
import type { RouteName } from './route-names.js';

export interface RequestRecord {
  readonly method: string;
  /** Path without the query string, so the log never holds codes or tokens. */
  readonly path: string;
  readonly route: RouteName;
  /** Final HTTP status; 0 while the request is in flight or when a fault dropped the connection. */
  readonly status: number;
  /** Epoch milliseconds when the request arrived. */
  readonly at: number;
  /** Set when an injected fault shaped the response. */
  readonly fault?: FaultKind;
}

type MutableRecord = { -readonly [K in keyof RequestRecord]: RequestRecord[K] };

/** Every request the server received, in arrival order. Recorded on arrival, so counts never lag. */
export class RequestLog {
  readonly #records: MutableRecord[] = [];
  readonly #onRecord: ((record: RequestRecord) => void) | undefined;

  constructor(onRecord?: (record: RequestRecord) => void) {
    this.#onRecord = onRecord;
  }

  get records(): readonly RequestRecord[] {
    return [...this.#records];
  }

  count(route?: RouteName): number {
    return route === undefined
      ? this.#records.length
      : this.#records.filter((record) => record.route === route).length;
  }

  reset(): void {
    this.#records.length = 0;
  }

  /** Must run first: it names the route that the faults and counters key on. */
  middleware(nameRoute: (path: string) => RouteName): AppMiddleware {
    return async (ctx, next) => {
      const record: MutableRecord = {
        method: ctx.method,
        path: ctx.path,
        route: nameRoute(ctx.path),
        status: 0,
        at: Date.now(),
      };
      ctx.state.route = record.route;
      this.#records.push(record);
      await next();
      const { fault } = ctx.state;
      if (fault !== undefined) record.fault = fault;
      record.status = fault === 'drop' ? 0 : ctx.status;
      this.#onRecord?.(record);
    };
  }
}
