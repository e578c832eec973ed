/** Every audit check, as streaming auditors. */
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
 * The auditors for a data set holding `present` objects.
 * @param present object API names in the data set
 */
export function auditors(present: readonly string[]): AuditorFactory[] {
  return [
    duplicateAccounts,
    possibleDuplicateAccounts,
    staleMatchKeys,
    missingFields,
    orphanReferences(present),
    registrationChecks,
    registrationSync,
    leadChecks,
    attributionChecks(present),
    staleTiers,
  ];
}
