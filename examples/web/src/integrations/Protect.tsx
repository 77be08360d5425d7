import type { ContinueNode, JourneyFormValue } from '@journeykit/journey';
import {
  answerProtect,
  protectStep,
  type ProtectSignalsProvider,
} from '@journeykit/journey/protect';
import { useEffect, useState } from 'react';

declare global {
  interface Window {
    /** Ping's Signals SDK, when the page loads it. */
    _pingOneSignals?: ProtectSignalsProvider;
  }
}

/**
 * A stand-in for Ping's Signals SDK, which needs PingOne: its signals are what the browser
 * says of itself. A real app loads the SDK and passes `window._pingOneSignals`.
 */
const standIn: ProtectSignalsProvider = {
  init: () => Promise.resolve(),
  getData: () =>
    Promise.resolve(
      JSON.stringify({ userAgent: navigator.userAgent, language: navigator.language }),
    ),
};

/** Runs the step's Protect initialization or evaluation once, and puts the answers in the form. */
export function Protect({
  node,
  setValue,
}: {
  node: ContinueNode;
  setValue: (id: string, value: JourneyFormValue) => void;
}) {
  const step = protectStep(node);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!step) return;
    let live = true;
    void answerProtect(node, window._pingOneSignals ?? standIn).then((answers) => {
      if (!live) return;
      for (const answer of answers) setValue(`${answer.type}:${String(answer.index)}`, answer);
      setDone(true);
    });
    return () => {
      live = false;
    };
    // Once per step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [node]);
  if (!step) return null;
  const what = step.action === 'initialize' ? 'Risk protection' : 'Risk signals';
  return (
    <p className="note" aria-busy={!done || undefined} data-testid="protect">
      {done ? `${what} ready.` : `${what}…`}
    </p>
  );
}
