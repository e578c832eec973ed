/**
 * Possible duplicate accounts: names alike but not equal by key ("Globex Industries" and
 * "Globex Industrial"), judged with the shared `companySimilarity` rule at the policy's
 * `possibleDuplicateThreshold`. Candidates are the
 * earlier accounts of the same kind (partner or customer) with the same blocking key, as the
 * org fetches them by the indexed `Match_Block_Key__c`. Memory: per blocking key the names of
 * at most `MAX_PER_BLOCK` earlier accounts, so a very common first word cannot grow it without
 * bound (later accounts of such a block are compared with the first ones only).
 */
import { companyTokensOf, explainSimilarity, tokenSimilarityOf } from '../rules';
import type { AuditContext, Auditor, AuditorFactory } from '../types';
import { bool, refOf, str } from '../values';

/** Earlier accounts kept per blocking key. */
export const MAX_PER_BLOCK = 50;

interface Earlier {
  id: string;
  externalId: string | null;
  name: string;
  tokens: string[];
}

export const possibleDuplicateAccounts: AuditorFactory = (context: AuditContext): Auditor => {
  const threshold = context.policy.dealRegistration.possibleDuplicateThreshold;
  const blocks = new Map<string, Earlier[]>();
  return {
    checks: ['possible-duplicate-account'],
    objects: ['Account'],
    requires: ['Account'],
    onRecord(objectName, record, emit) {
      const id = str(record, 'Id');
      const name = str(record, 'Name');
      const tokens = companyTokensOf(name);
      if (id === null || name === null || tokens.length === 0) {
        return;
      }
      const block = tokens[0]; // the blocking key, from the tokens already split
      const key = `${bool(record, 'Is_Partner__c') ? 'p' : 'c'}${block}`;
      const earlier = blocks.get(key) ?? [];
      let best: { other: Earlier; score: number; explanation: string } | null = null;
      for (const other of earlier) {
        const similarity = tokenSimilarityOf(tokens, other.tokens, threshold);
        if (similarity.possibleDuplicate && (best === null || (similarity.score ?? 0) > best.score)) {
          best = { other, score: similarity.score ?? 0, explanation: explainSimilarity(similarity) };
        }
      }
      if (best !== null) {
        const kept = best.other.externalId ?? best.other.id;
        emit(
          'possible-duplicate-account',
          refOf(objectName, record),
          `"${name}" may duplicate "${best.other.name}" (${kept}): ${best.explanation}`,
          `Review it against ${kept} (${best.other.id}); merge when it is the same company.`,
        );
      }
      if (earlier.length < MAX_PER_BLOCK) {
        earlier.push({ id, externalId: str(record, 'External_Id__c'), name, tokens });
        blocks.set(key, earlier);
      }
    },
  };
};
