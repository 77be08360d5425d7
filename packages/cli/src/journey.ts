import {
  buildNextInput,
  normalizeCallbacks,
  type JourneyClient,
  type JourneyFormValue,
  type SuccessNode,
} from '@journeykit/journey';
import * as p from '@clack/prompts';
import { CliError, type Answer } from './answers';

const policyText = (policy: unknown) => {
  const { policyRequirement, params } = (policy ?? {}) as {
    policyRequirement?: string;
    params?: unknown;
  };
  return `${policyRequirement ?? 'POLICY'}${params ? ` ${JSON.stringify(params)}` : ''}`;
};

/**
 * Walks any journey through the headless form model: shows each page's texts, asks for every
 * field that needs the user, and submits until the journey succeeds or fails.
 */
export async function runJourney(
  client: JourneyClient,
  name: string,
  answer: Answer,
  interactive: boolean,
): Promise<SuccessNode> {
  let node = await client.start(name);
  while (node.type === 'ContinueNode') {
    if (node.header) p.log.step(node.header);
    if (node.description) p.log.message(node.description.replace(/<[^>]+>/g, ''));
    const fields = normalizeCallbacks(node);
    let waitMs = 0;
    for (const field of fields) {
      const raw = field.raw;
      if (field.ref.type === 'PollingWaitCallback') waitMs = Number(raw.waitTime) || 1000;
      if (
        field.executionMode === 'output_only' &&
        typeof raw.message === 'string' &&
        raw.messageType !== 'SCRIPT'
      )
        p.log[
          raw.messageType === 'ERROR' ? 'error' : raw.messageType === 'WARNING' ? 'warn' : 'info'
        ](raw.message);
      if (field.failedPolicies)
        p.log.warn(`${field.prompt}: ${field.failedPolicies.map(policyText).join(', ')}`);
    }
    if (fields.some((f) => f.ref.type === 'SuspendedTextOutputCallback')) {
      node = await client.resume(await resumeLink(interactive));
      continue;
    }
    if (waitMs && !fields.some((f) => f.requiresUserInput)) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      node = await client.next();
      continue;
    }
    const values: Record<string, JourneyFormValue | undefined> = {};
    for (const field of fields) if (field.requiresUserInput) values[field.id] = await answer(field);
    const built = buildNextInput(node, values);
    if (!built.canSubmit)
      throw new CliError(`Cannot continue: ${built.issues.map((i) => i.message).join('; ')}`);
    node = await client.next(built.input);
  }
  if (node.type === 'ErrorNode')
    throw new CliError(`The journey was refused: ${node.message || `HTTP ${node.status}`}`);
  if (node.type === 'FailureNode') throw new CliError(`The journey failed: ${node.message}`);
  return node;
}

async function resumeLink(interactive: boolean): Promise<string> {
  if (!interactive)
    throw new CliError(
      'The journey is suspended until its emailed link is opened; run interactively to paste it',
    );
  const link = await p.text({ message: 'Paste the resume link' });
  if (p.isCancel(link)) throw new CliError('Cancelled', 130);
  return link;
}
