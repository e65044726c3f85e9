import { NrmDecisionOutcome, NrmSubmissionKind, PartnerCaseRecord, PartnerCode, PartnerConnector } from "../../../../connectors/partners";

/** Where a reader of Challenger's fact feeds has got to: Challenger's change-feed cursor (absent: from the beginning). */
export interface ChallengerFactsWatermark {
  cursor?: string;
}

/**
 * One NRM referral or Duty to Notify return Challenger made for a case: its
 * kind, when it was submitted, and the Competent Authority's decisions so
 * far (null while pending). The submission's own id is given only so that
 * insights can replace the fact when a decision arrives (insights keeps an
 * HMAC of it); no age group, consent, decision date, worker or note.
 */
export interface NrmSubmissionFeedFact {
  caseId: string;
  submissionId: string;
  kind: NrmSubmissionKind;
  submittedAt: Date;
  reasonableGrounds: NrmDecisionOutcome | null;
  conclusiveGrounds: NrmDecisionOutcome | null;
}

/** One stay in Challenger's place of safety: when it began and ended (null while it lasts), never where. */
export interface PlaceOfSafetyStayFeedFact {
  caseId: string;
  stayId: string;
  startedAt: Date;
  endedAt: Date | null;
}

export interface ChallengerFactsPage<F> {
  facts: F[];
  /** Pass back as `after` for the next page. */
  watermark: ChallengerFactsWatermark;
  hasMore: boolean;
}

/**
 * Challenger's modern-slavery facts for insights, read from its change feed
 * through its connector (the hub keeps no copy of partner records). A
 * changed record is given whole, so each of its submissions and stays comes
 * again as it now stands, and insights, keying facts by submission or stay,
 * replaces the one before. Only Challenger holds these, so when it does not
 * answer the page fails (SourceUnavailableError): the reader keeps its
 * watermark and the refresh says the source could not be read, rather than
 * finishing as if there were nothing new.
 */
export class ModernSlaveryFactsService {
  constructor(private readonly partners: ReadonlyMap<PartnerCode, PartnerConnector>) {}

  nrmSubmissionsChangedSince(after: ChallengerFactsWatermark | null, limit: number): Promise<ChallengerFactsPage<NrmSubmissionFeedFact>> {
    return this.read(after, limit, submissionsOf);
  }

  placeOfSafetyStaysChangedSince(after: ChallengerFactsWatermark | null, limit: number): Promise<ChallengerFactsPage<PlaceOfSafetyStayFeedFact>> {
    return this.read(after, limit, staysOf);
  }

  private async read<F>(after: ChallengerFactsWatermark | null, limit: number, factsOf: (record: PartnerCaseRecord) => F[]): Promise<ChallengerFactsPage<F>> {
    const challenger = this.partners.get(PartnerCode.CHALLENGER);
    // A hub configured without Challenger has no such facts to give.
    if (!challenger) return { facts: [], watermark: { ...after }, hasMore: false };
    // The connector gives at most its own page (100 records) whatever `limit` asks.
    const batch = await challenger.changesSince(after?.cursor ?? null, limit);
    return { facts: batch.items.flatMap(factsOf), watermark: { cursor: batch.cursor }, hasMore: batch.hasMore };
  }
}

const instant = (text: string): Date | null => {
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
};

function submissionsOf(record: PartnerCaseRecord): NrmSubmissionFeedFact[] {
  return (record.challenger?.nrmSubmissions ?? []).flatMap((s) => {
    const submittedAt = instant(s.submittedAt);
    if (!submittedAt) return [];
    return [
      {
        caseId: record.gmvsCaseId,
        submissionId: s.id,
        kind: s.kind,
        submittedAt,
        reasonableGrounds: s.reasonableGrounds?.decision ?? null,
        conclusiveGrounds: s.conclusiveGrounds?.decision ?? null,
      },
    ];
  });
}

function staysOf(record: PartnerCaseRecord): PlaceOfSafetyStayFeedFact[] {
  return (record.challenger?.placeOfSafetyStays ?? []).flatMap((s) => {
    const startedAt = instant(s.from);
    const endedAt = s.to === null ? null : instant(s.to);
    // A stay without a readable start, or one that ends before it begins, is not a stay to count.
    if (!startedAt || (s.to !== null && (!endedAt || endedAt < startedAt))) return [];
    return [{ caseId: record.gmvsCaseId, stayId: s.id, startedAt, endedAt }];
  });
}
