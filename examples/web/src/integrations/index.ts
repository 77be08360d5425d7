import type { JourneyFormValue, JourneyNormalizedField } from '@journeykit/journey';
import type { ComponentType } from 'react';

/** What the generic form hands an integration's component for its callback. */
export interface IntegrationProps {
  field: JourneyNormalizedField;
  value: JourneyFormValue | undefined;
  onChange: (value: JourneyFormValue) => void;
}

/**
 * Components for callbacks the generic form cannot answer by kind alone (passkeys, social sign-in,
 * device profile, reCAPTCHA…), by callback type. Each lives in its own file in this folder and is
 * added here with one line; `Field.tsx` asks this table before it renders a field by its kind.
 */
export const integrations: Partial<Record<string, ComponentType<IntegrationProps>>> = {};
