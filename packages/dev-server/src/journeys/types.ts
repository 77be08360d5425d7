import type { CheckName } from './checks.js';

/**
 * Journeys are data: named nodes, as in an AM tree, in plain JSON (the builders in callbacks.ts are
 * shortcuts for writing them). A page renders callbacks and collects what the user submits into the
 * journey state; the other nodes branch, wait, suspend or end. Node behaviour lives in the engine,
 * the check catalogue and the policy catalogue, never in a journey.
 */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Values collected so far (AM's shared state). Travels inside the signed authId. */
export type SharedState = Readonly<Record<string, JsonValue>>;

export interface CallbackOutput {
  readonly name: string;
  /** Sent verbatim: AM's exact JSON types (am-protocol §4). */
  readonly value: JsonValue;
}

export interface InputSpec {
  /** Appended to `IDToken<N>`: `''` for the main input, `validateOnly`, `question`, ... */
  readonly suffix: string;
  /** The value sent to the client. */
  readonly value: JsonValue;
  /** The state key the submitted value is stored under. */
  readonly saveAs?: string;
  /** For this request only, never in the authId nor echoed back (passwords), like AM's transient state. */
  readonly transient?: boolean;
}

/**
 * One AM callback of a page; N in `IDToken<N>` is its 1-based position on the page. A callback whose
 * `policies` output lists IDM policies (`{policies: [{policyId, params}]}`) is validated: a failing
 * submit, or one with `IDToken<N>validateOnly: true`, returns the same page with `failedPolicies`.
 */
export interface CallbackSpec {
  readonly type: string;
  readonly output: readonly CallbackOutput[];
  readonly inputs: readonly InputSpec[];
}

export interface PageNode {
  readonly type: 'page';
  readonly header?: string;
  readonly description?: string;
  /** Free text, or AIC's JSON with localised `submitButtonText` / `pageFooter`. */
  readonly stage?: string;
  readonly callbacks: readonly CallbackSpec[];
  /** The node that receives the submitted page. */
  readonly next: string;
}

/**
 * Branches: on the outcome of a named check (checks.ts), or on the value of a state key
 * (`on: 'channel'` with outcomes `{"0": …, "1": …}`).
 */
export type DecisionNode = {
  readonly type: 'decision';
  readonly outcomes: Readonly<Record<string, string>>;
} & ({ readonly check: CheckName } | { readonly on: string });

/** AM's Retry Limit Decision: `retry` the first `limit` times it is reached, then `reject`. */
export interface RetryLimitNode {
  readonly type: 'retryLimit';
  readonly limit: number;
  readonly retry: string;
  readonly reject: string;
}

/** AM's Polling Wait node: a PollingWaitCallback until `waitTime` ms have passed, then `next`. */
export interface PollingWaitNode {
  readonly type: 'pollingWait';
  readonly waitTime: number;
  readonly message: string;
  readonly next: string;
}

/**
 * AM's Email Suspend node: emails the user named by `username` a single-use resume link (see the
 * server's `outbox`) and shows `message` in a SuspendedTextOutputCallback; the link resumes at `next`.
 */
export interface SuspendNode {
  readonly type: 'suspend';
  readonly message: string;
  readonly next: string;
}

/**
 * AM's Social Provider Handler: a RedirectCallback to the social provider; its return (code and
 * state, checked and exchanged by the server) goes on to `next` with the provider's claims under
 * the state's `social`, a refused or failed one to `failure`.
 */
export interface SocialRedirectNode {
  readonly type: 'socialRedirect';
  readonly next: string;
  readonly failure: string;
}

/** Logs in the user named by the state's `username`. */
export interface SuccessNode {
  readonly type: 'success';
}

export interface FailureNode {
  readonly type: 'failure';
  /** Default `Login failure`. */
  readonly message?: string;
}

export type JourneyNode =
  | PageNode
  | DecisionNode
  | RetryLimitNode
  | PollingWaitNode
  | SuspendNode
  | SocialRedirectNode
  | SuccessNode
  | FailureNode;

export interface Journey {
  /** The `authIndexValue` that starts it. */
  readonly name: string;
  readonly start: string;
  readonly nodes: Readonly<Record<string, JourneyNode>>;
}
