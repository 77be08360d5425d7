import type { JourneyError } from '../errors';

/** A callback as AM sends it (am-protocol §3.3). */
export interface AmCallback {
  type: string;
  output?: { name: string; value: unknown }[];
  input?: { name: string; value: unknown }[];
  _id?: number;
  [key: string]: unknown;
}

/** An AM authenticate step: the JSON of a 200 reply with an `authId`. */
export interface AmStep {
  authId: string;
  callbacks?: AmCallback[];
  header?: string;
  description?: string;
  stage?: string;
  [key: string]: unknown;
}

/**
 * A callback of a ContinueNode: AM's JSON under `raw`, its outputs as named fields. Nodes from
 * the client always carry `raw`; rn-journey's shape (`{ type, output }`) is accepted too.
 */
export interface JourneyCallback {
  type: string;
  raw?: AmCallback;
  output?: { name: string; value: unknown }[];
  prompt?: string;
  message?: string;
  value?: unknown;
  required?: boolean;
  [key: string]: unknown;
}

// Nodes from the client carry every field below ('' when AM sent none); only `type` and a
// ContinueNode's `callbacks` are required, so nodes built by hand as in rn-journey (tests, mocks)
// type-check too.

/** A step to fill in: its callbacks, and the page texts AM sent with it. */
export interface ContinueNode {
  type: 'ContinueNode';
  callbacks: JourneyCallback[];
  /** The whole AM step as received. */
  input?: AmStep;
  header?: string;
  description?: string;
  stage?: string;
  submitButtonText?: string;
  pageFooter?: string;
}

/** Signed in (or, with `noSession`, through the journey). */
export interface SuccessNode {
  type: 'SuccessNode';
  /** AM's success JSON: `tokenId` (empty when a session was reused or `noSession`), `successUrl`, `realm`. */
  input?: { tokenId?: string; successUrl?: string; realm?: string; [key: string]: unknown };
}

/** The server said no (e.g. "Login failure"); `input` is AM's error body. */
export interface ErrorNode {
  type: 'ErrorNode';
  message?: string;
  status?: number;
  input?: Record<string, unknown>;
}

/** The journey could not go on: network, timeout, an unparseable or unexpected reply. */
export interface FailureNode {
  type: 'FailureNode';
  message?: string;
  cause?: string;
  /** The typed error behind it (code, type, `retryable`). */
  error?: JourneyError;
}

export type JourneyNode = ContinueNode | SuccessNode | ErrorNode | FailureNode;

export interface JourneyStartOptions {
  /** Run the journey even when a session exists (AM `ForceAuth=true`). */
  forceAuth?: boolean;
  /** Succeed without creating a session (AM `noSession=true`). */
  noSession?: boolean;
  /** Aborting rejects with an `abort_error` and leaves the journey at the step it was on. */
  signal?: AbortSignal;
}

export interface JourneyCallbackInput {
  type: string;
  value?: unknown;
  /** Which callback of that type (0-based); by default the next one not yet set in this call. */
  index?: number | string;
}

export interface JourneyNextInput {
  callbacks?: JourneyCallbackInput[];
  /**
   * Ask the server only to check the values (AM's `validateOnly`): the same step comes back with
   * each callback's `failedPolicies`, and the journey does not move on.
   */
  validateOnly?: boolean;
}
