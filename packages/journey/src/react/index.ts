// @journeykit/journey/react: the React bindings of rn-journey (§3.6–§3.7) plus useJourneySession.
// React only: no DOM or React Native import, so they run in React DOM and React Native alike.
export { JourneyProvider, useJourney } from './provider';
export type { JourneyProviderProps } from './provider';
export type { JourneyHookActions, JourneyHookResult, UseJourneyResult } from './journey-state';
export { useJourneyForm } from './use-journey-form';
export type {
  JourneyFormMeta,
  JourneyFormOptions,
  JourneyFormResult,
  JourneyFormValues,
  JourneyFormValuesUpdater,
} from './use-journey-form';
export { useJourneySession } from './use-journey-session';
export type { JourneySession } from './session-store';
