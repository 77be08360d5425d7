/** AM's IDM policy requirements (am-protocol §4.3) in words, with their `params`. */
const texts: Record<string, (p: Record<string, unknown>) => string> = {
  REQUIRED: () => 'Required.',
  UNIQUE: () => 'Already taken; choose another.',
  MIN_LENGTH: (p) => `At least ${String(p.minLength)} characters.`,
  MAX_LENGTH: (p) => `At most ${String(p.maxLength)} characters.`,
  AT_LEAST_X_CAPITAL_LETTERS: (p) => `At least ${String(p.numCaps)} capital letter(s).`,
  AT_LEAST_X_NUMBERS: (p) => `At least ${String(p.numNums)} number(s).`,
  CANNOT_CONTAIN_CHARACTERS: (p) =>
    `Must not contain ${([] as unknown[]).concat(p.forbiddenChars ?? []).join(' ')}.`,
  CANNOT_CONTAIN_OTHERS: (p) => `Must not contain your ${String(p.disallowedFields)}.`,
  VALID_EMAIL_ADDRESS_FORMAT: () => 'Not a valid email address.',
  VALID_USERNAME: () => 'Not a valid username.',
};

/**
 * A failed policy of a callback (an entry of its parsed `failedPolicies`) as a sentence to show
 * next to the field; a requirement without words here is named as the server sent it.
 */
export function policyMessage(failure: unknown): string {
  const { policyRequirement, params } = (failure ?? {}) as {
    policyRequirement?: unknown;
    params?: Record<string, unknown>;
  };
  const name = typeof policyRequirement === 'string' ? policyRequirement : 'unknown policy';
  const text = Object.prototype.hasOwnProperty.call(texts, name) ? texts[name] : undefined;
  return text ? text(params ?? {}) : `Refused by the server (${name}).`;
}
