// Generated from lwc-ts-src/prmRules/zoneFormat.ts by `npm run build`. Do not edit.
/**
 * `Intl.DateTimeFormat` instances by purpose and time zone: building one costs far more than
 * using it, and the rules format many instants in the same few zones.
 */
const FORMATS = new Map();
/**
 * The formatter of `options` in `timeZone`, built once.
 * @param purpose names the options (one set of options per purpose)
 * @param timeZone IANA time zone id
 * @param options the formatter's options, without the time zone
 * @returns the formatter, or undefined when the time zone is not known
 */
export function zoneFormat(purpose, timeZone, options) {
    const key = `${purpose}\u0001${timeZone}`;
    let format = FORMATS.get(key);
    if (format === undefined) {
        try {
            format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
        }
        catch {
            return undefined;
        }
        FORMATS.set(key, format);
    }
    return format;
}
