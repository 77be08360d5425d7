import { parseJson } from '../http/json';

/**
 * AIC puts localised page texts in a JSON `stage`, e.g.
 * `{"submitButtonText":{"en":"Next","fr":"Suivant"},"pageFooter":{...}}` (rn-journey-api §3.4).
 * Picks the entry for the first matching locale: exact (`en_gb`/`en-gb`), then the language, then
 * the first entry. Anything unparseable reads as ''.
 */
export function stageText(
  stage: string,
  key: 'submitButtonText' | 'pageFooter',
  locales: string[],
): string {
  const entry = (parseJson(stage) as Record<string, unknown> | null | undefined)?.[key];
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'object' || entry === null) return '';
  const texts = new Map<string, unknown>();
  for (const [k, v] of Object.entries(entry)) texts.set(k.toLowerCase().replace(/_/g, '-'), v);
  const candidates = locales.flatMap((l) => {
    const tag = l.toLowerCase().replace(/_/g, '-');
    return [tag, tag.split('-')[0]!];
  });
  for (const c of candidates) {
    const text = texts.get(c);
    if (typeof text === 'string') return text;
  }
  const first = texts.values().next().value;
  return typeof first === 'string' ? first : '';
}

/** The runtime's preferred locale, or 'en' when it has no Intl. */
export function runtimeLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale || 'en';
  } catch {
    return 'en';
  }
}
