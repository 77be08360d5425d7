import { Fragment } from 'react';

/** `<a href="#/service/Login">Sign In</a>` in a page text: AM's link to another journey. */
const JOURNEY_LINK = /<a\s[^>]*href="#\/service\/([^"]+)"[^>]*>(.*?)<\/a>/gi;

/** Server HTML as text: tags dropped, `<br>` kept as a line break. */
export const plain = (html: string) => html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');

/**
 * A page's description or footer from the server, shown as text (never as HTML), with AM's links
 * to other journeys ("Already have an account? Sign In") as real buttons that start them.
 */
export function PageText({
  html,
  className,
  onJourney,
}: {
  html: string;
  className: string;
  onJourney: (journey: string) => void;
}) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of html.matchAll(JOURNEY_LINK)) {
    const [whole, journey = '', label = ''] = match;
    parts.push(plain(html.slice(last, match.index)));
    parts.push(
      <button
        key={match.index}
        type="button"
        className="link"
        onClick={() => onJourney(decodeURIComponent(journey))}
      >
        {plain(label)}
      </button>,
    );
    last = match.index + whole.length;
  }
  parts.push(plain(html.slice(last)));
  return (
    <p className={className}>
      {parts.map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </p>
  );
}
