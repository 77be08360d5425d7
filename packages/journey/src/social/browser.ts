import { JourneyError, type JourneyNode } from '@journeykit/journey';

import { redirectOf } from './redirect';

/**
 * Leaves the page for the provider: a GET redirect by `location.assign`, a POST one by submitting
 * a form of its fields. The client saved the step when the node arrived; on the way back, call
 * `client.resume(location.href)`.
 */
export function redirectBrowser(
  node: JourneyNode,
  doc: Document | undefined = (globalThis as { document?: Document }).document,
): void {
  if (!doc)
    throw new JourneyError('There is no page to leave here', 'JOURNEY_STATE_ERROR', 'state_error');
  const redirect = redirectOf(node);
  if (redirect.method === 'GET') {
    doc.location.assign(redirect.url);
    return;
  }
  const form = doc.createElement('form');
  form.method = 'POST';
  form.action = redirect.url;
  for (const [name, value] of Object.entries(redirect.postBody)) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  doc.body.appendChild(form);
  form.submit();
}
