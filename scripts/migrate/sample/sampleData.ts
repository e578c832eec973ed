/**
 * The bundled sample of legacy partner data, as a channel team keeps it before a PRM: a
 * tracker workbook (a cover sheet, partners with a title above the header, end customers,
 * deal registrations with notes above the header), a CRM lead export with report lines above
 * its header, and the CRM's accounts today. It is deliberately untidy in the ways real ones
 * are: duplicate partners with name variants and trailing spaces, Excel dates next to
 * `MM/DD/YYYY`, `DD.MM.YYYY` and `D MMM YYYY` text, amounts as "$12,500.00" and
 * "12.500,00 €", statuses no lifecycle of ours knows, and a few rows that cannot be migrated.
 * Everything is fixed or drawn from a seeded random source: the same code gives the same rows.
 */
import { Random } from '../../seed/random';

/** The sample's "today". */
export const SAMPLE_AS_OF = '2025-06-30';

/** A cell: text, a number, or an Excel date (`{ date: 'YYYY-MM-DD' }`). */
export type SampleCell = string | number | { date: string };

export interface SampleSheet {
  name: string;
  /** Rows above the header (titles, notes). */
  preamble: string[][];
  header: string[];
  rows: SampleCell[][];
}

// [key, name as written, website, country, region, tier, status, joined]
const PARTNERS: SampleCell[][] = [
  ['P-001', 'Acme Widgets, LLC', 'https://www.acmewidgets.com', 'US', 'NA', 'Gold', 'Active', { date: '2019-04-12' }],
  ['P-002', 'Brightpath Solutions', 'brightpath.io', 'GB', 'EMEA', 'Silver', 'Active', '03/15/2021'],
  ['P-003', 'Northwind Traders', 'northwind-traders.com', 'US', 'NA', 'Gold', 'Active', '15.03.2020'],
  ['P-004', 'ACME WIDGETS INC   ', 'acmewidgets.com', 'US', 'NA', 'Gold', 'Active', '4/12/2019'],
  ['P-005', 'Contoso Partners GmbH', 'contoso-partners.de', 'DE', 'EMEA', 'Silver', 'On hold', '2 Feb 2022'],
  ['P-006', 'Globex Corp', 'globex.com', 'US', 'NA', 'Gold', 'Active', { date: '2018-09-01' }],
  ['P-007', 'Initech Consulting', 'initech-consulting.com', 'US', 'NA', 'Bronze', 'Active', '11/30/2023'],
  ['P-008', 'Umbrella Systems Ltd.', 'umbrella-systems.co.uk', 'GB', 'EMEA', 'Gold', 'Active', '01.06.2017'],
  ['P-009', 'Stark Integration', 'stark-integration.com', 'US', 'NA', 'Silver', 'Prospect', ''],
  ['P-010', 'Wayne Data Services', 'waynedata.com', 'US', 'NA', 'Bronze', 'Terminated', '7/4/2016'],
  ['P-011', 'Soylent Cloud SAS', 'soylent.cloud', 'FR', 'EMEA', 'Silver', 'Active', '21.09.2022'],
  ['P-012', 'Hooli Partners', 'hooli.xyz', 'US', 'NA', 'Gold', 'Active', { date: '2020-01-20' }],
  ['P-013', 'Vandelay Imports', 'vandelay-imports.com', 'US', 'NA', 'Bronze', 'Active', '5 May 2024'],
  ['P-014', 'Tyrell Analytics K.K.', 'tyrell-analytics.jp', 'JP', 'APAC', 'Gold', 'Active', '10/01/2019'],
  [
    'P-015',
    'Cyberdyne Resellers Pty Ltd',
    'cyberdyne-resellers.com.au',
    'AU',
    'APAC',
    'Silver',
    'Active',
    '28.02.2021',
  ],
  ['P-016', 'Brightpath Solutions Ltd ', 'www.brightpath.io', 'GB', 'EMEA', 'Silver', 'Active', '3/15/2021'],
  ['P-017', 'Oceanic Networks', 'oceanic-networks.net', 'NZ', 'APAC', 'Bronze', 'On Hold', '12 Aug 2023'],
  ['P-018', 'Massive Dynamic', 'massivedynamic.com', 'SG', 'APAC', 'Gold', 'Active', { date: '2021-11-05' }],
  ['P-019', '', 'unknown-partner.com', 'US', 'NA', 'Bronze', 'Active', '1/9/2024'],
  ['P-020', 'Pied Piper', 'piedpiper.com', 'US', 'NA', 'Bronze', 'Dormant', '06/06/2022'],
];

/** How deal sheets name partners: sometimes not as the partner sheet does. */
const PARTNER_SPELLINGS: readonly string[] = [
  'Acme Widgets',
  'ACME Widgets LLC',
  'Brightpath Solutions',
  'Northwind Traders',
  'Contoso Partners',
  'Initech Consulting',
  'Umbrella Systems',
  'Stark Integration',
  'Soylent Cloud',
  'Hooli Partners',
  'Vandelay Imports',
  'Tyrell Analytics',
  'Cyberdyne Resellers',
  'Massive Dynamic',
  'Oceanic Networks',
];

// [key, company as written, website, country]
const CUSTOMERS: SampleCell[][] = [
  ['C-001', 'Pinnacle Health', 'pinnaclehealth.org', 'US'],
  ['C-002', 'Pinnacle Health, Inc.', 'www.pinnaclehealth.org', 'US'],
  ['C-003', 'Blue Harbor Logistics', 'blueharbor-logistics.com', 'US'],
  ['C-004', 'Quantum Retail Group', 'quantumretail.com', 'GB'],
  ['C-005', 'Evergreen Bank', 'evergreenbank.com', 'US'],
  ['C-006', 'Nordlicht Energie AG', 'nordlicht-energie.de', 'DE'],
  ['C-007', 'Sakura Foods', 'sakura-foods.jp', 'JP'],
  ['C-008', 'Redwood Insurance ', 'redwood-insurance.com', 'US'],
  ['C-009', 'Atlas Manufacturing', 'atlas-mfg.com', 'US'],
  ['C-010', 'Kiwi Telecom Ltd', 'kiwitelecom.co.nz', 'NZ'],
  ['C-011', 'Lumen Education', 'lumen-edu.org', 'AU'],
  ['C-012', 'BLUE HARBOR LOGISTICS LLC', 'blueharbor-logistics.com', 'US'],
];

const PROSPECTS: readonly string[] = [
  'Pinnacle Health',
  'Blue Harbor Logistics',
  'Quantum Retail Group',
  'Evergreen Bank',
  'Nordlicht Energie',
  'Sakura Foods',
  'Redwood Insurance',
  'Atlas Manufacturing',
  'Kiwi Telecom',
  'Lumen Education',
  'Orion Aerospace',
  'Silverline Media',
  'Greenfield Farms',
  'Metro Transit Authority',
  'Helix Biotech',
];

const STAGES: ReadonlyArray<readonly [string, number]> = [
  ['New', 2],
  ['Under review', 2],
  ['Approved', 4],
  ['Won', 5],
  ['Lost', 2],
  ['Declined', 2],
  ['Expired', 1],
];
const DECIDED = new Set(['Approved', 'Won', 'Lost', 'Declined', 'Expired']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().substring(0, 10);
}

/** A date as people type it in one of four ways. */
function writtenDate(random: Random, iso: string): SampleCell {
  const [y, m, d] = iso.split('-').map(Number);
  switch (random.int(0, 3)) {
    case 0:
      return { date: iso };
    case 1:
      return `${m}/${d}/${y}`;
    case 2:
      return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
    default:
      return `${d} ${MONTHS[m - 1]} ${y}`;
  }
}

/** An amount as people type it. */
function writtenAmount(random: Random, amount: number): SampleCell {
  const us = amount.toLocaleString('en-US', { minimumFractionDigits: 2 });
  const de = amount.toLocaleString('de-DE', { minimumFractionDigits: 2 });
  return random.pick<SampleCell>([`$${us}`, `${de} €`, amount, `USD ${amount.toLocaleString('en-US')}`]);
}

function registrationRows(random: Random): SampleCell[][] {
  const rows: SampleCell[][] = [];
  for (let i = 1; i <= 60; i++) {
    const stage = random.weighted(STAGES);
    const submitted = addDays(SAMPLE_AS_OF, -random.int(5, 420));
    const decided = DECIDED.has(stage) ? addDays(submitted, random.int(1, 35)) : '';
    const prospect = random.pick(PROSPECTS);
    const amount = random.int(20, 900) * 250;
    rows.push([
      `DR-${String(1000 + i)}`,
      random.pick(PARTNER_SPELLINGS),
      prospect,
      `${prospect.toLowerCase().replace(/[^a-z]+/g, '')}.com`,
      writtenAmount(random, amount),
      stage,
      writtenDate(random, submitted),
      decided === '' ? '' : writtenDate(random, decided),
      writtenDate(random, addDays(submitted, random.int(30, 200))),
    ]);
  }
  // Rows that cannot be migrated as they are, one of each kind.
  rows[7][4] = 'TBD';
  rows[13][6] = '02/30/2025';
  rows[21][5] = 'Pending legal';
  rows[29][1] = '';
  rows[37][1] = 'Dunder Mifflin Paper';
  rows[44][1] = 'Globex Corp';
  return rows;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function leadRows(random: Random): SampleCell[][] {
  const first = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jon'];
  const last = ['Silva', 'Meyer', 'Dubois', 'Patel', 'Yilmaz', 'Okafor', 'Kim', 'Tanaka', 'Garcia', 'Berg'];
  const rows: SampleCell[][] = [];
  for (let i = 1; i <= 30; i++) {
    const status = random.weighted<string>([
      ['Assigned', 3],
      ['Working', 3],
      ['Converted', 2],
      ['Dead', 2],
    ]);
    const received = addDays(SAMPLE_AS_OF, -random.int(3, 300));
    const hour = random.int(8, 17);
    const contactHours = status === 'Assigned' ? null : random.int(2, 160);
    const contacted =
      contactHours === null ? '' : new Date(Date.parse(`${received}T${pad(hour)}:00:00Z`) + contactHours * 3600000);
    const company = random.pick(PROSPECTS);
    const firstName = random.pick(first);
    const lastName = random.pick(last);
    rows.push([
      `L-${String(5000 + i)}`,
      firstName,
      lastName,
      company,
      `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${company.toLowerCase().replace(/[^a-z]+/g, '')}.com`,
      random.pick(PARTNER_SPELLINGS),
      status,
      `${received} ${pad(hour)}:${pad(random.int(0, 59))}`,
      contacted === '' ? '' : `${contacted.toISOString().substring(0, 10)} ${pad(contacted.getUTCHours())}:00`,
    ]);
  }
  return rows;
}

/** The tracker workbook's sheets. */
export function trackerSheets(): SampleSheet[] {
  const random = new Random(16);
  return [
    {
      name: 'Read me',
      preamble: [
        ['Partner tracker'],
        ['Owner: Channel team. Update the Deal Regs tab every Friday.'],
        ['Amounts in the currency the partner quoted. Dates as entered.'],
      ],
      header: [],
      rows: [],
    },
    {
      name: 'Partners',
      preamble: [['Partner list (master)'], []],
      header: ['Partner ID', 'Partner Name', 'Website', 'Country', 'Region', 'Tier', 'Status', 'Joined'],
      rows: PARTNERS,
    },
    {
      name: 'End Customers',
      preamble: [],
      header: ['Customer ID', 'Company', 'Website', 'Country'],
      rows: CUSTOMERS,
    },
    {
      name: 'Deal Regs',
      preamble: [
        ['Deal registrations'],
        ['Stage: New / Under review / Approved / Won / Lost / Declined / Expired'],
        [],
      ],
      header: [
        'Reg #',
        'Partner',
        'Customer',
        'Customer Website',
        'Deal Size',
        'Stage',
        'Submitted',
        'Decision Date',
        'Close Date',
      ],
      rows: registrationRows(random),
    },
  ];
}

/** The CRM's lead export (CSV with report lines above the header). */
export function leadExport(): SampleSheet {
  return {
    name: 'leads-export',
    preamble: [['Report: Partner-assigned leads'], [`Generated ${SAMPLE_AS_OF} by CRM export`]],
    header: [
      'Lead ID',
      'First Name',
      'Last Name',
      'Company',
      'Email',
      'Partner',
      'Status',
      'Received',
      'First Contact',
    ],
    rows: leadRows(new Random(17)),
  };
}

/** The accounts the CRM holds today: [Id, Name, Website, Is_Partner__c, CreatedDate]. */
export const CRM_ACCOUNTS: readonly string[][] = [
  ['001Sm0000000001AAA', 'Acme Widgets Inc.', 'acmewidgets.com', 'true', '2019-04-15T10:00:00.000Z'],
  ['001Sm0000000002AAA', 'Umbrella Systems Limited', 'umbrella-systems.co.uk', 'true', '2017-06-02T10:00:00.000Z'],
  ['001Sm0000000003AAA', 'Globex', 'globex-holdings.com', 'false', '2016-01-10T10:00:00.000Z'],
  ['001Sm0000000004AAA', 'Globex Corporation', 'globex.com', 'true', '2018-09-03T10:00:00.000Z'],
  ['001Sm0000000005AAA', 'Hooli', 'hooli.xyz', 'true', '2020-01-21T10:00:00.000Z'],
  ['001Sm0000000006AAA', 'Pinnacle Health Inc', 'pinnaclehealth.org', 'false', '2021-03-01T10:00:00.000Z'],
  ['001Sm0000000007AAA', 'Evergreen Bank', 'evergreenbank.com', 'false', '2022-05-05T10:00:00.000Z'],
  ['001Sm0000000008AAA', 'Orion Aerospace', 'orion-aerospace.com', 'false', '2023-02-14T10:00:00.000Z'],
];
