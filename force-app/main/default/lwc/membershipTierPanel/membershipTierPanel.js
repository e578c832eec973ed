// Generated from lwc-ts-src/membershipTierPanel/membershipTierPanel.ts by `npm run build`. Do not edit.
/**
 * Tier history of a partner on its Account record page: one section per program membership
 * with the current tier, status, at-risk warning and trailing metrics, and every tier decision
 * (initial, upgrade, pending downgrade, downgrade, at risk) with the figures it was based on,
 * read from the metrics snapshot the nightly evaluation stored with the change.
 */
import { LightningElement, api, wire } from 'lwc';
import getTierHistory from '@salesforce/apex/MembershipTierController.getTierHistory';
import { errorMessage } from 'c/errorUtils';
const BADGE_CLASSES = {
    Upgrade: 'slds-badge slds-theme_success',
    Downgrade: 'slds-badge slds-theme_error',
    'Downgrade Pending': 'slds-badge slds-theme_warning',
    'At Risk': 'slds-badge slds-theme_warning',
    Initial: 'slds-badge',
};
function numberOrNull(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
/**
 * The figures behind a decision, from the stored JSON snapshot; null when there is none or it
 * cannot be read (history written by hand or by a data load).
 */
export function snapshotFacts(json) {
    if (!json) {
        return null;
    }
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch {
        return null;
    }
    if (typeof parsed !== 'object' || parsed === null) {
        return null;
    }
    const snapshot = parsed;
    const metrics = (snapshot.metrics ?? {});
    const risk = (snapshot.risk ?? {});
    return {
        revenueT12M: numberOrNull(metrics.revenueT12M),
        activeCertifications: numberOrNull(metrics.activeCertifications),
        closedDealsT12M: numberOrNull(metrics.closedDealsT12M),
        revenueRunRate: numberOrNull(snapshot.revenueRunRate),
        score: numberOrNull(snapshot.score),
        riskReasons: Array.isArray(risk.reasons) ? risk.reasons.map((reason) => String(reason)) : [],
        evaluatedOn: typeof snapshot.evaluatedOn === 'string' ? snapshot.evaluatedOn : null,
    };
}
export default class MembershipTierPanel extends LightningElement {
    @api
    recordId;
    histories;
    error;
    openChanges = [];
    @wire(getTierHistory, { accountId: '$recordId' })
    wiredHistory({ data, error }) {
        if (data) {
            this.histories = data;
            this.error = undefined;
        }
        else if (error) {
            this.histories = undefined;
            this.error = errorMessage(error, 'The tier history could not be loaded.');
        }
    }
    get isLoading() {
        return !this.histories && !this.error;
    }
    get isEmpty() {
        return !!this.histories && this.histories.length === 0;
    }
    get sections() {
        return (this.histories ?? []).map((history, index) => {
            const rows = (history.changes ?? []).map((change, changeIndex) => {
                const key = change.id ?? `${index}-${changeIndex}`;
                const isOpen = this.openChanges.includes(key);
                const facts = snapshotFacts(change.metricsSnapshot);
                const from = change.fromTierName ?? '—';
                const to = change.toTierName ?? '—';
                return {
                    ...change,
                    key,
                    isOpen,
                    toggleLabel: isOpen ? 'Hide figures' : 'Show figures',
                    detailId: `figures-${key}`,
                    badgeClass: BADGE_CLASSES[change.changeType ?? ''] ?? 'slds-badge',
                    facts,
                    hasFacts: facts !== null,
                    movement: change.changeType === 'Initial' ? to : `${from} → ${to}`,
                };
            });
            return { ...history, key: history.membershipId ?? `membership-${index}`, rows, hasChanges: rows.length > 0 };
        });
    }
    handleToggle(event) {
        const key = event.currentTarget.dataset.key ?? '';
        this.openChanges = this.openChanges.includes(key)
            ? this.openChanges.filter((open) => open !== key)
            : [...this.openChanges, key];
    }
}
