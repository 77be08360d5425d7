import type { ContinueNode } from '@journeykit/journey';
import { useJourney } from '@journeykit/journey/react';
import {
  authenticate,
  register,
  webAuthnStep,
  WebAuthnError,
  type WebAuthnStep,
} from '@journeykit/journey/webauthn';
import { useState, type FormEvent } from 'react';

/** The step's WebAuthn ceremony, or the error that says AM's options are unreadable. */
function read(node: ContinueNode): WebAuthnStep | WebAuthnError | undefined {
  try {
    return webAuthnStep(node);
  } catch (error) {
    return error as WebAuthnError;
  }
}

/** Whether the step is AM's WebAuthn registration or authentication node. */
export const isPasskeyStep = (node: ContinueNode) => read(node) !== undefined;

/**
 * AM's WebAuthn nodes in the browser: the user starts the ceremony (browsers ask for a gesture),
 * the outcome goes to AM; a cancelled or failed ceremony goes to AM too, down the node's failure
 * path, and the reason is shown.
 */
export function PasskeyStep({ node }: { node: ContinueNode }) {
  const [, actions] = useJourney();
  const [deviceName, setDeviceName] = useState('');
  const [problem, setProblem] = useState('');
  const step = read(node);
  const registering = !(step instanceof WebAuthnError) && step?.kind === 'registration';

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setProblem('');
    try {
      if (step instanceof WebAuthnError) throw step;
      const input = registering
        ? await register(node, { deviceName: deviceName.trim() })
        : await authenticate(node);
      await actions.next(input);
    } catch (error) {
      if (!(error instanceof WebAuthnError)) return;
      setProblem(`${error.reason}: ${error.message}`);
      if (error.input) await actions.next(error.input).catch(() => undefined);
    }
  };

  return (
    <form onSubmit={(event) => void run(event)} aria-labelledby="step-title">
      <h2 id="step-title">{node.header || (registering ? 'Register a passkey' : 'Passkey')}</h2>
      {registering && (
        <label>
          Passkey name
          <input value={deviceName} onChange={(e) => setDeviceName(e.target.value)} />
        </label>
      )}
      {problem && <p className="problem">{problem}</p>}
      {actions.error && <p className="problem">{actions.error.message}</p>}
      <div className="row">
        <button type="submit" disabled={actions.loading}>
          {registering ? 'Create a passkey' : 'Use a passkey'}
        </button>
        <button type="button" className="quiet" onClick={() => void actions.dispose()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
