import { InvestigationUpdateKind } from "../../../../connectors/police/types";
import { PoliceEventKind } from "../victims-code/rules";
import { ContactPurpose } from "../contacts/contact.types";

/**
 * What each police update and GMVS event means for the victim, as data: the
 * Victims' Code event it starts (rules.ts) and what happens next in plain
 * words for the justice timeline. Edit the words here, nowhere else. The
 * texts are general guidance about the criminal justice process in England
 * and Wales, written for the victim; they promise nothing about one case.
 */

export interface PoliceUpdateMeaning {
  readonly title: string;
  /** The Victims' Code event this update starts the clock for; null where none. */
  readonly codeEvent: PoliceEventKind | null;
  readonly whatHappensNext: string;
}

export const POLICE_UPDATE_MEANINGS: Readonly<Record<InvestigationUpdateKind, PoliceUpdateMeaning>> = {
  [InvestigationUpdateKind.ARREST]: {
    title: "The suspect was arrested",
    codeEvent: PoliceEventKind.SUSPECT_ARRESTED,
    whatHappensNext: "The police will interview the suspect. They may then charge them, release them on bail with conditions, or release them while they keep investigating. You will be told what they decide.",
  },
  [InvestigationUpdateKind.INTERVIEWED_UNDER_CAUTION]: {
    title: "The suspect was interviewed",
    codeEvent: PoliceEventKind.SUSPECT_INTERVIEWED_UNDER_CAUTION,
    whatHappensNext: "The police will look at the evidence and decide whether to charge, to ask the Crown Prosecution Service, or to investigate further. You will be told what happens.",
  },
  [InvestigationUpdateKind.RELEASED_ON_BAIL_WITH_CONDITIONS]: {
    title: "The suspect was released on bail with conditions",
    codeEvent: PoliceEventKind.SUSPECT_RELEASED_ON_BAIL,
    whatHappensNext: "The suspect must keep to the bail conditions while the investigation continues. If they break them, call 999 in an emergency or tell your caseworker.",
  },
  [InvestigationUpdateKind.BAIL_CONDITIONS_CHANGED]: {
    title: "The suspect's bail conditions changed",
    codeEvent: PoliceEventKind.BAIL_CONDITIONS_CHANGED,
    whatHappensNext: "Your caseworker will explain the new conditions and check that your safety plan still fits them.",
  },
  [InvestigationUpdateKind.RELEASED_UNDER_INVESTIGATION]: {
    title: "The suspect was released while the police keep investigating",
    codeEvent: PoliceEventKind.SUSPECT_RELEASED_UNDER_INVESTIGATION,
    whatHappensNext: "There are no bail conditions, but the investigation goes on. You will be told when a decision is made. Tell the police if the suspect contacts you.",
  },
  [InvestigationUpdateKind.RELEASED_WITHOUT_CHARGE]: {
    title: "The suspect was released without charge",
    codeEvent: PoliceEventKind.SUSPECT_RELEASED_WITHOUT_CHARGE,
    whatHappensNext: "The suspect has not been charged and is not on bail. The police will tell you whether they are still investigating. Tell the police if the suspect contacts you.",
  },
  [InvestigationUpdateKind.DECISION_NOT_TO_INVESTIGATE]: {
    title: "The police decided not to investigate",
    codeEvent: PoliceEventKind.DECISION_NOT_TO_INVESTIGATE,
    whatHappensNext: "You can ask the police for the reasons. Support from GMVS carries on whatever the police decide, and you can tell them if anything new happens.",
  },
  [InvestigationUpdateKind.OUT_OF_COURT_DISPOSAL]: {
    title: "The suspect was dealt with outside court",
    codeEvent: PoliceEventKind.OUT_OF_COURT_DISPOSAL,
    whatHappensNext: "The police dealt with the suspect without a court case, for example with a caution. You can ask what it means and whether any conditions protect you.",
  },
  [InvestigationUpdateKind.CHARGED]: {
    title: "The suspect was charged",
    codeEvent: PoliceEventKind.SUSPECT_CHARGED,
    whatHappensNext: "The case goes to court. You will be told the date of the first hearing, and you can make a Victim Personal Statement about how the crime has affected you.",
  },
  [InvestigationUpdateKind.NO_FURTHER_ACTION]: {
    title: "No further action will be taken",
    codeEvent: PoliceEventKind.NO_FURTHER_ACTION,
    whatHappensNext: "You can ask for the reasons, and you may be able to ask for the decision to be reviewed. Support from GMVS carries on whatever the police decide.",
  },
  [InvestigationUpdateKind.COURT_HEARING]: {
    title: "A court hearing took place",
    codeEvent: PoliceEventKind.COURT_HEARING,
    whatHappensNext: "You will be told what happened at the hearing and the date of the next one. If you are a witness, the Witness Care Unit will help you prepare.",
  },
  [InvestigationUpdateKind.VERDICT]: {
    title: "The court reached a verdict",
    codeEvent: PoliceEventKind.VERDICT,
    whatHappensNext: "If the defendant was found guilty, the court will sentence them, sometimes on a later date. Your caseworker will explain what the verdict means for you.",
  },
  [InvestigationUpdateKind.SENTENCE]: {
    title: "The court passed sentence",
    codeEvent: PoliceEventKind.SENTENCE,
    whatHappensNext: "Your caseworker will explain the sentence and any order that protects you, and what support continues now the court case is over.",
  },
};

export interface GmvsEventMeaning {
  readonly title: string;
  readonly whatHappensNext: string;
}

/** GMVS's own events on the timeline. */
export enum GmvsTimelineEvent {
  CRIME_REPORTED = "CRIME_REPORTED",
  POLICE_REFERRAL_RECEIVED = "POLICE_REFERRAL_RECEIVED",
  SELF_REFERRAL_RECEIVED = "SELF_REFERRAL_RECEIVED",
  CASE_CLOSED = "CASE_CLOSED",
}

export const GMVS_EVENT_MEANINGS: Readonly<Record<GmvsTimelineEvent, GmvsEventMeaning>> = {
  [GmvsTimelineEvent.CRIME_REPORTED]: {
    title: "You reported the crime to the police",
    whatHappensNext: "The police pass your details to Greater Manchester Victims' Service within two working days, unless you asked them not to.",
  },
  [GmvsTimelineEvent.POLICE_REFERRAL_RECEIVED]: {
    title: "The police referred you to Greater Manchester Victims' Service",
    whatHappensNext: "A caseworker will contact you to ask what support you need.",
  },
  [GmvsTimelineEvent.SELF_REFERRAL_RECEIVED]: {
    title: "You asked Greater Manchester Victims' Service for support",
    whatHappensNext: "A caseworker will contact you to ask what support you need. You do not have to report the crime to the police to get support.",
  },
  [GmvsTimelineEvent.CASE_CLOSED]: {
    title: "Your case with Greater Manchester Victims' Service was closed",
    whatHappensNext: "You can contact GMVS again at any time if you need more support.",
  },
};

export const CONTACT_MEANINGS: Readonly<Record<ContactPurpose, GmvsEventMeaning>> = {
  [ContactPurpose.FIRST_CONTACT]: {
    title: "Your caseworker contacted you",
    whatHappensNext: "Your caseworker will assess what support you need with you.",
  },
  [ContactPurpose.NEEDS_ASSESSMENT]: {
    title: "Your caseworker assessed your needs with you",
    whatHappensNext: "Your caseworker will arrange the support you agreed and review it with you on the review date.",
  },
  [ContactPurpose.TOLD_OF_DECISION]: {
    title: "Your caseworker told you about a police or court decision",
    whatHappensNext: "Your caseworker will keep you informed of each further decision.",
  },
  [ContactPurpose.VPS_OFFERED]: {
    title: "You were offered the chance to make a Victim Personal Statement",
    whatHappensNext: "You can write or record how the crime has affected you, and say whether you want it read in court. You can make it or change it at any time before sentence.",
  },
  [ContactPurpose.VICTIM_CONTACT_SCHEME_REFERRAL]: {
    title: "You were referred to the Victim Contact Scheme",
    whatHappensNext: "A Victim Liaison Officer from the Probation Service will contact you. They can tell you about the offender's sentence and release, and you can say what conditions you want considered. You can opt in or out at any time.",
  },
  [ContactPurpose.PROGRESS_UPDATE]: {
    title: "Your caseworker updated you on your case",
    whatHappensNext: "Your caseworker will contact you again when there is news, or on the date you agreed.",
  },
  [ContactPurpose.SUPPORT_SESSION]: {
    title: "You had a support session",
    whatHappensNext: "Your support continues as agreed in your plan.",
  },
  [ContactPurpose.CLOSURE]: {
    title: "Your caseworker talked to you about closing your case",
    whatHappensNext: "You can contact GMVS again at any time if you need more support.",
  },
};
