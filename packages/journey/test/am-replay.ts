// A recorded AM reply played back to a real client: AM itself cannot run here, so a fetch stands
// in for it, answering `start()` with the fixture and recording every body the client sends.
import {
  createJourneyClient,
  type AmCallback,
  type ContinueNode,
  type JourneyClient,
} from '@journeykit/journey';
import { amFixture } from './am-fixtures';

/** A client on a fixture: its first node, and the callbacks of every step it sent. */
export interface Replay {
  client: JourneyClient;
  node: ContinueNode;
  /** The `callbacks` of each continue body, in order. */
  sent: AmCallback[][];
  /** Requests made (start included). */
  requests: number;
}

/** Starts a journey on the fixture `name`; each `next()` is answered with an empty step. */
export async function replay(name: string): Promise<Replay> {
  const fixture = amFixture(name);
  const state: Replay = { sent: [], requests: 0 } as unknown as Replay;
  state.client = createJourneyClient({
    serverUrl: 'https://am.example.com/am',
    fetch: (_url, init) => {
      state.requests += 1;
      const body = JSON.parse((init?.body as string | undefined) ?? '{}') as {
        callbacks?: AmCallback[];
      };
      if (body.callbacks) state.sent.push(body.callbacks);
      const reply = body.callbacks ? { authId: 'after', callbacks: [] } : fixture.body;
      return Promise.resolve(
        new Response(JSON.stringify(reply), {
          status: body.callbacks ? 200 : fixture.status,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
  });
  const node = await state.client.start('Tree');
  if (node.type !== 'ContinueNode') throw new Error(`${name} did not give a ContinueNode`);
  state.node = node;
  return state;
}

/** The inputs of the callbacks sent last, as `name → value`. */
export const lastInputs = ({ sent }: Replay): Record<string, unknown> =>
  Object.fromEntries(
    (sent.at(-1) ?? []).flatMap((cb) => (cb.input ?? []).map((i) => [i.name, i.value])),
  );
