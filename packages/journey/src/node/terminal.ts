import { createInterface } from 'node:readline/promises';

import type { AuthSession } from '../social/redirect';

/**
 * An auth session for a terminal: prints the URL to open, then reads the address the browser came
 * back to (the provider's return to the app's redirect URI, with its code). An empty line cancels.
 */
export function terminalAuthSession(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): AuthSession {
  return async (url, returnUrl) => {
    const lines = createInterface({ input, output, terminal: false });
    try {
      output.write(`Open this address in a browser and sign in:\n${url}\n`);
      const back = (
        await lines.question(`Then paste the address it came back to (${returnUrl}…):\n`)
      ).trim();
      return back ? { type: 'success', url: back } : { type: 'cancel' };
    } finally {
      lines.close();
    }
  };
}
