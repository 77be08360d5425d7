/** AM's IDM policy failures (`failedPolicies`) in words, as Ping's sample apps show them. */
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

export function policyMessage(failure: unknown): string {
  const { policyRequirement, params } = (failure ?? {}) as {
    policyRequirement?: string;
    params?: Record<string, unknown>;
  };
  const text = policyRequirement && texts[policyRequirement];
  if (text) return text(params ?? {});
  return `Rejected by the server (${policyRequirement ?? 'unknown policy'}).`;
}
