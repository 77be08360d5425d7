import type { AmCallback } from '@journeykit/journey';

/** An AM callback as the server would send it: outputs by name, inputs `IDToken1`, `IDToken2`, … */
export const amCallback = (
  type: string,
  output: Record<string, unknown>,
  inputs: unknown[] = [''],
): AmCallback => ({
  type,
  output: Object.entries(output).map(([name, value]) => ({ name, value })),
  input: inputs.map((value, i) => ({ name: `IDToken${i + 1}`, value })),
});
