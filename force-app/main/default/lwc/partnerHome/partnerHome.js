// Generated from lwc-ts-src/partnerHome/partnerHome.ts by `npm run build`. Do not edit.
/**
 * The partner's home in the portal: per program, the tier badge, progress towards the next tier
 * criterion by criterion, at-risk and pending-downgrade warnings; the onboarding checklist; and
 * the engagement scorecard. Progress, checklist and score are computed with the same rules the
 * nightly evaluation enforces (`tierProgress`, `activationStatus`, `engagementScore` from
 * `c/prmRules`), from the figures the server returns for the partner's own account.
 */
import { LightningElement, wire } from 'lwc';
import getHome from '@salesforce/apex/PortalPartnerHomeController.getHome';
import { activationStatus, engagementScore, tierProgress, } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';
const CRITERION_LABELS = {
    revenueT12M: 'Revenue won (12 months)',
    activeCertifications: 'Active certifications',
    closedDealsT12M: 'Deals closed (12 months)',
};
const RISK_MESSAGES = {
    REVENUE_BELOW_TIER: 'Your revenue of the last 12 months is below what this tier requires.',
    REVENUE_TRENDING_BELOW_TIER: 'At the current pace your revenue will fall below what this tier requires.',
    CERTIFICATIONS_BELOW_TIER: 'You hold fewer active certifications than this tier requires.',
    CERTIFICATIONS_EXPIRING: 'Certifications expiring in the next 30 days would take you below this tier: renew them.',
    CLOSED_DEALS_BELOW_TIER: 'You closed fewer deals in the last 12 months than this tier requires.',
};
const MILESTONES = [
    { key: 'FIRST_CERTIFICATION', label: 'Complete your first training' },
    { key: 'PORTAL_LOGIN', label: 'Sign in to the partner portal' },
    { key: 'FIRST_REGISTRATION_OR_LEAD', label: 'Register your first deal or submit your first lead' },
];
const COMPONENT_LABELS = {
    logins: 'Portal logins',
    resourceDownloads: 'Resource downloads',
    trainingsCompleted: 'Trainings completed',
    registrations: 'Deals registered',
    leadsAccepted: 'Leads accepted',
    revenueT12M: 'Revenue won',
};
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** The at-risk reasons stored on the membership (codes separated by commas) as sentences. */
export function riskMessages(reason) {
    return (reason ?? '')
        .split(',')
        .map((code) => code.trim())
        .filter((code) => code.length > 0 && !code.startsWith('DOWNGRADE_PENDING'))
        .map((code) => RISK_MESSAGES[code] ?? code);
}
/** One program membership as a card: tier, progress to the next tier (rule `tierProgress`), warnings. */
export function membershipCard(membership, index) {
    const tiers = (membership.tiers ?? []).map((tier) => ({
        id: tier.id ?? '',
        rank: tier.rank ?? 0,
        minRevenue: tier.minRevenue ?? 0,
        minActiveCertifications: tier.minActiveCertifications ?? 0,
        minClosedDeals: tier.minClosedDeals ?? 0,
    }));
    const names = new Map((membership.tiers ?? []).map((tier) => [tier.id ?? '', tier.name ?? '']));
    let criteria = [];
    let nextTierName = null;
    let progressUnavailable = false;
    try {
        const progress = tierProgress({
            tiers,
            metrics: {
                revenueT12M: membership.revenueT12M ?? 0,
                activeCertifications: membership.activeCertifications ?? 0,
                closedDealsT12M: membership.closedDealsT12M ?? 0,
            },
            currentTierId: membership.tierId ?? null,
        });
        nextTierName = progress.nextTierId ? (names.get(progress.nextTierId) ?? null) : null;
        criteria = progress.criteria.map((criterion) => {
            const isMoney = criterion.criterion === 'revenueT12M';
            const format = (value) => (isMoney ? money.format(value) : String(value));
            return {
                key: criterion.criterion,
                label: CRITERION_LABELS[criterion.criterion],
                current: criterion.current,
                required: criterion.required,
                gap: criterion.gap,
                met: criterion.met,
                percent: criterion.percent,
                isMoney,
                summary: criterion.met
                    ? `${format(criterion.current)} of ${format(criterion.required)}: met`
                    : `${format(criterion.current)} of ${format(criterion.required)}: ${format(criterion.gap)} to go`,
            };
        });
    }
    catch {
        // A program without a tier ladder (or a tier outside it) has no progress to show.
        progressUnavailable = true;
    }
    const held = (membership.tiers ?? []).find((tier) => tier.id === membership.tierId);
    return {
        key: membership.membershipId ?? `membership-${index}`,
        programName: membership.programName ?? '',
        tierName: membership.tierName ?? 'No tier yet',
        status: membership.status ?? '',
        nextTierName,
        isTopTier: !progressUnavailable && nextTierName === null && criteria.length === 0,
        criteria,
        atRisk: membership.atRisk === true,
        riskMessages: riskMessages(membership.atRiskReason),
        pendingMessage: membership.downgradePendingSince
            ? `You no longer meet the criteria of ${membership.tierName ?? 'your tier'} since ${membership.downgradePendingSince}. ` +
                `Unless you qualify again before the grace period ends, your tier becomes ${membership.pendingTierName ?? 'lower'}.`
            : null,
        benefits: (held?.benefits ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line.length > 0),
        progressUnavailable,
    };
}
/** The onboarding checklist (rule `activationStatus`). */
export function checklist(home) {
    const status = activationStatus({
        certificationsCompleted: home.certificationsCompleted ?? 0,
        portalLogins: home.portalLogins ?? 0,
        registrations: home.registrations ?? 0,
        leadsSubmitted: home.leadsSubmitted ?? 0,
    });
    return {
        activated: status.activated,
        items: MILESTONES.map((milestone) => {
            const done = !status.missing.includes(milestone.key);
            return {
                key: milestone.key,
                label: milestone.label,
                done,
                iconName: done ? 'utility:success' : 'utility:routing_offline',
                stateLabel: done ? 'Done' : 'To do',
            };
        }),
    };
}
/** The engagement scorecard (rule `engagementScore`, default weights). */
export function scorecard(home) {
    const result = engagementScore({
        activities: {
            logins: home.portalLogins ?? 0,
            resourceDownloads: home.resourceDownloads ?? 0,
            trainingsCompleted: home.trainingsCompleted ?? 0,
            registrations: home.registrations ?? 0,
            leadsAccepted: home.leadsAccepted ?? 0,
        },
        revenueT12M: home.revenueT12M ?? 0,
    });
    return {
        score: result.score,
        rows: result.components.map((component) => ({
            key: component.component,
            label: COMPONENT_LABELS[component.component],
            value: component.value,
            cap: component.cap,
            displayValue: component.component === 'revenueT12M' ? money.format(component.value) : String(component.value),
            displayCap: component.component === 'revenueT12M' ? money.format(component.cap) : String(component.cap),
            weight: component.weight,
            points: component.points,
        })),
    };
}
export default class PartnerHome extends LightningElement {
    home;
    error;
    @wire(getHome, {})
    wiredHome({ data, error }) {
        if (data) {
            this.home = data;
            this.error = undefined;
        }
        else if (error) {
            this.home = undefined;
            this.error = errorMessage(error, 'Your partner home could not be loaded. Reload the page to try again.');
        }
    }
    get isLoading() {
        return !this.home && !this.error;
    }
    get title() {
        return this.home?.accountName ? `Welcome, ${this.home.accountName}` : 'Partner home';
    }
    get cards() {
        return (this.home?.memberships ?? []).map((membership, index) => membershipCard(membership, index));
    }
    get hasCards() {
        return this.cards.length > 0;
    }
    get onboarding() {
        return this.home ? checklist(this.home) : { items: [], activated: false };
    }
    get showChecklist() {
        return !!this.home && !this.onboarding.activated;
    }
    get score() {
        return this.home ? scorecard(this.home) : { score: 0, rows: [] };
    }
    get overdueTrainings() {
        return this.home?.overdueTrainings ?? 0;
    }
    get hasOverdueTrainings() {
        return this.overdueTrainings > 0;
    }
    get overdueMessage() {
        const count = this.overdueTrainings;
        return count === 1 ? '1 training is overdue.' : `${count} trainings are overdue.`;
    }
}
