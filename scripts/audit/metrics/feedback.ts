/**
 * Partner feedback figures: the net promoter score (the shared `netPromoterScore` rule), the
 * average score and the number of answers, overall, by program, by program and tier, and by
 * quarter (the shared `feedbackQuarter` of each answer's date) for the trend. Memory: eleven
 * counters per program, tier and quarter.
 */
import { feedbackCategory, feedbackQuarter, netPromoterScore } from '../rules';
import type { Metric, MetricCollector } from '../types';
import { formatNumber } from '../report/format';
import { key15, num, str } from '../values';

/** How many answers gave each score from 0 to 10. */
class ScoreTally {
  private readonly counts = new Array<number>(11).fill(0);
  responses = 0;
  private total = 0;

  add(score: number): void {
    this.counts[score] += 1;
    this.responses += 1;
    this.total += score;
  }

  /** The answers' net promoter score, through the shared rule. */
  netPromoterScore(): number | null {
    return netPromoterScore({ scores: this.counts.flatMap((n, score) => new Array<number>(n).fill(score)) }).score;
  }

  average(): number | null {
    return this.responses === 0 ? null : Math.round((10 * this.total) / this.responses) / 10;
  }
}

function tally(map: Map<string, ScoreTally>, key: string): ScoreTally {
  let found = map.get(key);
  if (!found) {
    found = new ScoreTally();
    map.set(key, found);
  }
  return found;
}

const byLabel = ([a]: [string, ScoreTally], [b]: [string, ScoreTally]): number => (a < b ? -1 : a > b ? 1 : 0);

function rows(map: Map<string, ScoreTally>): NonNullable<Metric['breakdown']> {
  return [...map.entries()].sort(byLabel).map(([label, scores]) => ({
    label,
    value: scores.netPromoterScore(),
    note: `${formatNumber(scores.responses)} responses, average ${String(scores.average())}`,
  }));
}

/** A score the shared rule accepts (a whole number from 0 to 10), else null: a malformed answer is left out. */
function scoreOf(value: number | null): number | null {
  if (value === null) {
    return null;
  }
  try {
    feedbackCategory({ score: value });
    return value;
  } catch {
    return null;
  }
}

export class FeedbackCollector implements MetricCollector {
  readonly objects = ['Partner_Program__c', 'Partner_Tier__c', 'Partner_Feedback__c'];
  private readonly programNames = new Map<string, string>();
  private readonly tierNames = new Map<string, string>();
  private readonly all = new ScoreTally();
  private readonly byProgram = new Map<string, ScoreTally>();
  private readonly byTier = new Map<string, ScoreTally>();
  private readonly byQuarter = new Map<string, ScoreTally>();
  private skipped = 0;

  onRecord(objectName: string, record: Parameters<MetricCollector['onRecord']>[1]): void {
    const id = key15(str(record, 'Id')) ?? '';
    if (objectName === 'Partner_Program__c') {
      this.programNames.set(id, str(record, 'Name') ?? id);
    } else if (objectName === 'Partner_Tier__c') {
      this.tierNames.set(id, str(record, 'Name') ?? id);
    } else if (objectName === 'Partner_Feedback__c') {
      this.answer(record);
    }
  }

  private answer(record: Parameters<MetricCollector['onRecord']>[1]): void {
    const score = scoreOf(num(record, 'Score__c'));
    const submittedOn = str(record, 'Submitted_On__c');
    if (score === null || submittedOn === null) {
      this.skipped += 1;
      return;
    }
    const program = key15(str(record, 'Program__c'));
    const tier = key15(str(record, 'Tier__c'));
    const programName = program === null ? 'No program' : (this.programNames.get(program) ?? program);
    const tierName = tier === null ? 'No tier' : (this.tierNames.get(tier) ?? tier);
    this.all.add(score);
    tally(this.byProgram, programName).add(score);
    tally(this.byTier, `${programName} · ${tierName}`).add(score);
    tally(this.byQuarter, feedbackQuarter({ date: submittedOn })).add(score);
  }

  finish(): Metric[] {
    const left = this.skipped > 0 ? ` ${this.skipped} answers without a 0–10 score or a date are left out.` : '';
    return [
      {
        id: 'feedback-nps-by-program',
        title: 'Partner feedback NPS by program',
        value: this.all.netPromoterScore(),
        unit: 'score',
        detail: `Net promoter score of ${formatNumber(this.all.responses)} pulse answers (promoters 9–10 minus detractors 0–6, % of answers), average score ${String(this.all.average())}; overall and per program.${left}`,
        breakdown: rows(this.byProgram),
      },
      {
        id: 'feedback-nps-by-tier',
        title: 'Partner feedback NPS by tier',
        value: this.all.netPromoterScore(),
        unit: 'score',
        detail: 'Net promoter score per program and the tier the partner held when it answered.',
        breakdown: rows(this.byTier),
      },
      {
        id: 'feedback-nps-by-quarter',
        title: 'Partner feedback NPS trend',
        value: this.all.netPromoterScore(),
        unit: 'score',
        detail: 'Net promoter score per calendar quarter of the answer (feedbackQuarter), oldest first.',
        breakdown: rows(this.byQuarter),
      },
      {
        id: 'feedback-average-score',
        title: 'Partner feedback average score',
        value: this.all.average(),
        unit: 'score',
        detail: `Average 0–10 score of ${formatNumber(this.all.responses)} answers, per program.`,
        breakdown: [...this.byProgram.entries()].sort(byLabel).map(([label, scores]) => ({
          label,
          value: scores.average(),
          note: `${formatNumber(scores.responses)} responses`,
        })),
      },
    ];
  }
}
