import {
  buildNextInput,
  normalizeCallbacks,
  type ContinueNode,
  type JourneyClient,
  type JourneyFormValue,
  type JourneyNormalizedField,
  type SuccessNode,
  policyMessage,
} from '@journeykit/journey';
import * as p from '@clack/prompts';
import { CliError, JourneyRefused, type Answer } from './answers';

/** Page texts may carry HTML (AM's page node); the terminal gets plain text. */
const plain = (html: string) => html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '');

/**
 * Walks any journey through the headless form model: shows each page's texts, asks for every
 * field that needs the user, and submits until the journey succeeds or fails. A page the server
 * sends back with `failedPolicies` is asked again (interactive) or ends the run (scripted).
 */
export async function runJourney(
  client: JourneyClient,
  name: string,
  answer: Answer,
  interactive: boolean,
): Promise<SuccessNode> {
  let node = await client.start(name);
  while (node.type === 'ContinueNode') {
    const fields = normalizeCallbacks(node);
    const refused = show(node, fields);
    if (refused.length && !interactive)
      throw new CliError(`The server refused the values: ${refused.join('; ')}`);
    if (fields.some((f) => f.ref.type === 'SuspendedTextOutputCallback')) {
      node = await client.resume(await resumeLink(interactive));
      continue;
    }
    const wait = fields.find((f) => f.ref.type === 'PollingWaitCallback');
    if (wait && !fields.some((f) => f.requiresUserInput)) {
      // PollingWait: the app waits `waitTime` ms, then submits the page unchanged.
      await new Promise((resolve) => setTimeout(resolve, Number(wait.raw.waitTime) || 1000));
      node = await client.next();
      continue;
    }
    node = await client.next(await fill(node, fields, answer, interactive));
  }
  if (node.type === 'ErrorNode')
    throw new JourneyRefused(`The journey was refused: ${node.message || `HTTP ${node.status}`}`);
  if (node.type === 'FailureNode') throw new CliError(`The journey failed: ${node.message}`);
  return node;
}

/** Asks for the page's fields; at the terminal, asks again for those the form model refuses. */
async function fill(
  node: ContinueNode,
  fields: JourneyNormalizedField[],
  answer: Answer,
  interactive: boolean,
) {
  const values: Record<string, JourneyFormValue | undefined> = {};
  let ask = fields.filter((f) => f.requiresUserInput);
  for (;;) {
    for (const field of ask) values[field.id] = await answer(field);
    const { canSubmit, input, issues } = buildNextInput(node, values);
    if (canSubmit) return input;
    const messages = issues.map((i) => i.message);
    if (!interactive) throw new CliError(`Cannot continue: ${messages.join('; ')}`);
    messages.forEach((m) => p.log.warn(m));
    ask = fields.filter((f) => issues.some((i) => i.fieldId === f.id));
    if (!ask.some((f) => f.requiresUserInput))
      throw new CliError(`Cannot continue: ${messages.join('; ')}`);
  }
}

/** Prints a page's texts and messages; returns what the server refused on it, if anything. */
function show(node: ContinueNode, fields: JourneyNormalizedField[]): string[] {
  if (node.header) p.log.step(plain(node.header));
  if (node.description) p.log.message(plain(node.description));
  const refused: string[] = [];
  for (const field of fields) {
    const { message, messageType } = field.raw;
    if (field.executionMode === 'output_only' && typeof message === 'string' && message) {
      if (messageType === 'ERROR') p.log.error(message);
      else if (messageType === 'WARNING') p.log.warn(message);
      else if (messageType !== 'SCRIPT') p.log.info(message);
    }
    if (field.failedPolicies) {
      const problem = `${field.prompt || field.id}: ${field.failedPolicies.map(policyMessage).join(' ')}`;
      p.log.warn(problem);
      refused.push(problem);
    }
  }
  if (node.pageFooter) p.log.message(plain(node.pageFooter));
  return refused;
}

async function resumeLink(interactive: boolean): Promise<string> {
  if (!interactive)
    throw new CliError(
      'The journey is suspended until its emailed link is opened; run interactively to paste it',
    );
  const link = await p.text({ message: 'Paste the link from the email to carry on' });
  if (p.isCancel(link)) throw new CliError('Cancelled', 130);
  return link;
}
