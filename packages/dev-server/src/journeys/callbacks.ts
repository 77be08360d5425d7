import type { CallbackSpec } from './types.js';

/** Builders for AM's callbacks with their exact output shapes (am-protocol §4). */

export function nameCallback(prompt: string, saveAs: string): CallbackSpec {
  return {
    type: 'NameCallback',
    output: [{ name: 'prompt', value: prompt }],
    inputs: [{ suffix: '', value: '', saveAs }],
  };
}

export function passwordCallback(prompt: string, saveAs: string): CallbackSpec {
  return {
    type: 'PasswordCallback',
    output: [{ name: 'prompt', value: prompt }],
    inputs: [{ suffix: '', value: '', saveAs, transient: true }],
  };
}
