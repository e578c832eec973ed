// Generated from lwc-ts-src/partnerPerformance/partnerPerformance.ts by `npm run build`. Do not edit.
/**
 * "My performance" in the portal: the partner's attributed pipeline, won revenue of the last four
 * calendar quarters with the same quarter a year earlier beside it, registrations, leads and the
 * engagement score. The server returns won revenue per month; quarters come from the
 * `payoutPeriod` rule and the score from `engagementScore`, the rule the tier evaluation uses, so
 * the partner sees the number its tier is judged on. Money is added in whole cents.
 */
import { LightningElement, wire } from 'lwc';
import getPerformance from '@salesforce/apex/PortalPerformanceController.getPerformance';
import { engagementScore, payoutPeriod } from 'c/prmRules';
import { errorMessage } from 'c/errorUtils';
const QUARTERS_SHOWN = 4;
function cents(value) {
    return Math.round(Number(((value ?? 0) * 100).toFixed(6)));
}
function quarterOf(year, quarter) {
    return `${String(year).padStart(4, '0')}-Q${quarter}`;
}
/**
 * The last four calendar quarters up to the one holding `today`, newest first, each with its won
 * revenue and that of the same quarter a year earlier.
 * @param months the server's won revenue per month (`YYYY-MM`)
 * @param today `YYYY-MM-DD`
 */
export function quarterRows(months, today) {
    const byQuarter = new Map();
    for (const month of months) {
        if (month.month) {
            const quarter = payoutPeriod({ earnedOn: `${month.month}-01`, cadence: 'Quarterly' });
            byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + cents(month.amount));
        }
    }
    const [year, quarter] = payoutPeriod({ earnedOn: today, cadence: 'Quarterly' }).split('-Q').map(Number);
    const rows = [];
    for (let back = 0; back < QUARTERS_SHOWN; back++) {
        const index = year * 4 + (quarter - 1) - back;
        const thisQuarter = quarterOf(Math.floor(index / 4), (index % 4) + 1);
        const lastQuarter = quarterOf(Math.floor(index / 4) - 1, (index % 4) + 1);
        const won = byQuarter.get(thisQuarter) ?? 0;
        const lastYear = byQuarter.get(lastQuarter) ?? 0;
        rows.push({
            key: thisQuarter,
            quarter: thisQuarter,
            lastYearQuarter: lastQuarter,
            won: won / 100,
            lastYear: lastYear / 100,
            changePercent: lastYear > 0 ? Math.round(((won - lastYear) * 100) / lastYear) : null,
        });
    }
    return rows;
}
export default class PartnerPerformance extends LightningElement {
    performance;
    error;
    @wire(getPerformance, {})
    wiredPerformance({ data, error }) {
        if (data) {
            this.performance = data;
            this.error = undefined;
        }
        else if (error) {
            this.performance = undefined;
            this.error = errorMessage(error, 'Your performance could not be loaded. Reload the page to try again.');
        }
    }
    get isLoading() {
        return !this.performance && !this.error;
    }
    get title() {
        return this.performance?.partnerName ? `Performance of ${this.performance.partnerName}` : 'My performance';
    }
    get currencyCode() {
        return this.performance?.currencyIsoCode ?? 'USD';
    }
    get pipelineAmount() {
        return this.performance?.pipelineAmount ?? 0;
    }
    get pipelineDeals() {
        return this.performance?.pipelineDeals ?? 0;
    }
    get quarters() {
        const today = this.performance?.today;
        return today ? quarterRows(this.performance?.wonByMonth ?? [], today) : [];
    }
    get quartersWithChange() {
        return this.quarters.map((row) => ({
            ...row,
            hasChange: row.changePercent !== null,
            changeLabel: row.changePercent === null ? 'new' : `${row.changePercent > 0 ? '+' : ''}${row.changePercent} %`,
        }));
    }
    get registrationsByStatus() {
        return (this.performance?.registrationsByStatus ?? []).map((row) => ({
            key: row.status ?? 'none',
            status: row.status ?? 'No status',
            total: row.total ?? 0,
        }));
    }
    get hasRegistrations() {
        return this.registrationsByStatus.length > 0;
    }
    get registrations() {
        return this.performance?.registrations ?? 0;
    }
    get leadsSubmitted() {
        return this.performance?.leadsSubmitted ?? 0;
    }
    get leadsAccepted() {
        return this.performance?.leadsAccepted ?? 0;
    }
    get logins() {
        return this.performance?.logins ?? 0;
    }
    get engagement() {
        const p = this.performance;
        return engagementScore({
            activities: {
                logins: p?.logins ?? 0,
                resourceDownloads: p?.resourceDownloads ?? 0,
                trainingsCompleted: p?.trainingsCompleted ?? 0,
                registrations: p?.registrations ?? 0,
                leadsAccepted: p?.leadsAccepted ?? 0,
            },
            revenueT12M: p?.revenueT12M ?? 0,
        }).score;
    }
}
