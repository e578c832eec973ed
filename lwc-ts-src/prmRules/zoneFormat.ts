/**
 * `Intl.DateTimeFormat` instances by purpose and time zone: building one costs far more than
 * using it, and the rules format many instants in the same few zones.
 */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * The formatter of `options` in `timeZone`, built once.
 * @param purpose names the options (one set of options per purpose)
 * @param timeZone IANA time zone id
 * @param options the formatter's options, without the time zone
 * @returns the formatter, or undefined when the time zone is not known
 */
export function zoneFormat(
  purpose: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat | undefined {
  const key = `${purpose}\u0001${timeZone}`;
  let format = FORMATS.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      return undefined;
    }
    FORMATS.set(key, format);
  }
  return format;
}
