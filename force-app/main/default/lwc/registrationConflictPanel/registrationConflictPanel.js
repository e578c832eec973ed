// Generated from lwc-ts-src/registrationConflictPanel/registrationConflictPanel.ts by `npm run build`. Do not edit.
/**
 * Partner registrations and channel conflicts on a record page. On an Account, Opportunity or
 * Lead it lists the partner registrations that touch the record and what the rep should do;
 * on a Deal Registration it shows the live conflict evidence (checked now, not at submission)
 * with advice per kind of conflict. Internal users only: evidence names only what the viewer
 * may see, the rest reads as a restricted record.
 */
import { LightningElement, api, wire } from 'lwc';
import getConflictPanel from '@salesforce/apex/RegistrationConflictPanelController.getConflictPanel';
import { errorMessage } from 'c/errorUtils';
const TYPE_LABELS = {
    OPEN_OPPORTUNITY: 'Open opportunity',
    NAMED_ACCOUNT: 'Named account',
    COMPETING_REGISTRATION: 'Competing registration',
    EXISTING_CUSTOMER: 'Existing customer',
    DUPLICATE_REGISTRATION: 'Duplicate registration',
};
const SEVERITY = {
    error: { label: 'Conflict', className: 'slds-theme_error' },
    warning: { label: 'Review', className: 'slds-theme_warning' },
    info: { label: 'Info', className: 'slds-theme_info' },
};
const MATCHED_ON = {
    companyKey: 'company name',
    domainKey: 'web domain only',
    both: 'company name and web domain',
};
const RESTRICTED = 'Restricted record';
/** Record page URL in Lightning Experience. */
export function recordUrl(recordId) {
    return `/lightning/r/${recordId}/view`;
}
/**
 * Evidence as the panel shows it.
 * @param evidence the server's findings, strongest first
 */
export function evidenceRows(evidence) {
    return evidence.map((item, index) => {
        const severity = SEVERITY[item.severity ?? ''] ?? SEVERITY.info;
        const restricted = !item.recordName || item.recordName === RESTRICTED;
        return {
            key: `${item.type ?? 'finding'}-${item.recordId ?? index}`,
            typeLabel: TYPE_LABELS[item.type ?? ''] ?? item.type ?? 'Finding',
            severityLabel: severity.label,
            severityClass: `slds-badge ${severity.className}`,
            recordName: item.recordName ?? RESTRICTED,
            recordUrl: restricted || !item.recordId ? null : recordUrl(item.recordId),
            objectLabel: item.objectLabel ?? '',
            ownerName: item.ownerName ?? '',
            matchedOnText: `Matched on ${MATCHED_ON[item.matchedOn ?? ''] ?? 'a key'}`,
            message: item.message ?? '',
        };
    });
}
/**
 * Registrations touching the record, as the panel lists them.
 * @param registrations the server's registrations, newest first
 */
export function panelRegistrationRows(registrations) {
    return registrations.map((registration) => ({
        key: registration.id ?? '',
        name: registration.name ?? '',
        url: recordUrl(registration.id ?? ''),
        partnerName: registration.partnerName ?? '',
        prospectCompany: registration.prospectCompany ?? '',
        status: registration.status ?? '',
        amount: registration.amount ?? null,
        expiresOn: registration.expiresOn ?? null,
        relation: registration.relation ?? '',
    }));
}
export default class RegistrationConflictPanel extends LightningElement {
    @api
    recordId;
    panel;
    error;
    @wire(getConflictPanel, { recordId: '$recordId' })
    wiredPanel({ data, error }) {
        if (data) {
            this.panel = data;
            this.error = undefined;
        }
        else if (error) {
            this.panel = undefined;
            this.error = errorMessage(error, 'The partner registrations could not be loaded.');
        }
    }
    get isLoading() {
        return !this.panel && !this.error;
    }
    get isRegistration() {
        return this.panel?.context === 'registration';
    }
    get title() {
        return this.isRegistration ? 'Conflict check' : 'Partner registrations';
    }
    get conflictStatus() {
        return this.panel?.conflictStatus ?? '';
    }
    get evidence() {
        return evidenceRows(this.panel?.evidence ?? []);
    }
    get hasEvidence() {
        return this.evidence.length > 0;
    }
    get registrations() {
        return panelRegistrationRows(this.panel?.registrations ?? []);
    }
    get hasRegistrations() {
        return this.registrations.length > 0;
    }
    get guidance() {
        return (this.panel?.guidance ?? []).map((text, index) => ({ key: `guidance-${index}`, text }));
    }
}
