/** The seed generator's public record and option types, and the plans it keeps while it runs. */
import type { CellValue } from '../snapshot/format';
import type { ProgramPolicy } from '../audit/policy';
import type { TierDefinition } from '../audit/rules';
import type { GroundTruth } from './plants';
import type { Person, Place } from './names';
import type { ProgramDef, TierDef } from './programCatalog';

export type SeedRecord = Record<string, CellValue>;

export interface SeedOptions {
  seed: number;
  /** The generated data's "now" (ISO-8601 UTC); every date is relative to it. */
  asOf: string;
  partners: number;
  customers: number;
  /** Share of eligible records that receive each kind of problem; 0 generates clean data. */
  problemRate: number;
  policy: ProgramPolicy;
}

export interface SeedSink {
  write(objectName: string, record: SeedRecord): void;
}

export interface SeedResult {
  groundTruth: GroundTruth;
  /** Records written per object. */
  counts: Record<string, number>;
}

export interface ProgramInfo {
  id: string;
  def: ProgramDef;
  tiers: { id: string; def: TierDef }[];
  ladder: TierDefinition[];
}

export interface CustomerInfo {
  id: string;
  name: string;
  website: string;
  domain: string;
  place: Place;
}

export interface MembershipPlan {
  program: ProgramInfo;
  /** Tier index the stored metrics qualify for. */
  qualifiedIndex: number;
  /** Tier index stored on the membership. */
  heldIndex: number;
  pendingSince: string | null;
  /** Planted stale tier, for the ground truth. */
  stale: string | null;
}

export interface PartnerInfo {
  id: string;
  ext: string;
  name: string;
  website: string;
  domain: string;
  place: Place;
  status: string;
  active: boolean;
  since: string;
  memberships: MembershipPlan[];
}

export interface Cluster {
  partner: PartnerInfo;
  contacts: { id: string; person: Person; email: string }[];
  activity: {
    logins: number;
    resourceDownloads: number;
    trainingsCompleted: number;
    registrations: number;
    leadsAccepted: number;
  };
  openLeads: number;
  revenueT12M: number;
  /** Instants (epoch ms) of the partner's first adoption steps; the deal is its close date's midnight. */
  firstSteps: { login: number | null; registration: number | null; leadAccepted: number | null; deal: number | null };
}
