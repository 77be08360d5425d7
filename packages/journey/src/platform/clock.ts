/** Milliseconds since the epoch; injectable so tests and apps can move time. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
