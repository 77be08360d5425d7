/** Enough of a token to tell two apart; never the whole secret on screen. */
export const shorten = (token: string) =>
  token.length > 16 ? `${token.slice(0, 8)}…${token.slice(-6)}` : token;
