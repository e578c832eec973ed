/** Every audit check, as streaming auditors. */
import type { SnapshotObject } from '../../snapshot/schema';
import type { AuditorFactory } from '../types';
import { attributionChecks } from './attribution';
import { duplicateAccounts, staleMatchKeys } from './keys';
import { possibleDuplicateAccounts } from './possibleDuplicates';
import { leadChecks } from './leads';
import { orphanReferences } from './references';
import { registrationChecks, registrationSync } from './registrations';
import { missingFields } from './requiredFields';
import { staleTiers } from './tiers';

/**
 * The auditors for a data set holding these objects.
 * @param objects the objects in the data set, in load order
 */
export function auditors(objects: readonly SnapshotObject[]): AuditorFactory[] {
  const present = objects.map((o) => o.name);
  return [
    duplicateAccounts,
    possibleDuplicateAccounts,
    staleMatchKeys,
    missingFields,
    orphanReferences(objects),
    registrationChecks,
    registrationSync,
    leadChecks,
    attributionChecks(present),
    staleTiers,
  ];
}
