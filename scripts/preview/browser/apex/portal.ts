/**
 * Stand-ins for the smaller portal controllers: PortalTrainingController (the partner's
 * assigned modules), PortalResourceLibraryController (files gated by program and tier) and
 * PortalPartnerApplicationController (the public application form). The seed generates no
 * Salesforce Files, so the library serves a fixed set of documents linked to the demo
 * programs and tiers, gated as the controller gates them.
 */
import type { DemoStore } from '../store';
import type { DemoRecord } from '../types';
import { ApexError, type ApexHandler, type ApexParams } from './api';
import { nextName, partnerAccountId, requireId, text } from './common';

// ---------------------------------------------------------------- training

const getTraining: ApexHandler = (_params, store) => {
  const accountId = partnerAccountId(store);
  const moduleOf = (c: DemoRecord) => store.get(String(c.Training_Module__c));
  const contactName = (id: unknown) => {
    const contact = store.get(typeof id === 'string' ? id : null);
    return contact ? [contact.FirstName, contact.LastName].filter(Boolean).join(' ') : null;
  };
  const nullsFirst = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const nullsLast = (v: unknown) => (v === null || v === undefined ? '~' : String(v));
  return store
    .list('Partner_Certification__c')
    .filter((c) => c.Partner_Account__c === accountId)
    .sort(
      (a, b) =>
        nullsFirst(a.Completed_On__c).localeCompare(nullsFirst(b.Completed_On__c)) ||
        nullsLast(a.Due_Date__c).localeCompare(nullsLast(b.Due_Date__c)) ||
        Number(moduleOf(a)?.Sequence__c ?? 1e9) - Number(moduleOf(b)?.Sequence__c ?? 1e9),
    )
    .slice(0, 1000)
    .map((c) => {
      const module = moduleOf(c);
      return {
        id: c.Id,
        contactName: contactName(c.Contact__c),
        moduleName: module?.Name ?? null,
        moduleUrl: module?.Url__c ?? null,
        grantsCertification: module?.Grants_Certification__c === true,
        sequence: module?.Sequence__c ?? null,
        status: c.Status__c,
        dueDate: c.Due_Date__c ?? null,
        completedOn: c.Completed_On__c ?? null,
        expiresOn: c.Expires_On__c ?? null,
      };
    });
};

// ---------------------------------------------------------------- resources

interface LibraryFile {
  documentId: string;
  title: string;
  fileType: string;
  size: number;
  /** A program's name, or a tier's rank within every program (documents for that tier and above). */
  program?: string;
  tierRank?: number;
  lastModified: string;
}

/** The demo library: documents linked to programs (by type) and to tiers (by rank). */
function libraryFiles(store: DemoStore): { file: LibraryFile; linkedTo: string }[] {
  const links: { file: LibraryFile; linkedTo: string }[] = [];
  let n = 0;
  const doc = (title: string, fileType: string, size: number): LibraryFile => {
    n++;
    return {
      documentId: `0690Pv${String(n).padStart(9, '0')}AAA`,
      title,
      fileType,
      size,
      lastModified: store.now,
    };
  };
  for (const program of store.list('Partner_Program__c')) {
    const kind = String(program.Program_Type__c ?? 'Partner');
    links.push({ file: doc(`${kind} program guide`, 'PDF', 482113), linkedTo: program.Id });
    links.push({ file: doc(`${kind} pitch deck`, 'POWER_POINT_X', 2301977), linkedTo: program.Id });
  }
  for (const tier of store.list('Partner_Tier__c')) {
    const rank = Number(tier.Rank__c ?? 0);
    if (rank >= 2) {
      links.push({ file: doc(`${String(tier.Name)} price list`, 'EXCEL_X', 88211 + rank), linkedTo: tier.Id });
    }
  }
  return links;
}

/** What the partner may see: its programs, and the tiers up to the rank it holds in each. */
function eligibleEntities(store: DemoStore): { programNames: Map<string, string>; tiers: Map<string, DemoRecord> } {
  const accountId = partnerAccountId(store);
  const programNames = new Map<string, string>();
  const heldRank = new Map<string, number>();
  for (const m of store.list('Program_Membership__c')) {
    if (m.Partner_Account__c === accountId && (m.Status__c === 'Active' || m.Status__c === 'Onboarding')) {
      const program = store.get(String(m.Program__c));
      programNames.set(String(m.Program__c), String(program?.Name ?? ''));
      heldRank.set(String(m.Program__c), Number(store.get(String(m.Tier__c))?.Rank__c ?? 0));
    }
  }
  const tiers = new Map<string, DemoRecord>();
  for (const tier of store.list('Partner_Tier__c')) {
    const held = heldRank.get(String(tier.Program__c));
    if (held !== undefined && Number(tier.Rank__c ?? 0) <= held) {
      tiers.set(tier.Id, tier);
    }
  }
  return { programNames, tiers };
}

function visibleFiles(store: DemoStore): Record<string, unknown>[] {
  const { programNames, tiers } = eligibleEntities(store);
  const byDocument = new Map<string, Record<string, unknown>>();
  for (const { file, linkedTo } of libraryFiles(store)) {
    const tier = tiers.get(linkedTo);
    if (byDocument.has(file.documentId) || (!programNames.has(linkedTo) && !tier)) {
      continue;
    }
    byDocument.set(file.documentId, {
      documentId: file.documentId,
      title: file.title,
      fileType: file.fileType,
      size: file.size,
      lastModified: file.lastModified,
      programName: programNames.get(linkedTo) ?? programNames.get(String(tier?.Program__c)) ?? null,
      tierName: tier ? tier.Name : null,
    });
  }
  const key = (r: Record<string, unknown>) =>
    [r.programName, r.tierName ?? '', r.title, r.documentId].map((v) => String(v)).join('\u0000');
  return [...byDocument.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const getResources: ApexHandler = (_params, store) => visibleFiles(store);

const logDownload: ApexHandler = (params, store) => {
  const documentId = requireId(params, 'documentId');
  if (!visibleFiles(store).some((f) => f.documentId === documentId)) {
    throw new ApexError('This resource is not available to your partnership.');
  }
  store.insert('Partner_Activity__c', {
    Name: nextName(store, 'Partner_Activity__c', 'ACT'),
    Activity_Type__c: 'Resource Download',
    Partner_Account__c: partnerAccountId(store),
    Contact__c: store.dataset.contactId,
    Occurred_At__c: store.now,
    Points__c: 2,
    Related_Record_Id__c: documentId,
  });
  return `/sfc/servlet.shepherd/document/download/${documentId}`;
};

// ---------------------------------------------------------------- application

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const COUNTRY = /^[A-Z]{2}$/;
const WEBSITE = /^(https?:\/\/)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+([/?#].*)?$/;

/** A program's ladder, entry tier first, as `PortalPartnerApplicationController.TierOption`. */
function tierOptions(store: DemoStore, programId: string) {
  return store
    .list('Partner_Tier__c')
    .filter((t) => t.Program__c === programId)
    .sort((a, b) => Number(a.Rank__c ?? 0) - Number(b.Rank__c ?? 0))
    .map((t) => ({
      id: t.Id,
      name: t.Name,
      minRevenue: t.Min_Revenue_T12M__c ?? null,
      minActiveCertifications: t.Min_Active_Certifications__c ?? null,
      minClosedDeals: t.Min_Closed_Deals__c ?? null,
    }));
}

const getPrograms: ApexHandler = (_params, store) =>
  store
    .list('Partner_Program__c')
    .filter((p) => p.Active__c === true)
    .sort((a, b) => String(a.Name).localeCompare(String(b.Name)))
    .map((p) => ({
      id: p.Id,
      name: p.Name,
      programType: p.Program_Type__c,
      description: p.Description__c ?? null,
      tiers: tierOptions(store, p.Id),
    }));

/** The controller's field checks (PortalPartnerApplicationController.validate), same messages. */
function validate(store: DemoStore, a: ApexParams | null): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!a) {
    add('companyName', 'Enter your company name.');
    return errors;
  }
  const company = text(a, 'companyName');
  if (!company) {
    add('companyName', 'Enter your company name.');
  } else if (company.length > 255) {
    add('companyName', 'Use at most 255 characters.');
  }
  const lastName = text(a, 'lastName');
  if (!lastName) {
    add('lastName', 'Enter your last name.');
  } else if (lastName.length > 80) {
    add('lastName', 'Use at most 80 characters.');
  }
  const firstName = text(a, 'firstName');
  if (firstName && firstName.length > 40) {
    add('firstName', 'Use at most 40 characters.');
  }
  const email = text(a, 'email');
  if (!email || !EMAIL.test(email)) {
    add('email', 'Enter a valid business email address.');
  }
  const country = text(a, 'country')?.toUpperCase();
  if (!country || !COUNTRY.test(country)) {
    add('country', 'Enter the two-letter country code, for example US or DE.');
  }
  const website = text(a, 'website');
  if (website && !WEBSITE.test(website)) {
    add('website', 'Enter a web address such as www.example.com.');
  }
  if (a.annualRevenue !== null && a.annualRevenue !== undefined && Number(a.annualRevenue) < 0) {
    add('annualRevenue', 'Annual revenue cannot be negative.');
  }
  if (a.employees !== null && a.employees !== undefined && Number(a.employees) < 0) {
    add('employees', 'Employees cannot be negative.');
  }
  if (a.termsAccepted !== true) {
    add('termsAccepted', 'Accept the program terms to apply.');
  }
  const programId = text(a, 'programId');
  const program = programId ? store.get(programId) : undefined;
  if (!program || store.objectOf(program.Id) !== 'Partner_Program__c' || program.Active__c !== true) {
    add('programId', 'Choose a program.');
  }
  if (a.partnerRevenueT12M !== null && a.partnerRevenueT12M !== undefined && Number(a.partnerRevenueT12M) < 0) {
    add('partnerRevenueT12M', 'Revenue cannot be negative.');
  }
  if (a.closedDealsT12M !== null && a.closedDealsT12M !== undefined && Number(a.closedDealsT12M) < 0) {
    add('closedDealsT12M', 'Closed deals cannot be negative.');
  }
  const tierId = text(a, 'requestedTierId');
  const tier = tierId ? store.get(tierId) : undefined;
  if (tierId && (!tier || tier.Program__c !== programId)) {
    add('requestedTierId', 'Choose a tier of the program.');
  }
  return errors;
}

/** Receipts of PortalPartnerApplicationController, same wording. */
const AWAITING_CODE =
  'Thank you. We have e-mailed you a code: enter it below to confirm your address. We look at your application once it is confirmed.';
const CONFIRMED =
  'Thank you: your e-mail address is confirmed and your application is with our team. We will email you at that address.';
const BAD_CODE = 'This code is not valid or has expired. Check the e-mail, or apply again to get a new code.';
/** Portal_Guard_Policy__mdt Default: Minimum Fill Seconds. */
const MINIMUM_FILL_MILLIS = 3000;

/** One-time codes of pending applications (the org keeps only their hash and e-mails the code). */
const pendingCodes = new Map<string, string>();

function newCode(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

const awaitingCode = () => ({ received: true, awaitingCode: true, message: AWAITING_CODE, errors: [] });

const submitApplication: ApexHandler = (params, store) => {
  const a = (params.application ?? null) as ApexParams | null;
  const errors = validate(store, a);
  if (errors.length > 0 || !a) {
    return { received: false, awaitingCode: false, message: 'Please correct the highlighted fields.', errors };
  }
  // PortalGuard.checkForm: a filled honeypot or a form sent too fast is dropped with the same receipt.
  if (text(a, 'fax') || typeof a.fillMillis !== 'number' || a.fillMillis < MINIMUM_FILL_MILLIS) {
    return awaitingCode();
  }
  // The org throttles per e-mail, domain and source and e-mails the code; the preview keeps the code in memory.
  const id = store.insert('Partner_Application__c', {
    Name: nextName(store, 'Partner_Application__c', 'APP'),
    Company_Name__c: text(a, 'companyName'),
    Website__c: text(a, 'website'),
    Contact_First_Name__c: text(a, 'firstName'),
    Contact_Last_Name__c: text(a, 'lastName'),
    Contact_Email__c: text(a, 'email'),
    Contact_Phone__c: text(a, 'phone'),
    Country__c: text(a, 'country')?.toUpperCase() ?? null,
    Program_Interest__c: text(a, 'programId'),
    Annual_Revenue__c: a.annualRevenue === undefined ? null : (a.annualRevenue as number | null),
    Employees__c: a.employees === undefined ? null : (a.employees as number | null),
    Certifications__c: text(a, 'certifications'),
    Requested_Tier__c: text(a, 'requestedTierId'),
    Partner_Revenue_T12M__c: a.partnerRevenueT12M === undefined ? null : (a.partnerRevenueT12M as number | null),
    Closed_Deals_T12M__c: a.closedDealsT12M === undefined ? null : (a.closedDealsT12M as number | null),
    Terms_Accepted__c: true,
    Status__c: 'Pending Verification',
  }).Id;
  pendingCodes.set(newCode(), String(id));
  return awaitingCode();
};

const verifyApplication: ApexHandler = (params, store) => {
  const code = String(params.code ?? '')
    .replace(/[^0-9A-Fa-f]/g, '')
    .toUpperCase();
  const id = pendingCodes.get(code);
  if (!id) {
    return { received: false, awaitingCode: false, message: BAD_CODE, errors: [] };
  }
  pendingCodes.delete(code);
  // The trigger decides the route (applicationDecision) in the org; the preview records the confirmation only.
  store.update(id, { Status__c: 'Submitted' });
  return { received: true, awaitingCode: false, message: CONFIRMED, errors: [] };
};

export const PORTAL: Readonly<Record<string, ApexHandler>> = {
  'PortalTrainingController.getTraining': getTraining,
  'PortalResourceLibraryController.getResources': getResources,
  'PortalResourceLibraryController.logDownload': logDownload,
  'PortalPartnerApplicationController.getPrograms': getPrograms,
  'PortalPartnerApplicationController.submitApplication': submitApplication,
  'PortalPartnerApplicationController.verifyApplication': verifyApplication,
};
