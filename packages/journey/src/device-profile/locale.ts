/** The runtime's locale and time zone, as the mobile SDKs report them. */
export function localeAndZone(): { locale: string | null; timeZone: string | null } {
  try {
    const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
    return { locale: locale || null, timeZone: timeZone || null };
  } catch {
    return { locale: null, timeZone: null };
  }
}

/** Bytes as whole megabytes, or null. */
export const megabytes = (bytes: unknown): number | null =>
  typeof bytes === 'number' && Number.isFinite(bytes) ? Math.round(bytes / 1_048_576) : null;
