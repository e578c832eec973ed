/** The partner programs, tier ladders and training catalogue the seed creates. */
/** `Partner_Program__c.Program_Type__c` values. */
export type ProgramType = 'Referral' | 'Reseller' | 'Technology';

export interface ProgramDef {
  code: string;
  name: string;
  type: ProgramType;
  commissionModel: string;
  basePercent: number;
  graceDays: number;
  /** Share of partners whose primary program this is. */
  weight: number;
  /** How many rungs of the ladder the program uses. */
  rungs: number;
  description: string;
}

export interface TierDef {
  name: string;
  rank: number;
  minRevenue: number;
  minCertifications: number;
  minDeals: number;
  upliftPercent: number;
  discountPercent: number;
  /** Share of partners holding this tier. */
  share: number;
  benefits: string;
}

export const PROGRAMS: readonly ProgramDef[] = [
  {
    code: 'REF',
    name: 'Referral Partner Program',
    type: 'Referral',
    commissionModel: 'Referral Fee',
    basePercent: 10,
    graceDays: 90,
    weight: 40,
    rungs: 4,
    description: 'Partners who introduce customers and earn a referral fee on closed deals.',
  },
  {
    code: 'RES',
    name: 'Reseller Program',
    type: 'Reseller',
    commissionModel: 'Resale Margin',
    basePercent: 20,
    graceDays: 60,
    weight: 45,
    rungs: 4,
    description: 'Partners who resell our products and keep a margin.',
  },
  {
    code: 'TEC',
    name: 'Technology Alliance',
    type: 'Technology',
    commissionModel: 'Influence Fee',
    basePercent: 5,
    graceDays: 90,
    weight: 15,
    rungs: 3,
    description: 'Technology partners whose integrations influence deals.',
  },
];

export const LADDER: readonly TierDef[] = [
  {
    name: 'Registered',
    rank: 1,
    minRevenue: 0,
    minCertifications: 0,
    minDeals: 0,
    upliftPercent: 0,
    discountPercent: 0,
    share: 45,
    benefits: 'Portal access, deal registration, training.',
  },
  {
    name: 'Silver',
    rank: 2,
    minRevenue: 100000,
    minCertifications: 2,
    minDeals: 3,
    upliftPercent: 1,
    discountPercent: 5,
    share: 30,
    benefits: 'Lead sharing, co-marketing funds.',
  },
  {
    name: 'Gold',
    rank: 3,
    minRevenue: 500000,
    minCertifications: 5,
    minDeals: 8,
    upliftPercent: 2.5,
    discountPercent: 10,
    share: 18,
    benefits: 'Priority leads, dedicated partner manager, MDF.',
  },
  {
    name: 'Platinum',
    rank: 4,
    minRevenue: 1500000,
    minCertifications: 10,
    minDeals: 20,
    upliftPercent: 4,
    discountPercent: 15,
    share: 7,
    benefits: 'Executive sponsor, joint business plan, highest margins.',
  },
];

export interface ModuleDef {
  name: string;
  /** Program code, or null for every program. */
  program: string | null;
  grantsCertification: boolean;
  validMonths: number | null;
  dueDays: number;
  requiredForOnboarding: boolean;
}

export const MODULES: readonly ModuleDef[] = [
  {
    name: 'Partner Fundamentals',
    program: null,
    grantsCertification: true,
    validMonths: 24,
    dueDays: 30,
    requiredForOnboarding: true,
  },
  {
    name: 'Deal Registration Basics',
    program: null,
    grantsCertification: false,
    validMonths: null,
    dueDays: 30,
    requiredForOnboarding: true,
  },
  {
    name: 'Sales Accreditation',
    program: null,
    grantsCertification: true,
    validMonths: 12,
    dueDays: 60,
    requiredForOnboarding: false,
  },
  {
    name: 'Technical Specialist',
    program: null,
    grantsCertification: true,
    validMonths: 24,
    dueDays: 90,
    requiredForOnboarding: false,
  },
  {
    name: 'Solution Architect',
    program: null,
    grantsCertification: true,
    validMonths: 24,
    dueDays: 120,
    requiredForOnboarding: false,
  },
  {
    name: 'Reseller Operations',
    program: 'RES',
    grantsCertification: true,
    validMonths: 12,
    dueDays: 60,
    requiredForOnboarding: false,
  },
  {
    name: 'Integration Developer',
    program: 'TEC',
    grantsCertification: true,
    validMonths: 24,
    dueDays: 90,
    requiredForOnboarding: false,
  },
  {
    name: 'Marketing Playbook',
    program: null,
    grantsCertification: false,
    validMonths: null,
    dueDays: 60,
    requiredForOnboarding: false,
  },
];

export const OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Proposal/Price Quote',
  'Negotiation/Review',
];
