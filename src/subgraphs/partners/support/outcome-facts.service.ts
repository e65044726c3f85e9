import { SourceUnavailableError } from "../../../../connectors/contract";
import { OUTCOME_SCALE, OutcomeMeasureKind, PartnerCaseRecord, PartnerCode, PartnerConnector } from "../../../../connectors/partners";

/** Where a reader of the outcome fact feed has got to: each partner's change-feed cursor (absent: from the beginning). */
export interface PartnerFactsWatermark {
  cursors: Partial<Record<PartnerCode, string>>;
}

/**
 * One cope-and-recover outcome a partner measured for a case at least twice:
 * its first and latest scores (OUTCOME_SCALE, 1 worst to 5 best) and when
 * the latest was taken. No partner's own id, no worker, no note.
 */
export interface OutcomeFeedFact {
  caseId: string;
  partner: PartnerCode;
  measure: OutcomeMeasureKind;
  first: number;
  latest: number;
  measuredAt: Date;
}

export interface OutcomeFactsPage {
  facts: OutcomeFeedFact[];
  /** Pass back as `after` for the next page; a partner that did not answer keeps its cursor. */
  watermark: PartnerFactsWatermark;
  hasMore: boolean;
}

/**
 * The partners' cope-and-recover outcome facts for insights, read from each
 * partner's change feed through its connector (the hub keeps no copy of
 * partner records). A changed record is given whole, so each of its
 * outcomes comes again with its latest score; insights keys facts by case,
 * partner and outcome, so reading one again replaces it. A partner that does
 * not answer keeps its cursor and is read again next time; the others go on.
 */
export class OutcomeFactsService {
  constructor(private readonly partners: ReadonlyMap<PartnerCode, PartnerConnector>) {}

  async changedSince(after: PartnerFactsWatermark | null, limit: number): Promise<OutcomeFactsPage> {
    const cursors = { ...after?.cursors };
    const facts: OutcomeFeedFact[] = [];
    let hasMore = false;
    // Partners in a fixed order, so a page read again is the same page.
    for (const code of [...this.partners.keys()].sort()) {
      try {
        // Each connector gives at most its own page (100 records) whatever `limit` asks.
        const batch = await this.partners.get(code)!.changesSince(cursors[code] ?? null, limit);
        for (const record of batch.items) facts.push(...outcomesOf(record));
        cursors[code] = batch.cursor;
        hasMore ||= batch.hasMore;
      } catch (error) {
        if (!(error instanceof SourceUnavailableError)) throw error;
      }
    }
    return { facts, watermark: { cursors }, hasMore };
  }
}

/** Each outcome measured at least twice: a single score shows no change, so it is not a fact of recovery. */
function outcomesOf(record: PartnerCaseRecord): OutcomeFeedFact[] {
  const byMeasure = new Map<OutcomeMeasureKind, { value: number; at: Date }[]>();
  for (const o of record.outcomes) {
    const at = new Date(o.recordedAt);
    if (!Number.isInteger(o.value) || o.value < OUTCOME_SCALE.min || o.value > OUTCOME_SCALE.max || Number.isNaN(at.getTime())) continue;
    byMeasure.set(o.measure, [...(byMeasure.get(o.measure) ?? []), { value: o.value, at }]);
  }
  return [...byMeasure].flatMap(([measure, scores]) => {
    if (scores.length < 2) return [];
    const sorted = scores.sort((a, b) => a.at.getTime() - b.at.getTime());
    const last = sorted[sorted.length - 1]!;
    return [{ caseId: record.gmvsCaseId, partner: record.partner, measure, first: sorted[0]!.value, latest: last.value, measuredAt: last.at }];
  });
}
