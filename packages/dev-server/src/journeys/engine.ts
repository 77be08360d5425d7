import type { DevUser, UserStore } from '../am/users.js';
import { CHECKS } from './checks.js';
import type { Journey, JourneyNode, JsonValue, PageNode, SharedState } from './types.js';
import { collectInputs } from './wire.js';

/** Guards against a journey whose decisions loop without reaching a page or an end. */
const MAX_NODES_PER_STEP = 100;

export type StepResult =
  | {
      readonly kind: 'page';
      readonly nodeId: string;
      readonly page: PageNode;
      readonly shared: SharedState;
    }
  | { readonly kind: 'success'; readonly user: DevUser }
  | { readonly kind: 'failure'; readonly message: string };

/** Runs journeys: from a node, through decisions, to the next page or to the end. */
export class JourneyEngine {
  readonly #users: UserStore;

  constructor(users: UserStore) {
    this.#users = users;
  }

  start(journey: Journey): StepResult {
    return this.#run(journey, journey.start, {}, {});
  }

  /** Takes the inputs submitted for the page `pageId`, then runs on. */
  submit(
    journey: Journey,
    pageId: string,
    shared: SharedState,
    inputs: ReadonlyMap<string, JsonValue>,
  ): StepResult {
    const page = nodeOf(journey, pageId);
    if (page.type !== 'page') throw new Error(`${journey.name}: node ${pageId} is not a page`);
    const collected = collectInputs(page, inputs);
    return this.#run(journey, page.next, { ...shared, ...collected.shared }, collected.transient);
  }

  #run(journey: Journey, from: string, shared: SharedState, transient: SharedState): StepResult {
    let nodeId = from;
    for (let visited = 0; visited < MAX_NODES_PER_STEP; visited += 1) {
      const node = nodeOf(journey, nodeId);
      switch (node.type) {
        case 'page':
          return { kind: 'page', nodeId, page: node, shared };
        case 'failure':
          return { kind: 'failure', message: node.message ?? 'Login failure' };
        case 'success': {
          const user =
            typeof shared.username === 'string'
              ? this.#users.findByUsername(shared.username)
              : undefined;
          return user === undefined
            ? { kind: 'failure', message: 'Login failure' }
            : { kind: 'success', user };
        }
        case 'decision': {
          const outcome = CHECKS[node.check]({
            users: this.#users,
            state: { ...shared, ...transient },
          });
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

function nodeOf(journey: Journey, id: string): JourneyNode {
  const node = journey.nodes[id];
  if (node === undefined) throw new Error(`${journey.name}: no node ${id}`);
  return node;
}
