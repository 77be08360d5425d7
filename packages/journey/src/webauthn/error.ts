import { JourneyError, type JourneyNextInput } from '@journeykit/journey';

/**
 * A ceremony that did not succeed. `input`, when set, carries AM's error outcome for the step:
 * pass it to `next()` and the journey goes down the node's failure path. It is absent when the app
 * aborted (the journey stays at the step).
 */
export class WebAuthnError extends JourneyError {
  /** Why, as a DOMException names it: `NotAllowedError` (cancelled), `NotSupportedError`, `DataError`, … */
  declare readonly reason: string;
  declare readonly input?: JourneyNextInput;

  constructor(reason: string, message: string, input?: JourneyNextInput, cause?: unknown) {
    super(
      'JOURNEY_WEBAUTHN_ERROR',
      reason === 'AbortError' && !input ? 'abort_error' : 'fido_error',
      message,
      { cause },
    );
    this.name = 'WebAuthnError';
    this.reason = reason;
    if (input) this.input = input;
  }
}
