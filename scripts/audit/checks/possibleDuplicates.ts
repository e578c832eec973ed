/**
 * Possible duplicate accounts: names alike but not equal by key ("Globex Industries" and
 * "Globex Industrial"), judged with the shared `companySimilarity` rule at the policy's
 * `possibleDuplicateThreshold`. Candidates are the earlier accounts of the same kind (partner
 * or customer) with the same blocking key, as the org fetches them by the indexed
 * `Match_Block_Key__c`; a block keeps its first `MAX_PER_BLOCK` accounts, so a very common first
 * word cannot make it grow without bound (later accounts of such a block are compared with the
 * first ones only). Memory: blocks are judged once the pass ends, one spill partition at a time
 * (spill.ts); until then each account waits as one packed string, so what the check holds does
 * not grow with the number of blocks.
 */
import { companyTokensOf, explainSimilarity, NameComparer, type TokenIds } from '../rules';
import { auditSpill } from '../spill';
import type { AuditContext, Auditor, AuditorFactory, Emit } from '../types';
import { bool, str } from '../values';

/** Earlier accounts kept per blocking key. */
export const MAX_PER_BLOCK = 50;

interface Account {
  block: string;
  id: string;
  externalId: string | null;
  name: string;
  tokens: readonly string[];
}

interface Earlier {
  account: Account;
  ids: TokenIds;
}

const SEPARATOR = '\u0001';
/** Tokens are words of letters and digits: this never occurs in one. */
const TOKEN_SEPARATOR = '\u0002';

/** An account as one string; the name goes last (it may hold anything). */
function pack(a: Account): string {
  return [a.block, a.id, a.externalId ?? '', a.tokens.join(TOKEN_SEPARATOR), a.name].join(SEPARATOR);
}

function unpack(packed: string): Account {
  const [block, id, externalId, tokens, ...name] = packed.split(SEPARATOR);
  return {
    block,
    id,
    externalId: externalId === '' ? null : externalId,
    tokens: tokens.split(TOKEN_SEPARATOR),
    name: name.join(SEPARATOR),
  };
}

export const possibleDuplicateAccounts: AuditorFactory = (context: AuditContext): Auditor => {
  const threshold = context.policy.dealRegistration.possibleDuplicateThreshold;
  const accounts = auditSpill(context);
  const names = new NameComparer(threshold);

  /** Compares an account with the earlier ones of its block and reports the best match. */
  const judge = (account: Account, earlier: Earlier[], emit: Emit): TokenIds => {
    const ids = names.idsOf(account.tokens);
    // The first of the best-scoring earlier names; only it needs the full explanation.
    let best: Earlier | null = null;
    let bestScore = 0;
    for (const other of earlier) {
      const score = names.possibleDuplicateScore(ids, other.ids);
      if (score !== null && (best === null || score > bestScore)) {
        best = other;
        bestScore = score;
      }
    }
    if (best !== null) {
      const other = best.account;
      const kept = other.externalId ?? other.id;
      const explanation = explainSimilarity(names.similarity(ids, best.ids));
      emit(
        'possible-duplicate-account',
        { object: 'Account', recordId: account.id, externalId: account.externalId },
        `"${account.name}" may duplicate "${other.name}" (${kept}): ${explanation}`,
        `Review it against ${kept} (${other.id}); merge when it is the same company.`,
      );
    }
    return ids;
  };

  return {
    checks: ['possible-duplicate-account'],
    objects: ['Account'],
    requires: ['Account'],
    onRecord(_objectName, record) {
      const id = str(record, 'Id');
      const name = str(record, 'Name');
      const tokens = companyTokensOf(name);
      if (id === null || name === null || tokens.length === 0) {
        return;
      }
      // The blocking key is the first token, by kind.
      const block = `${bool(record, 'Is_Partner__c') ? 'p' : 'c'}${tokens[0]}`;
      accounts.add(block, pack({ block, id, externalId: str(record, 'External_Id__c'), name, tokens }));
    },
    finish(emit) {
      // A block lies in one partition, its accounts in load order.
      for (const partition of accounts.drain()) {
        const blocks = new Map<string, Earlier[]>();
        for (const packed of partition) {
          const account = unpack(packed);
          const earlier = blocks.get(account.block) ?? [];
          const ids = judge(account, earlier, emit);
          if (earlier.length < MAX_PER_BLOCK) {
            earlier.push({ account, ids });
            blocks.set(account.block, earlier);
          }
        }
      }
    },
    dispose() {
      accounts.dispose();
    },
  };
};
