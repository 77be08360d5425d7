import { JourneyError } from '../errors';
import { isObject, parseJson } from '../http/json';
import { type HttpResponse } from '../http/transport';
import { toJourneyCallback } from './callbacks';
import { stageText } from './stage';
import type { AmCallback, AmStep, FailureNode, JourneyNode } from './types';

/** A field of a reply that should be text, or ''. */
export const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Classifies an authenticate reply (rn-journey-api §3.4): 200 with `authId` → ContinueNode, AM's
 * success → SuccessNode, 4xx JSON → ErrorNode; redirects, 5xx and anything unparseable → FailureNode.
 */
export function toNode(response: HttpResponse, locales: string[]): JourneyNode {
  const body = parseJson(response.body);
  const { status } = response;
  if (status >= 300 && status < 400)
    return failureNode(
      `Unexpected redirect to ${(response.headers.get('location') ?? '').split('?')[0]}`,
      status,
    );
  if (status >= 500) return failureNode(`The server failed (HTTP ${status})`, status);
  if (!isObject(body))
    return failureNode(`Unreadable reply from the server (HTTP ${status})`, status);
  if (status >= 400) {
    // AM's "request timed out" is a failure of the flow, not an answer about the user.
    if (body.code === 1999 || body.reason === 'requestTimedOut')
      return failureNode(text(body.message), status);
    return { type: 'ErrorNode', message: text(body.message), status, input: body };
  }
  if (status !== 200) return failureNode(`Unexpected HTTP ${status} from the server`, status);
  if (typeof body.authId === 'string' && body.authId) return continueNode(body as AmStep, locales);
  return successNode(body, status);
}

/**
 * Only AM's success is a success: no `authId`, a `tokenId` (empty when no new session was made)
 * or a `successUrl`. A proxy's or captive portal's JSON is a failure that says what came back.
 */
function successNode(body: Record<string, unknown>, status: number): JourneyNode {
  const { tokenId } = body;
  if (
    body.authId !== undefined ||
    (tokenId === undefined ? typeof body.successUrl !== 'string' : typeof tokenId !== 'string')
  )
    return failureNode(
      `Not an authentication reply: JSON with ${Object.keys(body).slice(0, 5).join(', ') || 'no fields'}`,
      status,
    );
  // The token goes back in a header: anything but visible ASCII would break every later call.
  if (/[^\x21-\x7e]/.test(text(tokenId)))
    return failureNode('The server sent an SSO token a header cannot carry', status);
  return { type: 'SuccessNode', input: body };
}

export function continueNode(step: AmStep, locales: string[]): JourneyNode {
  const callbacks = step.callbacks ?? [];
  if (!Array.isArray(callbacks) || !callbacks.every(isAmCallback))
    return failureNode('Unreadable reply from the server: malformed callbacks');
  const stage = text(step.stage);
  return {
    type: 'ContinueNode',
    input: step,
    callbacks: callbacks.map(toJourneyCallback),
    header: text(step.header),
    description: text(step.description),
    stage,
    submitButtonText: stageText(stage, 'submitButtonText', locales),
    pageFooter: stageText(stage, 'pageFooter', locales),
  };
}

const isPairList = (v: unknown) =>
  v === undefined ||
  (Array.isArray(v) && v.every((p) => isObject(p) && typeof p.name === 'string'));

function isAmCallback(cb: unknown): cb is AmCallback {
  return (
    isObject(cb) && typeof cb.type === 'string' && isPairList(cb.output) && isPairList(cb.input)
  );
}

export function failureNode(message: string, status?: number, cause?: unknown): FailureNode {
  const error =
    cause instanceof JourneyError
      ? cause
      : new JourneyError(
          'JOURNEY_NEXT_ERROR',
          status && status >= 300 ? 'exchange_error' : 'parse_error',
          message,
          // A garbled 2xx (cut off, or mangled on the way) says nothing final, like a 5xx or 429.
          {
            status,
            cause,
            retryable: !!status && (status < 300 || status >= 500 || status === 429),
          },
        );
  return { type: 'FailureNode', message: error.message, cause: error.message, error };
}
