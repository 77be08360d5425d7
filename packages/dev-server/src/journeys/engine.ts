import type { DevUser, UserStore } from '../am/users.js';
import type { ReceivedInput } from '../hooks/journey-log.js';
import type { Outbox } from '../hooks/outbox.js';
import type { SocialRedirect } from '../social/provider.js';
import { pollingWaitCallback, redirectCallback, suspendedTextOutputCallback } from './callbacks.js';
import { CHECKS } from './checks.js';
import type { OneTimeCodes } from './one-time-codes.js';
import { failedPolicies } from './policies.js';
import type { Journey, JourneyNode, JsonValue, PageNode, SharedState } from './types.js';
import {
  collectInputs,
  receivedInputs,
  renderCallbacks,
  submittedValue,
  validateOnly,
  type AmCallback,
  type Redisplay,
} from './wire.js';

/** Guards against a journey whose decisions loop without reaching a page or an end. */
const MAX_NODES_PER_STEP = 100;

export type StepResult =
  | {
      readonly kind: 'page';
      readonly nodeId: string;
      readonly page: PageNode;
      readonly callbacks: AmCallback[];
      readonly shared: SharedState;
      /** Set when a suspend node was reached: the journey waits for its resume link. */
      readonly suspend?: { readonly resumeAt: string };
    }
  | { readonly kind: 'success'; readonly user: DevUser }
  | { readonly kind: 'failure'; readonly message: string };

export interface Submitted {
  readonly result: StepResult;
  readonly received: readonly ReceivedInput[];
}

export interface EngineServices {
  readonly users: UserStore;
  readonly codes: OneTimeCodes;
  readonly outbox: Outbox;
  /** Begins a sign-in at the social provider. */
  readonly social?: { begin(): SocialRedirect };
}

/** State keys the engine keeps for its own nodes start with `_`. */
const untilKey = (nodeId: string) => `_until.${nodeId}`;
const retriesKey = (nodeId: string) => `_retries.${nodeId}`;
/** The state a social sign-in must come back with. */
export const SOCIAL_STATE_KEY = '_social.state';

/** Runs journeys: from a node, through decisions, to the next page or to the end. */
export class JourneyEngine {
  readonly #services: EngineServices;

  constructor(services: EngineServices) {
    this.#services = services;
  }

  start(journey: Journey): StepResult {
    return this.#run(journey, journey.start, {}, {});
  }

  /** Goes on from a node with the state kept: a resumed journey. */
  resume(journey: Journey, nodeId: string, shared: SharedState): StepResult {
    return this.#run(journey, nodeId, shared, {});
  }

  /**
   * Takes what was submitted for the page `pageId`, then runs on. `returned` is what came back
   * from a social provider, for a `socialRedirect` page (undefined: refused or failed).
   */
  submit(
    journey: Journey,
    pageId: string,
    shared: SharedState,
    submitted: ReadonlyMap<string, JsonValue>,
    returned?: JsonValue,
  ): Submitted {
    const node = nodeOf(journey, pageId);
    const same = (page: PageNode, again?: Redisplay): Submitted => ({
      result: this.#page(pageId, page, shared, again),
      received: node.type === 'page' ? receivedInputs(node, submitted) : [],
    });
    switch (node.type) {
      case 'page': {
        const failed = this.#validate(node, submitted);
        if (failed.size > 0 || validateOnly(node, submitted))
          return same(node, { values: submitted, failed });
        const collected = collectInputs(node, submitted);
        const result = this.#run(
          journey,
          node.next,
          { ...shared, ...collected.shared },
          collected.transient,
        );
        return { result, received: receivedInputs(node, submitted) };
      }
      case 'pollingWait': {
        // Polled too early: the same wait again, as AM's Polling Wait node answers.
        if (Date.now() < Number(shared[untilKey(pageId)])) return same(pollingPage(node));
        const rest = Object.fromEntries(
          Object.entries(shared).filter(([key]) => key !== untilKey(pageId)),
        );
        return { result: this.#run(journey, node.next, rest, {}), received: [] };
      }
      case 'suspend':
        return same(suspendPage(node));
      case 'socialRedirect': {
        const rest = Object.fromEntries(
          Object.entries(shared).filter(([key]) => key !== SOCIAL_STATE_KEY),
        );
        const result =
          returned === undefined
            ? this.#run(journey, node.failure, rest, {})
            : this.#run(journey, node.next, { ...rest, social: returned }, {});
        return { result, received: [] };
      }
      default:
        throw new Error(`${journey.name}: node ${pageId} is not a page`);
    }
  }

  #page(
    nodeId: string,
    page: PageNode,
    shared: SharedState,
    again?: Redisplay,
  ): StepResult & { kind: 'page' } {
    return {
      kind: 'page',
      nodeId,
      page,
      callbacks: renderCallbacks(page.callbacks, again),
      shared,
    };
  }

  /** `failedPolicies` of each callback that has policies and fails them, by position. */
  #validate(page: PageNode, submitted: ReadonlyMap<string, JsonValue>): Map<number, string[]> {
    const failed = new Map<number, string[]>();
    page.callbacks.forEach((callback, index) => {
      const policies = callback.output.find((output) => output.name === 'policies')?.value;
      const value = submittedValue(page, index, submitted);
      const failures = failedPolicies(policies, value, this.#services.users);
      if (failures.length > 0) failed.set(index, failures);
    });
    return failed;
  }

  #run(journey: Journey, from: string, shared: SharedState, transient: SharedState): StepResult {
    let nodeId = from;
    let state = shared;
    for (let visited = 0; visited < MAX_NODES_PER_STEP; visited += 1) {
      const node = nodeOf(journey, nodeId);
      switch (node.type) {
        case 'page':
          return this.#page(nodeId, node, state);
        case 'pollingWait':
          return this.#page(nodeId, pollingPage(node), {
            ...state,
            [untilKey(nodeId)]: Date.now() + node.waitTime,
          });
        case 'suspend':
          return {
            ...this.#page(nodeId, suspendPage(node), state),
            suspend: { resumeAt: node.next },
          };
        case 'socialRedirect': {
          const social = this.#services.social;
          if (social === undefined) throw new Error(`${journey.name}: no social provider`);
          const { url, state: expected } = social.begin();
          const page: PageNode = { type: 'page', callbacks: [redirectCallback(url)], next: '' };
          return this.#page(nodeId, page, { ...state, [SOCIAL_STATE_KEY]: expected });
        }
        case 'failure':
          return { kind: 'failure', message: node.message ?? 'Login failure' };
        case 'success': {
          const user =
            typeof state.username === 'string'
              ? this.#services.users.findByUsername(state.username)
              : undefined;
          return user === undefined
            ? { kind: 'failure', message: 'Login failure' }
            : { kind: 'success', user };
        }
        case 'retryLimit': {
          const retries = Number(state[retriesKey(nodeId)] ?? 0);
          state = { ...state, [retriesKey(nodeId)]: retries + 1 };
          nodeId = retries < node.limit ? node.retry : node.reject;
          break;
        }
        case 'decision': {
          const decided =
            'check' in node
              ? CHECKS[node.check]({
                  ...this.#services,
                  journey: journey.name,
                  state: { ...state, ...transient },
                })
              : outcomeOf({ ...state, ...transient }[node.on]);
          const outcome = typeof decided === 'string' ? decided : decided.outcome;
          if (typeof decided !== 'string') state = { ...state, ...decided.state };
          const next = node.outcomes[outcome];
          if (next === undefined) {
            throw new Error(`${journey.name}: node ${nodeId} has no outcome ${outcome}`);
          }
          nodeId = next;
        }
      }
    }
    throw new Error(`${journey.name}: no page or end within ${MAX_NODES_PER_STEP} nodes`);
  }
}

/** A state value as an outcome name: `0`, `true`, `Email`. */
const outcomeOf = (value: JsonValue | undefined) =>
  typeof value === 'string' ? value : JSON.stringify(value ?? null);

const pollingPage = (node: { waitTime: number; message: string }): PageNode => ({
  type: 'page',
  callbacks: [pollingWaitCallback(node.waitTime, node.message)],
  next: '',
});

const suspendPage = (node: { message: string }): PageNode => ({
  type: 'page',
  callbacks: [suspendedTextOutputCallback(node.message)],
  next: '',
});

function nodeOf(journey: Journey, id: string): JourneyNode {
  const node = journey.nodes[id];
  if (node === undefined) throw new Error(`${journey.name}: no node ${id}`);
  return node;
}

/** Refuses a journey that names a node or a check that does not exist, before it is served. */
export function checkJourney(journey: Journey): void {
  const problems: string[] = [];
  const refer = (from: string, to: string) => {
    if (!(to in journey.nodes)) problems.push(`${from} leads to missing node ${to}`);
  };
  refer('start', journey.start);
  for (const [id, node] of Object.entries(journey.nodes)) {
    if ('next' in node) refer(id, node.next);
    if (node.type === 'retryLimit') [node.retry, node.reject].forEach((to) => refer(id, to));
    if (node.type === 'socialRedirect') refer(id, node.failure);
    if (node.type === 'decision') {
      Object.values(node.outcomes).forEach((to) => refer(id, to));
      if ('check' in node && !(node.check in CHECKS))
        problems.push(`${id} runs unknown check ${String(node.check)}`);
    }
  }
  if (problems.length > 0) throw new Error(`Journey ${journey.name}: ${problems.join('; ')}`);
}
