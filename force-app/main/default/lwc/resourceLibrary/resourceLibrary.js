// Generated from lwc-ts-src/resourceLibrary/resourceLibrary.ts by `npm run build`. Do not edit.
/**
 * The partner's resource library in the portal: the files of its programs, and of the tiers it
 * has reached, grouped by program and searchable. A download is first logged on the server
 * (an engagement activity, which also re-checks the partner qualifies for the file), then the
 * file opens.
 */
import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getResources from '@salesforce/apex/PortalResourceLibraryController.getResources';
import logDownload from '@salesforce/apex/PortalResourceLibraryController.logDownload';
import { errorMessage } from 'c/errorUtils';
/** A file size for people: bytes, KB or MB. */
export function sizeLabel(bytes) {
    if (bytes === null || bytes === undefined) {
        return '';
    }
    if (bytes < 1024) {
        return `${bytes} B`;
    }
    if (bytes < 1024 * 1024) {
        return `${Math.round(bytes / 1024)} KB`;
    }
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
/** Resources matching a search (title, type, program or tier, case-insensitive), grouped by program in server order. */
export function groupResources(resources, search) {
    const needle = search.trim().toLowerCase();
    const groups = new Map();
    resources.forEach((resource, index) => {
        const haystack = [resource.title, resource.fileType, resource.programName, resource.tierName]
            .filter((part) => !!part)
            .join(' ')
            .toLowerCase();
        if (needle && !haystack.includes(needle)) {
            return;
        }
        const programName = resource.programName ?? 'Other resources';
        const group = groups.get(programName) ?? { key: programName, programName, resources: [] };
        group.resources.push({
            ...resource,
            key: resource.documentId ?? `resource-${index}`,
            audience: resource.tierName ? `${resource.tierName} and above` : 'Every member',
            sizeLabel: sizeLabel(resource.size),
            buttonLabel: `Download ${resource.title ?? 'file'}`,
        });
        groups.set(programName, group);
    });
    return [...groups.values()];
}
export default class ResourceLibrary extends NavigationMixin(LightningElement) {
    resources;
    error;
    search = '';
    downloadingId = null;
    status = '';
    downloadError;
    @wire(getResources, {})
    wiredResources({ data, error }) {
        if (data) {
            this.resources = data;
            this.error = undefined;
        }
        else if (error) {
            this.resources = undefined;
            this.error = errorMessage(error, 'The resource library could not be loaded.');
        }
    }
    get isLoading() {
        return !this.resources && !this.error;
    }
    get groups() {
        return groupResources(this.resources ?? [], this.search);
    }
    get hasResults() {
        return this.groups.length > 0;
    }
    get emptyMessage() {
        return this.search.trim()
            ? `No resource matches "${this.search.trim()}".`
            : 'No resources are available for your programs and tier yet.';
    }
    handleSearch(event) {
        this.search = event.detail?.value ?? event.target?.value ?? '';
    }
    async handleDownload(event) {
        const button = event.currentTarget;
        const documentId = button.dataset.document ?? '';
        const title = button.dataset.title ?? 'the file';
        if (!documentId || this.downloadingId) {
            return;
        }
        this.downloadingId = documentId;
        this.downloadError = undefined;
        this.status = `Preparing ${title}…`;
        try {
            const url = await logDownload({ documentId });
            this[NavigationMixin.Navigate]({ type: 'standard__webPage', attributes: { url } });
            this.status = `${title} is downloading.`;
        }
        catch (error) {
            this.status = '';
            this.downloadError = errorMessage(error, `${title} could not be downloaded.`);
        }
        finally {
            this.downloadingId = null;
        }
    }
}
