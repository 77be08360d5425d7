import type { CheckName } from './checks.js';

/**
 * Journeys are data: named nodes, as in an AM tree. A page node renders callbacks and collects what
 * the user submits into the journey state; decision nodes branch on that state; success and failure
 * end the journey. Node behaviour lives in the engine and the check catalogue, never in a journey.
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
  /** For this request only, never in the authId (passwords), like AM's transient state. */
  readonly transient?: boolean;
}

/** One AM callback of a page; N in `IDToken<N>` is its 1-based position on the page. */
export interface CallbackSpec {
  readonly type: string;
  readonly output: readonly CallbackOutput[];
  readonly inputs: readonly InputSpec[];
}

export interface PageNode {
  readonly type: 'page';
  readonly header?: string;
  readonly description?: string;
  readonly stage?: string;
  readonly callbacks: readonly CallbackSpec[];
  /** The node that receives the submitted page. */
  readonly next: string;
}

/** Runs a named check (see checks.ts) and goes to the node mapped to its outcome. */
export interface DecisionNode {
  readonly type: 'decision';
  readonly check: CheckName;
  readonly outcomes: Readonly<Record<string, string>>;
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

export type JourneyNode = PageNode | DecisionNode | SuccessNode | FailureNode;

export interface Journey {
  /** The `authIndexValue` that starts it. */
  readonly name: string;
  readonly start: string;
  readonly nodes: Readonly<Record<string, JourneyNode>>;
}
