/**
 * The partner portal's org steps after its metadata is deployed: give the site's guest user
 * the applicant persona (the guest user only exists once the site does), publish the site,
 * and prove the published site answers — guest pages open, member pages send to login.
 */
import { OrgStepError } from './orgStepError';
import type { SfRunner } from './sf';

export const SITE_NAME = 'Partner Portal';
/** The CustomSite (and Site record) behind the portal. */
export const CUSTOM_SITE = 'Partner_Portal';
export const ASSIGN_GUEST_PERSONA_SCRIPT = 'scripts/org/assign-guest-persona.apex';

function ok(result: ReturnType<SfRunner>, what: string): void {
  if (result.status !== 0) {
    throw new OrgStepError(`${what} failed: ${result.message ?? result.name ?? 'see the sf output above'}`);
  }
}

export function assignGuestPersona(sf: SfRunner, alias: string): void {
  ok(sf(['apex', 'run', '--file', ASSIGN_GUEST_PERSONA_SCRIPT, '--target-org', alias]), 'guest persona assignment');
}

export function publishSite(sf: SfRunner, alias: string): void {
  ok(sf(['community', 'publish', '--name', SITE_NAME, '--target-org', alias]), 'site publish');
}

/** The published portal's base URL, from the site's domain (`https://<domain>/partners`). */
export function siteBaseUrl(sf: SfRunner, alias: string): string {
  const query = `SELECT Domain.Domain, PathPrefix FROM DomainSite WHERE Site.Name = '${CUSTOM_SITE}'`;
  const result = sf(['data', 'query', '--query', query, '--target-org', alias]);
  ok(result, 'site domain query');
  const records =
    (result.result as { records?: { Domain?: { Domain?: string }; PathPrefix?: string }[] }).records ?? [];
  const domain = records.map((r) => r.Domain?.Domain).find(Boolean);
  if (!domain) {
    throw new OrgStepError(`site ${CUSTOM_SITE} has no domain: is it deployed and active?`);
  }
  // The Network's Visualforce prefix (…vforcesite) is not where the LWR site answers.
  const prefixes = records.map((r) => (r.PathPrefix ?? '').replace(/vforcesite$/, ''));
  const prefix = prefixes.find((p) => p !== '') ?? '';
  return `https://${domain}${prefix.startsWith('/') || prefix === '' ? prefix : `/${prefix}`}`;
}

export type HttpGet = (url: string) => Promise<{ status: number; location?: string }>;

const fetchGet: HttpGet = async (url) => {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location') ?? undefined };
};

export interface SiteCheck {
  path: string;
  expect: 'page' | 'login';
}

/** Guest pages answer 200; a member page redirects a guest to the login page. */
export const SITE_CHECKS: readonly SiteCheck[] = [
  { path: '/login', expect: 'page' },
  { path: '/apply', expect: 'page' },
  { path: '/register-deal', expect: 'login' },
];

function passes(check: SiteCheck, answer: { status: number; location?: string }): boolean {
  return check.expect === 'page'
    ? answer.status === 200
    : answer.status >= 300 && answer.status < 400 && /login/i.test(answer.location ?? '');
}

/** Polls the published site (publishing takes minutes) until every check passes or the attempts run out. */
export async function verifySite(
  base: string,
  get: HttpGet = fetchGet,
  options: { attempts: number; waitMs: number } = { attempts: 20, waitMs: 15_000 },
): Promise<string[]> {
  let failures: string[] = [];
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    failures = [];
    for (const check of SITE_CHECKS) {
      const answer = await get(`${base}${check.path}`).catch((error: Error) => ({
        status: 0,
        location: error.message,
      }));
      if (!passes(check, answer)) {
        failures.push(
          `${check.path}: expected ${check.expect === 'page' ? '200' : 'a redirect to login'}, got ${answer.status}${answer.location ? ` (${answer.location})` : ''}`,
        );
      }
    }
    if (failures.length === 0) {
      return SITE_CHECKS.map((c) => `${base}${c.path}`);
    }
    if (attempt < options.attempts) {
      await new Promise((resolve) => setTimeout(resolve, options.waitMs));
    }
  }
  throw new OrgStepError(`the published site at ${base} does not answer as expected:\n  ${failures.join('\n  ')}`);
}
