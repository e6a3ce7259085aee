/** UI texts of avhopparverksamhet (keys start with "av"). */
export const AVHOPP_TEXTS = {
  avNav: { sv: "Avhopparverksamhet", en: "Exit programme" },
  avHeading: { sv: "Avhopparverksamhet", en: "Exit programme" },
  avIntro: {
    sv: "Stöd till den som är 15–25 år och vill lämna kriminalitet eller ett kriminellt nätverk, även i kriminalvårdsanstalt eller häkte. Stegen: förfrågan, kartläggning med hot- och riskbedömning, överenskommelse, insatser, uppföljning och avslut.",
    en: "Support to someone aged 15–25 who wants to leave crime or a criminal network, also in prison or remand. The steps: request, mapping with a threat and risk assessment, agreement, interventions, follow-up and closing.",
  },
  avNone: { sv: "Ingen avhoppsprocess i ärendet.", en: "No exit process in the case." },
  avOpen: { sv: "Starta avhoppsprocess", en: "Start exit process" },
  avContactOn: { sv: "Förfrågan inkom", en: "Request received" },
  avChannel: { sv: "Kontaktväg", en: "Contact channel" },
  avCustody: { sv: "Vistelse", en: "Custody" },
  avBackground: { sv: "Förfrågan", en: "Request" },
  avProcess: { sv: "Avhoppsprocess", en: "Exit process" },
  avPhase: { sv: "Skede", en: "Stage" },
  avAgeAtStart: { sv: "Ålder vid förfrågan", en: "Age at the request" },
  avAdultNote: {
    sv: "Vuxen (18 år eller äldre): den unge samtycker själv, vårdnadshavare deltar inte.",
    en: "Adult (18 or older): the young person consents for themself; guardians take no part.",
  },
  avMinorNote: {
    sv: "Under 18 år: vårdnadshavarna ska godkänna överenskommelsen.",
    en: "Under 18: the guardians must agree to the agreement.",
  },
  avRisk: { sv: "Hot- och riskbedömning", en: "Threat and risk assessment" },
  avSteps: { sv: "Steg", en: "Steps" },
  avStep: { sv: "Steg", en: "Step" },
  avDay: { sv: "Datum", en: "Date" },
  avBy: { sv: "Registrerat av", en: "Recorded by" },
  avDetails: { sv: "Uppgifter", en: "Details" },
  avNextStep: { sv: "Nästa steg", en: "Next step" },
  avRecordStep: { sv: "Registrera steg", en: "Record step" },
  avSummary: { sv: "Sammanfattning", en: "Summary" },
  avGoals: { sv: "Mål i överenskommelsen", en: "Goals of the agreement" },
  avGuardiansAgreed: { sv: "Vårdnadshavarna har godkänt", en: "The guardians have agreed" },
  avInsats: { sv: "Insats", en: "Intervention" },
  avInsatser: { sv: "Insatser", en: "Interventions" },
  avDescription: { sv: "Beskrivning", en: "Description" },
  avFollowUp: { sv: "Uppföljning", en: "Follow-up" },
  avFollowUps: { sv: "Planerade uppföljningar", en: "Planned follow-ups" },
  avNoFollowUps: { sv: "Inga planerade uppföljningar.", en: "No planned follow-ups." },
  avDueOn: { sv: "Planerad dag", en: "Planned day" },
  avDoneOn: { sv: "Gjord", en: "Done" },
  avPurpose: { sv: "Syfte", en: "Purpose" },
  avPlanFollowUp: { sv: "Planera uppföljning", en: "Plan follow-up" },
  avProgress: { sv: "Utveckling", en: "Progress" },
  avEndReason: { sv: "Skäl för avslut", en: "Reason for closing" },
  avEnded: { sv: "Avslutad", en: "Closed" },
  avListTitle: { sv: "Avhopparverksamhet i distriktet", en: "Exit programme in the district" },
  avListIntro: {
    sv: "Pågående och avslutade avhoppsprocesser i dina distrikt, med vistelse och nästa uppföljning.",
    en: "Running and closed exit processes in your districts, with custody and the next follow-up.",
  },
  avStatus: { sv: "Status", en: "Status" },
  avStatusRunning: { sv: "Pågående", en: "Running" },
  avStatusEnded: { sv: "Avslutade", en: "Closed" },
  avStatusAll: { sv: "Alla", en: "All" },
  avAll: { sv: "Alla", en: "All" },
  avFilter: { sv: "Filtrera", en: "Filter" },
  avPerson: { sv: "Person", en: "Person" },
  avNextFollowUp: { sv: "Nästa uppföljning", en: "Next follow-up" },
  avNoProcesses: { sv: "Inga avhoppsprocesser.", en: "No exit processes." },
  avOpenCase: { sv: "Öppna ärendet", en: "Open the case" },
} as const;

type Labels = Record<string, { sv: string; en: string }>;

export const AV_CUSTODY_LABELS: Labels = {
  ingen: { sv: "Ej frihetsberövad", en: "At liberty" },
  anstalt: { sv: "Kriminalvårdsanstalt", en: "Prison" },
  hakte: { sv: "Häkte", en: "Remand" },
};
export const AV_CHANNEL_LABELS: Labels = {
  egen: { sv: "Den unge själv", en: "The young person" },
  polis: { sv: "Polisen", en: "Police" },
  kriminalvard: { sv: "Kriminalvården", en: "Prison and probation service" },
  socialtjanst: { sv: "Socialtjänsten", en: "Social services" },
  skola: { sv: "Skola", en: "School" },
  anhorig: { sv: "Anhörig", en: "Relative" },
  annan: { sv: "Annan", en: "Other" },
};
export const AV_PHASE_LABELS: Labels = {
  forfragan: { sv: "Förfrågan", en: "Request" },
  kartlagd: { sv: "Kartlagd", en: "Mapped" },
  overenskommelse: { sv: "Överenskommelse", en: "Agreement" },
  insatser: { sv: "Insatser", en: "Interventions" },
  avslutad: { sv: "Avslutad", en: "Closed" },
};
export const AV_STEP_LABELS: Labels = {
  kartlaggning: { sv: "Kartläggning och hot- och riskbedömning", en: "Mapping and threat and risk assessment" },
  overenskommelse: { sv: "Överenskommelse", en: "Agreement" },
  insats: { sv: "Insats", en: "Intervention" },
  uppfoljning: { sv: "Uppföljning", en: "Follow-up" },
  vistelse: { sv: "Ändrad vistelse", en: "Change of custody" },
  avslut: { sv: "Avslut", en: "Closing" },
};
export const AV_RISK_LABELS: Labels = {
  lag: { sv: "Låg", en: "Low" },
  medel: { sv: "Medel", en: "Medium" },
  hog: { sv: "Hög", en: "High" },
};
export const AV_INSATS_LABELS: Labels = {
  skyddat_boende: { sv: "Skyddat boende", en: "Protected housing" },
  ekonomiskt_stod: { sv: "Ekonomiskt stöd", en: "Financial support" },
  sysselsattning: { sv: "Sysselsättning", en: "Occupation" },
  stodsamtal: { sv: "Stödsamtal", en: "Support talks" },
  kontaktperson: { sv: "Kontaktperson", en: "Contact person" },
  missbruksvard: { sv: "Missbruksvård", en: "Substance abuse treatment" },
  skuldradgivning: { sv: "Skuldrådgivning", en: "Debt counselling" },
  annat: { sv: "Annat", en: "Other" },
};
export const AV_PROGRESS_LABELS: Labels = {
  battre: { sv: "Bättre", en: "Better" },
  oforandrat: { sv: "Oförändrat", en: "Unchanged" },
  samre: { sv: "Sämre", en: "Worse" },
};
export const AV_END_LABELS: Labels = {
  genomfort: { sv: "Genomfört", en: "Completed" },
  avbojt: { sv: "Den unge avböjde", en: "Declined by the young person" },
  avbrutet: { sv: "Avbrutet", en: "Discontinued" },
  aterfall: { sv: "Återfall i brott", en: "Reoffended" },
  flyttat: { sv: "Flyttat", en: "Moved" },
  overford: { sv: "Överfört till annan verksamhet", en: "Transferred" },
  annat: { sv: "Annat", en: "Other" },
};

export const avLabel = (labels: Labels, key: string, lang: "sv" | "en") => labels[key]?.[lang] ?? key;
