/** An org step that failed, with what the sf CLI said; the org scripts print its message and exit 1. */
export class OrgStepError extends Error {}
