import { scheduleVictimsCodeClock, VictimsCodeClock } from "./victims-code/clock";
import { GovernanceWrites } from "../../policy/governance-commands";
import { and, or } from "graphql-shield";
import { OrganisationCode } from "../../platform/domain";
import { buildFederatedSchema } from "../../platform/federation";
import { Role } from "../../platform/principal";
import { authenticated, guardSchema, organisationIs, roleIs } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { CaseRecord } from "./cases/case.entity";
import { EnhancedRightsRecord } from "./cases/enhanced-rights.entity";
import { EnhancedRightsJudgement } from "./cases/enhanced-rights.types";
import { CaseResolver } from "./cases/case.resolver";
import { CaseService } from "./cases/case.service";
import { Case, CrimeReference } from "./cases/case.types";
import { VictimsCodeCompliance, VictimsCodeDueItem, VictimsCodeDuePage, VictimsCodeEntitlement } from "./compliance/compliance.types";
import { DueResolver } from "./compliance/due.resolver";
import { ContactRecord } from "./contacts/contact.entity";
import { ContactResolver } from "./contacts/contact.resolver";
import { ContactService } from "./contacts/contact.service";
import { Contact, VictimInformedReceipt } from "./contacts/contact.types";
import { VictimInformedRecord } from "./contacts/victim-informed.entity";
import { createVictimsContext, VictimsContext, VictimsServices } from "./context";
import { CaseFactsService } from "./facts/facts.service";
import { serveCaseFacts } from "./facts/feed.routes";
import { IntakeResolver } from "./intake/intake.resolver";
import { IntakeService } from "./intake/intake.service";
import { PoliceReferralReceipt, SelfReferralResult, VictimMatchCandidate } from "./intake/intake.types";
import { MatchCandidateRecord } from "./intake/match-candidate.entity";
import { NeedsAssessmentRecord } from "./needs/needs.entity";
import { NeedsResolver } from "./needs/needs.resolver";
import { NeedsService } from "./needs/needs.service";
import { NeedsAssessment } from "./needs/needs.types";
import { VictimRecord } from "./people/victim.entity";
import { VictimService } from "./people/victim.service";
import { Victim } from "./people/victim.types";
import { seedVictims } from "./seed";
import { SurveyResponseRecord } from "./survey/survey.entity";
import { SurveyResolver } from "./survey/survey.resolver";
import { SurveyService } from "./survey/survey.service";
import { SurveyResponse, SurveyRightScore } from "./survey/survey.types";
import { GmvsTimelineEntry, PoliceTimelineEntry } from "./timeline/timeline.types";

/** GMVS staff who work cases: caseworkers and supervisors. */
const gmvsCaseWork = and(organisationIs(OrganisationCode.GMVS), roleIs(Role.CASEWORKER, Role.SUPERVISOR));
/** Partner staff who work cases: caseworkers and supervisors. */
const partnerCaseWork = and(organisationIs(OrganisationCode.PANKHURST, OrganisationCode.HOURGLASS, OrganisationCode.CHALLENGER), roleIs(Role.CASEWORKER, Role.SUPERVISOR));
/** GMP staff who work cases: caseworkers and supervisors. */
const gmpCaseWork = and(organisationIs(OrganisationCode.GMP), roleIs(Role.CASEWORKER, Role.SUPERVISOR));

export const victims: SubgraphModule<VictimsServices, VictimsContext> = {
  name: "victims",
  entities: [CaseRecord, EnhancedRightsRecord, VictimRecord, NeedsAssessmentRecord, ContactRecord, VictimInformedRecord, SurveyResponseRecord, MatchCandidateRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<VictimsContext>(
        { resolvers: [CaseResolver, IntakeResolver, NeedsResolver, ContactResolver, SurveyResolver, DueResolver], orphanedTypes: [PoliceTimelineEntry, GmvsTimelineEntry] },
        {
          Case: { __resolveReference: (reference, ctx) => ctx.loaders.caseById.load(String(reference.id)) },
        },
      ),
      [
        Case,
        EnhancedRightsJudgement,
        CrimeReference,
        Victim,
        NeedsAssessment,
        Contact,
        SurveyResponse,
        SurveyRightScore,
        VictimsCodeCompliance,
        VictimsCodeEntitlement,
        VictimsCodeDueItem,
        VictimsCodeDuePage,
        PoliceTimelineEntry,
        GmvsTimelineEntry,
        PoliceReferralReceipt,
        VictimInformedReceipt,
        SelfReferralResult,
        VictimMatchCandidate,
      ],
      {
        Query: {
          case: authenticated,
          cases: organisationIs(OrganisationCode.GMVS),
          victimMatchCandidates: gmvsCaseWork,
          victimsCodeDue: gmvsCaseWork,
        },
        Mutation: {
          // GMP passes a victim's details on (Victims' Code Right 4); only GMP staff make police referrals.
          receivePoliceReferral: gmpCaseWork,
          selfRefer: gmvsCaseWork,
          confirmVictimMatch: gmvsCaseWork,
          rejectVictimMatch: gmvsCaseWork,
          updateCaseFile: gmvsCaseWork,
          recordEnhancedRights: gmvsCaseWork,
          closeCase: gmvsCaseWork,
          reopenCase: gmvsCaseWork,
          recordNeedsAssessment: gmvsCaseWork,
          recordContact: gmvsCaseWork,
          // GMP, the duty holder for Right 6, records that it told its victim of its own decisions; so may a partner
          // whose agreement with GMP and the victim's consent let it see the decision (checked by the resolver).
          recordVictimInformed: or(gmpCaseWork, partnerCaseWork),
          recordSurveyResponse: gmvsCaseWork,
        },
      },
    ),
  createServices: (db, sources, config, governance) => {
    const clock = () => new Date();
    const ds = db.dataSource;
    const writes = new GovernanceWrites(governance, "victims");
    const cases = new CaseService(ds, clock, writes);
    const victims = new VictimService(ds);
    const contacts = new ContactService(ds, clock, writes);
    const surveys = new SurveyService(ds, clock, writes);
    return {
      cases,
      victims,
      intake: new IntakeService(ds, clock, writes),
      needs: new NeedsService(ds, clock, writes),
      contacts,
      surveys,
      police: sources.police,
      facts: new CaseFactsService(cases, victims, contacts, surveys, sources.police, clock),
      clock,
      victimsCode: new VictimsCodeClock(ds, { cases, contacts, police: sources.police, clock }),
      victimsCodeClockMs: config.victimsCodeClockMs,
    };
  },
  startBackground: (services, logger) => scheduleVictimsCodeClock(services.victimsCode, services.victimsCodeClockMs, logger),
  routes: (app, services, { serviceKey, logger }) => serveCaseFacts(app, services.facts, serviceKey, logger),
  outbox: "victims",
  createContext: createVictimsContext,
  seed: seedVictims,
};
