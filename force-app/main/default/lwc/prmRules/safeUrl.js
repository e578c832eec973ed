// Generated from lwc-ts-src/prmRules/safeUrl.ts by `npm run build`. Do not edit.
/**
 * Web addresses a page may render as a link. A stored URL field accepts any scheme, so a
 * `javascript:` or `data:` value would run in the portal when clicked; only absolute http(s)
 * addresses become links. A display safeguard rather than a business rule: Apex has no twin
 * and there are no vectors; the `Url_Is_Web_Address` validation rules refuse the same values on save.
 */
const WEB_SCHEMES = new Set(['http:', 'https:']);
/** The address, trimmed, when it is an absolute http or https URL; otherwise null. */
export function safeWebUrl(value) {
    const trimmed = value?.trim();
    if (!trimmed) {
        return null;
    }
    try {
        return WEB_SCHEMES.has(new URL(trimmed).protocol) ? trimmed : null;
    }
    catch {
        return null; // relative or malformed: nothing to link to
    }
}
