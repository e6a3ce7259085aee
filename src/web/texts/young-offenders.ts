import type { Lang } from "../i18n";

type Labels = Record<string, { sv: string; en: string }>;

/** UI texts of LUL yttranden, LVU and their figures (keys start with "yo"). */
export const YOUNG_OFFENDER_TEXTS = {
  yoLulHeading: { sv: "Yttranden (LUL)", en: "Statements (LUL)" },
  yoLulIntro: {
    sv: "Begäran om yttrande från åklagare eller förundersökningsledare (11 § LUL) eller domstol (28 § LUL). Sista dag sätts av den som begär yttrandet och flyttas inte.",
    en: "Requests for a statement from the prosecutor or head of the preliminary investigation (LUL 11 §) or the court (LUL 28 §). The requester sets the due day; it is not moved.",
  },
  yoNoYttranden: { sv: "Ingen begäran om yttrande.", en: "No request for a statement." },
  yoNewRequest: { sv: "Registrera begäran om yttrande", en: "Register a request for a statement" },
  yoRequester: { sv: "Begärt av", en: "Requested by" },
  yoReference: { sv: "Den begärandes referens (diarie- eller målnummer)", en: "The requester's reference" },
  yoOffence: { sv: "Misstänkt brott (kategori)", en: "Suspected offence (category)" },
  yoAskedOn: { sv: "Begärt den", en: "Requested on" },
  yoDueOn: { sv: "Ska lämnas senast", en: "Due by" },
  yoRegister: { sv: "Registrera", en: "Register" },
  yoYttrande: { sv: "Yttrande", en: "Statement" },
  yoLegalBasis: { sv: "Lagrum", en: "Legal basis" },
  yoStatus: { sv: "Status", en: "Status" },
  yoPreviousMeasures: { sv: "Tidigare åtgärder", en: "Earlier measures" },
  yoNeedAssessment: { sv: "Bedömning av särskilt behov av åtgärder", en: "Assessment of a special need of measures" },
  yoPlannedMeasures: { sv: "Planerade åtgärder", en: "Planned measures" },
  yoYoungPersonsView: { sv: "Den unges och vårdnadshavarnas inställning", en: "The young person's and guardians' view" },
  yoProposedMeasure: { sv: "Föreslagen åtgärd", en: "Proposed measure" },
  yoReferences: { sv: "Underlag ur ärendet (hänvisning)", en: "Parts of the case drawn on (by reference)" },
  yoWrite: { sv: "Spara yttrandet", en: "Save the statement" },
  yoWriteHeading: { sv: "Skriv yttrandet", en: "Write the statement" },
  yoSignHeading: { sv: "Signera (beslut enligt delegationsordningen)", en: "Sign (decision under the delegation)" },
  yoSign: { sv: "Signera", en: "Sign" },
  yoSignedBy: { sv: "Signerat av", en: "Signed by" },
  yoSentOn: { sv: "Skickat den", en: "Sent on" },
  yoSendHeading: { sv: "Registrera att yttrandet skickats", en: "Record that the statement was sent" },
  yoSend: { sv: "Registrera skickat", en: "Record as sent" },
  yoLvuHeading: { sv: "LVU", en: "LVU (compulsory care)" },
  yoLvuIntro: {
    sv: "Varje steg kontrolleras mot lagen (1990:52): omedelbart omhändertagande (6 §), underställning inom en vecka (7 §), ansökan inom fyra veckor från verkställigheten (8 §), övervägande/prövning var sjätte månad (13 §) och upphörande (21 §). En sista dag på lördag, söndag, helgdag, midsommar-, jul- eller nyårsafton flyttas till nästa vardag (lag 1930:173, 2 §).",
    en: "Every step is checked against the law (1990:52): immediate custody (6 §), submission within a week (7 §), application within four weeks of carrying it out (8 §), review every six months (13 §) and ending care (21 §). A last day on a weekend, holiday or named eve moves to the next weekday (1930:173, 2 §).",
  },
  yoNoLvu: { sv: "Ingen LVU-process.", en: "No LVU process." },
  yoOpenLvu: { sv: "Inled LVU-process", en: "Open an LVU process" },
  yoGrounds: { sv: "Grund", en: "Ground" },
  yoBehaviours: { sv: "Beteende (3 §)", en: "Behaviour (3 §)" },
  yoProcess: { sv: "LVU-process", en: "LVU process" },
  yoPhase: { sv: "Läge", en: "Stage" },
  yoOpenedAt: { sv: "Inledd", en: "Opened" },
  yoClocks: { sv: "Frister", en: "Time limits" },
  yoClock: { sv: "Frist", en: "Time limit" },
  yoSection: { sv: "Lagrum", en: "Section" },
  yoDue: { sv: "Sista dag", en: "Last day" },
  yoState: { sv: "Läge", en: "State" },
  yoMoved: { sv: "flyttad från {nominal} (1930:173 2 §)", en: "moved from {nominal} (1930:173 2 §)" },
  yoStopped: { sv: "Löper inte längre", en: "No longer running" },
  yoOmhEnded: { sv: "Omhändertagandet upphörde {date}", en: "The custody ended on {date}" },
  yoUrgent: {
    sv: "Brådskande beslut som ska anmälas vid nämndens nästa sammanträde",
    en: "Urgent decisions to report at the board's next meeting",
  },
  yoNotReported: { sv: "Ej anmält", en: "Not reported" },
  yoReportedOn: { sv: "Anmält", en: "Reported" },
  yoSteps: { sv: "Registrerade steg", en: "Recorded steps" },
  yoNoSteps: { sv: "Inga steg registrerade.", en: "No steps recorded." },
  yoStep: { sv: "Steg", en: "Step" },
  yoDate: { sv: "Datum", en: "Date" },
  yoRecordedBy: { sv: "Registrerat av", en: "Recorded by" },
  yoNextStep: { sv: "Registrera nästa steg", en: "Record the next step" },
  yoRecord: { sv: "Registrera steget", en: "Record the step" },
  yoDecidedAt: { sv: "Beslutad", en: "Decided" },
  yoMaker: { sv: "Beslutsfattare", en: "Decision maker" },
  yoMemberName: { sv: "Ordförandens eller ledamotens namn", en: "The chair's or member's name" },
  yoParagraph: { sv: "Protokollsparagraf", en: "Minutes paragraph" },
  yoSubmittedOn: { sv: "Inkom till förvaltningsrätten", en: "Received by the court" },
  yoUntil: { sv: "Ny sista dag enligt rättens beslut", en: "New last day set by the court" },
  yoOutcome: { sv: "Utfall", en: "Outcome" },
  yoPlacementForm: { sv: "Placeringsform", en: "Placement" },
  yoPlace: { sv: "Hem eller institution", en: "Home or institution" },
  yoFrom: { sv: "Från", en: "From" },
  yoReviewForm: { sv: "Form", en: "Form" },
  yoDecisionSeq: { sv: "Beslut som anmäls", en: "Decision reported" },
  yoGrantedGrounds: { sv: "Grund som rätten biföll", en: "Ground granted" },
  yoReasonText: { sv: "Skäl", en: "Reasons" },
  yoReviews: { sv: "Övervägande och prövning (13 §)", en: "Reviews (13 §)" },
  yoInTime: { sv: "I tid", en: "In time" },
  yoLate: { sv: "För sent", en: "Late" },
  yoNavReport: { sv: "Ungdomsmål och LVU", en: "Young offenders and LVU" },
  yoReportTitle: { sv: "Yttranden (LUL) och LVU – nämndens siffror", en: "Statements (LUL) and LVU – the board's figures" },
  yoReportIntro: {
    sv: "Begärda yttranden per kön, ålder och begärande; om yttranden lämnats i tid; omedelbara omhändertaganden och om fristerna i 7 § och 8 § LVU hölls. Alla siffror har röjandeskydd.",
    en: "Statements requested by gender, age and requester; whether they were given in time; immediate custody and whether the LVU 7 § and 8 § time limits were kept. Every figure is disclosure controlled.",
  },
  yoShow: { sv: "Visa", en: "Show" },
  yoRequested: { sv: "Begärda yttranden", en: "Statements requested" },
  yoDueInPeriod: { sv: "Yttranden med sista dag under perioden", en: "Statements due in the period" },
  yoByAge: { sv: "Begärda yttranden per åldersgrupp", en: "Statements requested by age group" },
  yoByRequester: { sv: "Begärda yttranden per begärande", en: "Statements requested by requester" },
  yoTimeliness: { sv: "Yttranden lämnade i tid", en: "Statements given in time" },
  yoOmedelbara: { sv: "Omedelbara omhändertaganden (6 § LVU)", en: "Immediate custody (LVU 6 §)" },
  yoUnderstallning: { sv: "Underställning inom en vecka (7 § LVU)", en: "Submission within a week (LVU 7 §)" },
  yoAnsokan: { sv: "Ansökan inom fyra veckor (8 § LVU)", en: "Application within four weeks (LVU 8 §)" },
  yoLapsed: {
    sv: "Omhändertaganden som upphört efter missad frist (7 §, 9 §)",
    en: "Custody lapsed after a missed time limit (7 §, 9 §)",
  },
  yoAll: { sv: "Alla", en: "All" },
  yoOther: { sv: "Övriga", en: "Other" },
  yoCount: { sv: "Antal", en: "Count" },
  yoWithin: { sv: "I tid", en: "In time" },
  yoLateCol: { sv: "Sent", en: "Late" },
  yoOverdue: { sv: "Ej gjort, tiden ute", en: "Not done, time run out" },
  yoPending: { sv: "Pågår", en: "Running" },
  yoShare: { sv: "Andel i tid", en: "Share in time" },
  yoGroup: { sv: "Grupp", en: "Group" },
} as const;

export const REQUESTER_LABELS: Labels = {
  aklagare: { sv: "Åklagare", en: "Prosecutor" },
  polis: { sv: "Förundersökningsledare (polis)", en: "Head of preliminary investigation (police)" },
  domstol: { sv: "Domstol", en: "Court" },
};
export const OFFENCE_LABELS: Labels = {
  vald_mot_person: { sv: "Våld mot person", en: "Violence against a person" },
  hot_ofredande: { sv: "Hot eller ofredande", en: "Threats or harassment" },
  ran: { sv: "Rån", en: "Robbery" },
  stold_snatteri: { sv: "Stöld eller snatteri", en: "Theft or shoplifting" },
  inbrott: { sv: "Inbrott", en: "Burglary" },
  skadegorelse: { sv: "Skadegörelse", en: "Criminal damage" },
  narkotika: { sv: "Narkotikabrott", en: "Drug offence" },
  vapen: { sv: "Vapenbrott", en: "Weapons offence" },
  sexualbrott: { sv: "Sexualbrott", en: "Sexual offence" },
  bedrageri: { sv: "Bedrägeri", en: "Fraud" },
  trafik: { sv: "Trafikbrott", en: "Traffic offence" },
  annat: { sv: "Annat", en: "Other" },
};
export const MEASURE_LABELS: Labels = {
  ungdomsvard_ungdomskontrakt: { sv: "Ungdomsvård med ungdomskontrakt (SoL)", en: "Youth care with a youth contract (SoL)" },
  ungdomsvard_vardplan: { sv: "Ungdomsvård med vårdplan (LVU)", en: "Youth care with a care plan (LVU)" },
  ungdomstjanst: { sv: "Ungdomstjänst", en: "Youth service" },
  ungdomsvard_och_ungdomstjanst: { sv: "Ungdomsvård och ungdomstjänst", en: "Youth care and youth service" },
  inget_sarskilt_behov: { sv: "Inget särskilt behov av åtgärder", en: "No special need of measures" },
  annan_atgard: { sv: "Annan åtgärd", en: "Other measure" },
};
export const YTTRANDE_STATUS_LABELS: Labels = {
  requested: { sv: "Begärt", en: "Requested" },
  signed: { sv: "Signerat", en: "Signed" },
  sent: { sv: "Skickat", en: "Sent" },
};
export const GROUND_LABELS: Labels = {
  "2": { sv: "2 § LVU (förhållanden i hemmet)", en: "LVU 2 § (home environment)" },
  "3": { sv: "3 § LVU (eget beteende)", en: "LVU 3 § (own behaviour)" },
};
export const BEHAVIOUR_LABELS: Labels = {
  missbruk: { sv: "Missbruk", en: "Substance abuse" },
  brottslig_verksamhet: { sv: "Brottslig verksamhet", en: "Criminal activity" },
  annat_socialt_nedbrytande: { sv: "Annat socialt nedbrytande beteende", en: "Other socially destructive behaviour" },
};
export const PHASE_LABELS: Labels = {
  inledd: { sv: "Inledd", en: "Opened" },
  omhandertagen: { sv: "Omedelbart omhändertagen", en: "In immediate custody" },
  ansokan: { sv: "Ansökan hos förvaltningsrätten", en: "Application before the court" },
  vard: { sv: "Vård enligt LVU pågår", en: "Care under LVU" },
  avslutad: { sv: "Avslutad", en: "Ended" },
};
export const STEP_LABELS: Labels = {
  omedelbart_beslut: { sv: "Beslut om omedelbart omhändertagande (6 §)", en: "Decision on immediate custody (6 §)" },
  verkstallt: { sv: "Omhändertagandet verkställt", en: "Custody carried out" },
  anmalt_till_namnd: { sv: "Brådskande beslut anmält till nämnden", en: "Urgent decision reported to the board" },
  understalld: { sv: "Underställt förvaltningsrätten (7 §)", en: "Submitted to the court (7 §)" },
  understallning_provad: { sv: "Rättens beslut om underställningen", en: "The court's decision on the submission" },
  ansokningstid_forlangd: { sv: "Rätten förlängde tiden för ansökan (8 §)", en: "The court extended the time to apply (8 §)" },
  ansokan: { sv: "Ansökan om vård (4 §, 8 §)", en: "Application for care (4 §, 8 §)" },
  dom: { sv: "Förvaltningsrättens dom", en: "The court's judgment" },
  laga_kraft: { sv: "Domen vann laga kraft", en: "The judgment gained legal force" },
  vard_paborjad: { sv: "Vården påbörjad (5 §)", en: "Care begun (5 §)" },
  placering: { sv: "Placering (11 §)", en: "Placement (11 §)" },
  vardplan: { sv: "Vårdplan upprättad", en: "Care plan drawn up" },
  overvagande: { sv: "Övervägande eller prövning (13 §)", en: "Review (13 §)" },
  upphorande: { sv: "Vården upphör (21 §)", en: "Care ends (21 §)" },
  avslutad: { sv: "Processen avslutad", en: "Process closed" },
};
export const MAKER_LABELS: Labels = {
  namnd: { sv: "Nämnden eller dess utskott (sammanträde)", en: "The board or its committee (meeting)" },
  ordforande: { sv: "Ordföranden (brådskande)", en: "The chair (urgent)" },
  ledamot: { sv: "Förordnad ledamot (brådskande)", en: "An appointed member (urgent)" },
  tjansteman: { sv: "Tjänsteman enligt delegationsordningen", en: "Staff under the delegation" },
};
export const OUTCOME_LABELS: Labels = {
  faststallt: { sv: "Fastställt", en: "Confirmed" },
  upphavt: { sv: "Upphävt", en: "Revoked" },
  bifall: { sv: "Bifall", en: "Granted" },
  avslag: { sv: "Avslag", en: "Refused" },
  fortsatt: { sv: "Vården fortsätter", en: "Care continues" },
  upphora: { sv: "Vården ska upphöra", en: "Care shall end" },
};
export const PLACEMENT_LABELS: Labels = {
  familjehem: { sv: "Familjehem", en: "Foster home" },
  jourhem: { sv: "Jourhem", en: "Emergency foster home" },
  hvb: { sv: "HVB", en: "Residential care home (HVB)" },
  sis: { sv: "SiS särskilt ungdomshem", en: "SiS special youth home" },
  stodboende: { sv: "Stödboende", en: "Supported housing" },
  hemmet: { sv: "I det egna hemmet", en: "In the own home" },
};
export const REVIEW_FORM_LABELS: Labels = {
  overvagande: { sv: "Övervägande (13 § första stycket, vård enligt 2 §)", en: "Consideration (13 § 1st para, care under 2 §)" },
  provning: { sv: "Prövning (13 § andra stycket, vård enligt 3 §)", en: "Trial (13 § 2nd para, care under 3 §)" },
};
export const END_REASON_LABELS: Labels = {
  lapsed_7: { sv: "ej underställt i tid (7 §)", en: "not submitted in time (7 §)" },
  lapsed_9: { sv: "ingen ansökan i tid (9 §)", en: "no application in time (9 §)" },
  upphavt: { sv: "upphävt av förvaltningsrätten", en: "revoked by the court" },
  dom: { sv: "rätten avgjorde frågan om vård (9 §)", en: "the court decided on care (9 §)" },
  avslutad: { sv: "processen avslutades", en: "the process was closed" },
  care_ended: { sv: "vården har upphört", en: "care has ended" },
};

export function yoLabel(labels: Labels, key: string, lang: Lang): string {
  return labels[key]?.[lang] ?? key;
}
