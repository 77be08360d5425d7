import type { UserStore } from '../am/users.js';
import { isRecord } from '../is-record.js';
import type { JsonValue } from './types.js';

/** An IDM policy as a journey names it: `{ policyId: 'minimum-length', params: { minLength: 8 } }`. */
export interface PolicyRule {
  readonly policyId: PolicyId;
  readonly params?: Readonly<Record<string, JsonValue>>;
}

type Test = (
  value: JsonValue | undefined,
  params: Record<string, JsonValue>,
  users: UserStore,
) => boolean;

const count = (value: JsonValue | undefined, pattern: RegExp) =>
  typeof value === 'string' ? (value.match(pattern) ?? []).length : 0;

/** The IDM policies the server evaluates: requirement name (what clients see) and test. */
const POLICIES = {
  required: ['REQUIRED', (v) => v !== undefined && v !== null && v !== ''],
  unique: ['UNIQUE', (v, _, users) => typeof v !== 'string' || !users.findByUsername(v)],
  'minimum-length': [
    'MIN_LENGTH',
    (v, p) => typeof v === 'string' && v.length >= Number(p.minLength),
  ],
  'maximum-length': [
    'MAX_LENGTH',
    (v, p) => typeof v !== 'string' || v.length <= Number(p.maxLength),
  ],
  'at-least-X-capitals': [
    'AT_LEAST_X_CAPITAL_LETTERS',
    (v, p) => count(v, /[A-Z]/g) >= Number(p.numCaps),
  ],
  'at-least-X-numbers': ['AT_LEAST_X_NUMBERS', (v, p) => count(v, /[0-9]/g) >= Number(p.numNums)],
  'cannot-contain-characters': [
    'CANNOT_CONTAIN_CHARACTERS',
    (v, p) =>
      typeof v !== 'string' ||
      !(Array.isArray(p.forbiddenChars) ? p.forbiddenChars : []).some(
        (c) => typeof c === 'string' && v.includes(c),
      ),
  ],
  'valid-email-address-format': [
    'VALID_EMAIL_ADDRESS_FORMAT',
    (v) => typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  ],
} satisfies Record<string, readonly [string, Test]>;

export type PolicyId = keyof typeof POLICIES;

/** AM's `policies` output of an IDM-validated callback (am-protocol §4.3). */
export function policiesOutput(name: string, rules: readonly PolicyRule[]): JsonValue {
  const policies = rules.map(({ policyId, params }) => ({
    policyId,
    ...(params === undefined ? {} : { params: { ...params } }),
    policyRequirements: [POLICIES[policyId][0]],
  }));
  return {
    policyRequirements: policies.map((p) => p.policyRequirements[0]!),
    fallbackPolicies: null,
    name,
    policies,
    conditionalPolicies: null,
  };
}

/**
 * The policies of a `policies` output that `value` fails, as AM sends them: JSON-encoded strings
 * `{"params":{…},"policyRequirement":"…"}`. Policies the server does not know are not evaluated.
 */
export function failedPolicies(
  policies: JsonValue | undefined,
  value: JsonValue | undefined,
  users: UserStore,
): string[] {
  const list = isRecord(policies) && Array.isArray(policies.policies) ? policies.policies : [];
  return list.flatMap((policy) => {
    if (!isRecord(policy) || typeof policy.policyId !== 'string' || !(policy.policyId in POLICIES))
      return [];
    const [requirement, test] = POLICIES[policy.policyId as PolicyId] as readonly [string, Test];
    const params = isRecord(policy.params)
      ? (policy.params as Record<string, JsonValue>)
      : undefined;
    if (test(value, params ?? {}, users)) return [];
    return [JSON.stringify({ ...(params ? { params } : {}), policyRequirement: requirement })];
  });
}
