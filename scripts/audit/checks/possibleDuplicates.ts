/**
 * Possible duplicate accounts: names alike but not equal by key ("Globex Industries" and
 * "Globex Industrial"), judged with the shared `companySimilarity` rule at the policy's
 * `possibleDuplicateThreshold`. Candidates are the
 * earlier accounts of the same kind (partner or customer) with the same blocking key, as the
 * org fetches them by the indexed `Match_Block_Key__c`. Memory: per blocking key the names of
 * at most `MAX_PER_BLOCK` earlier accounts (each one flat string and its token Ids), so a very common first word cannot grow it without
 * bound (later accounts of such a block are compared with the first ones only).
 */
import { companyTokensOf, explainSimilarity, NameComparer, type TokenIds } from '../rules';
import type { AuditContext, Auditor, AuditorFactory } from '../types';
import { bool, refOf, str } from '../values';

/** Earlier accounts kept per blocking key. */
export const MAX_PER_BLOCK = 50;

interface Earlier {
  /** Id, external Id and name in one flat string (`label`): a kept name costs one string, not three. */
  label: string;
  tokens: TokenIds;
}

const SEPARATOR = '\u0001';

function label(id: string, externalId: string | null, name: string): string {
  return [id, externalId ?? '', name].join(SEPARATOR);
}

function unlabel(packed: string): { id: string; externalId: string | null; name: string } {
  const [id, externalId, ...name] = packed.split(SEPARATOR);
  return { id, externalId: externalId === '' ? null : externalId, name: name.join(SEPARATOR) };
}

export const possibleDuplicateAccounts: AuditorFactory = (context: AuditContext): Auditor => {
  const threshold = context.policy.dealRegistration.possibleDuplicateThreshold;
  const blocks = new Map<string, Earlier[]>();
  const names = new NameComparer(threshold);
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
      const ids = names.idsOf(tokens);
      // The first of the best-scoring earlier names; only it needs the full explanation.
      let best: { other: Earlier; score: number } | null = null;
      for (const other of earlier) {
        const score = names.possibleDuplicateScore(ids, other.tokens);
        if (score !== null && (best === null || score > best.score)) {
          best = { other, score };
        }
      }
      if (best !== null) {
        const other = unlabel(best.other.label);
        const kept = other.externalId ?? other.id;
        const explanation = explainSimilarity(names.similarity(ids, best.other.tokens));
        emit(
          'possible-duplicate-account',
          refOf(objectName, record),
          `"${name}" may duplicate "${other.name}" (${kept}): ${explanation}`,
          `Review it against ${kept} (${other.id}); merge when it is the same company.`,
        );
      }
      if (earlier.length < MAX_PER_BLOCK) {
        earlier.push({ label: label(id, str(record, 'External_Id__c'), name), tokens: ids });
        blocks.set(key, earlier);
      }
    },
  };
};
