import type { EvidenceStatus, InsatsKind, LegalForm, PreventionLevel, ProviderKind } from "./vocabulary";

/**
 * A catalogue entry: one kind of insats a district can grant or offer. The starter catalogue is a
 * default each district adjusts (provider, legal form and length vary between municipalities); the
 * evidence status follows Socialstyrelsen's guidance for children and young people with
 * behaviour problems / risk of crime.
 */
export interface CatalogueEntry {
  code: string;
  name: string;
  /** Swedish, one or two factual sentences. */
  description: string;
  kind: InsatsKind;
  providerKind: ProviderKind;
  targetAgeMin: number;
  targetAgeMax: number;
  preventionLevel: PreventionLevel;
  evidenceStatus: EvidenceStatus;
  legalForm: LegalForm;
  /** Socialstyrelsen's KSI (klassifikation av socialtjänstens insatser) code; null until verified. */
  ksiCode: string | null;
  typicalLengthMonths: number;
}

export const STARTER_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: "FFT",
    name: "Funktionell familjeterapi (FFT)",
    description:
      "Manualbaserad familjeterapi för ungdomar med normbrytande beteende och deras familjer. Arbetet sker i faser och syftar till att förbättra kommunikation och problemlösning i familjen.",
    kind: "oppenvard",
    providerKind: "egen_regi",
    targetAgeMin: 11,
    targetAgeMax: 18,
    preventionLevel: "indikerad",
    evidenceStatus: "rekommenderad",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 4,
  },
  {
    code: "MST",
    name: "Multisystemisk terapi (MST)",
    description:
      "Intensiv behandling i hemmet och närmiljön för ungdomar med allvarligt normbrytande beteende. Insatsen riktar sig till familjen, skolan, kamratgruppen och nätverket kring den unge.",
    kind: "oppenvard",
    providerKind: "egen_regi",
    targetAgeMin: 12,
    targetAgeMax: 17,
    preventionLevel: "indikerad",
    evidenceStatus: "rekommenderad",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 5,
  },
  {
    code: "BSFT",
    name: "Brief Strategic Family Therapy (BSFT)",
    description:
      "Korttidsinriktad strukturerad familjeterapi för ungdomar med normbrytande beteende eller missbruk. Behandlingen inriktas på att förändra samspelsmönster i familjen.",
    kind: "oppenvard",
    providerKind: "egen_regi",
    targetAgeMin: 12,
    targetAgeMax: 18,
    preventionLevel: "indikerad",
    evidenceStatus: "rekommenderad",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 4,
  },
  {
    code: "TFCO",
    name: "Treatment Foster Care Oregon (TFCO)",
    description:
      "Behandlingsfamiljehem med särskilt utbildade familjer och ett behandlingsteam kring den unge. Parallellt arbetar teamet med den unges egen familj inför hemflytten.",
    kind: "placering_familjehem",
    providerKind: "extern",
    targetAgeMin: 12,
    targetAgeMax: 17,
    preventionLevel: "indikerad",
    evidenceStatus: "rekommenderad",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 9,
  },
  {
    code: "KOMET",
    name: "Komet",
    description:
      "Föräldraprogram i grupp eller individuellt för föräldrar till barn med utagerande beteende. Programmet ger föräldrar verktyg för att minska konflikter och stärka relationen till barnet.",
    kind: "program",
    providerKind: "egen_regi",
    targetAgeMin: 3,
    targetAgeMax: 11,
    preventionLevel: "selektiv",
    evidenceStatus: "rekommenderad",
    legalForm: "service",
    ksiCode: null,
    typicalLengthMonths: 3,
  },
  {
    code: "ABC",
    name: "Alla barn i centrum (ABC)",
    description:
      "Kort föräldraprogram i grupp som syftar till att främja en positiv relation mellan förälder och barn. Programmet riktar sig till alla föräldrar och kräver ingen identifierad problematik.",
    kind: "program",
    providerKind: "egen_regi",
    targetAgeMin: 3,
    targetAgeMax: 12,
    preventionLevel: "universell",
    evidenceStatus: "lovande",
    legalForm: "service",
    ksiCode: null,
    typicalLengthMonths: 1,
  },
  {
    code: "COPE",
    name: "Cope",
    description:
      "Föräldraprogram i stor grupp där föräldrarna själva arbetar fram lösningar på vardagliga konfliktsituationer. Programmet riktar sig till föräldrar till barn med beteendeproblem.",
    kind: "program",
    providerKind: "egen_regi",
    targetAgeMin: 3,
    targetAgeMax: 12,
    preventionLevel: "selektiv",
    evidenceStatus: "rekommenderad",
    legalForm: "service",
    ksiCode: null,
    typicalLengthMonths: 3,
  },
  {
    code: "DOA",
    name: "De otroliga åren",
    description:
      "Föräldraprogram i grupp med filmade exempel och rollspel för föräldrar till barn med beteendeproblem. Programmet tränar positivt samspel och konsekventa gränser.",
    kind: "program",
    providerKind: "egen_regi",
    targetAgeMin: 3,
    targetAgeMax: 12,
    preventionLevel: "selektiv",
    evidenceStatus: "rekommenderad",
    legalForm: "service",
    ksiCode: null,
    typicalLengthMonths: 4,
  },
  {
    code: "TRIPLE_P",
    name: "Triple P",
    description:
      "Föräldrastöd i flera nivåer, från allmän information till individuell rådgivning och grupper. Insatsen anpassas efter hur omfattande barnets beteendeproblem är.",
    kind: "program",
    providerKind: "egen_regi",
    targetAgeMin: 2,
    targetAgeMax: 12,
    preventionLevel: "universell",
    evidenceStatus: "rekommenderad",
    legalForm: "service",
    ksiCode: null,
    typicalLengthMonths: 3,
  },
  {
    code: "SIG",
    name: "Sociala insatsgrupper (SIG)",
    description:
      "Samverkan mellan socialtjänst, polis, skola och andra aktörer kring unga som riskerar att fastna i kriminalitet. För varje ung person samordnas individuella insatser i en gemensam plan.",
    kind: "ovrigt",
    providerKind: "egen_regi",
    targetAgeMin: 13,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "service",
    ksiCode: null,
    typicalLengthMonths: 6,
  },
  {
    code: "KONTAKTPERSON",
    name: "Kontaktperson/kontaktfamilj",
    description:
      "En kontaktperson eller kontaktfamilj ger den unge regelbunden social kontakt och stöd i vardagen. Insatsen beviljas efter beslut om bistånd.",
    kind: "kontaktperson",
    providerKind: "egen_regi",
    targetAgeMin: 6,
    targetAgeMax: 20,
    preventionLevel: "selektiv",
    evidenceStatus: "saknar_evidens",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 12,
  },
  {
    code: "REPULSE",
    name: "RePULSE",
    description:
      "Strukturerat program för aggressionsreglering med träning i känslohantering, sociala färdigheter och moraliskt resonerande. Programmet ges individuellt eller i grupp.",
    kind: "program",
    providerKind: "egen_regi",
    targetAgeMin: 12,
    targetAgeMax: 18,
    preventionLevel: "indikerad",
    evidenceStatus: "lovande",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 3,
  },
  {
    code: "PA_RATT_VAG",
    name: "På rätt väg",
    description:
      "Lokalt stödprogram för äldre tonåringar och unga vuxna med risk för fortsatt brottslighet. Innehållet varierar mellan utförare och effekten är inte utvärderad.",
    kind: "program",
    providerKind: "egen_regi",
    targetAgeMin: 15,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 6,
  },
  {
    code: "FAMILJEBEHANDLING",
    name: "Familjebehandling",
    description:
      "Stöd och behandling till familjen i hemmet eller på mottagning, utformat efter familjens behov. Arbetssättet är inte knutet till en viss manual.",
    kind: "oppenvard",
    providerKind: "egen_regi",
    targetAgeMin: 0,
    targetAgeMax: 20,
    preventionLevel: "selektiv",
    evidenceStatus: "saknar_evidens",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 6,
  },
  {
    code: "PLACERING_HVB",
    name: "Placering på HVB",
    description:
      "Vård och boende utanför det egna hemmet på ett hem för vård eller boende. Placeringen kräver en vårdplan och övervägande minst var sjätte månad.",
    kind: "placering_hvb",
    providerKind: "extern",
    targetAgeMin: 12,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 6,
  },
  {
    code: "PLACERING_FAMILJEHEM",
    name: "Placering i familjehem",
    description:
      "Vård och boende i ett familjehem som nämnden har utrett och godkänt. Placeringen kräver en vårdplan och övervägande minst var sjätte månad.",
    kind: "placering_familjehem",
    providerKind: "egen_regi",
    targetAgeMin: 0,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 24,
  },
  {
    code: "PLACERING_SIS",
    name: "Placering på SiS särskilda ungdomshem",
    description:
      "Vård på ett särskilt ungdomshem som drivs av Statens institutionsstyrelse, oftast med stöd av LVU. Placeringen kräver en vårdplan och övervägande minst var sjätte månad.",
    kind: "placering_sis",
    providerKind: "extern",
    targetAgeMin: 12,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 6,
  },
  {
    code: "OPPENVARD_KBT",
    name: "Öppenvård individuell (KBT-baserad färdighetsträning)",
    description:
      "Individuell färdighetsträning med kognitiv beteendeterapeutisk grund, till exempel i problemlösning och impulskontroll. Insatsen ges i öppenvård till ungdomar med normbrytande beteende.",
    kind: "oppenvard",
    providerKind: "egen_regi",
    targetAgeMin: 12,
    targetAgeMax: 17,
    preventionLevel: "indikerad",
    evidenceStatus: "rekommenderad",
    legalForm: "bistand",
    ksiCode: null,
    typicalLengthMonths: 4,
  },
  {
    code: "SCARED_STRAIGHT",
    name: "Scared Straight-liknande program",
    description:
      "Program där unga konfronteras med fängelsemiljö eller intagna för att avskräcka från brott. Socialstyrelsen avråder från sådana program eftersom de kan öka brottsligheten.",
    kind: "program",
    providerKind: "extern",
    targetAgeMin: 12,
    targetAgeMax: 17,
    preventionLevel: "selektiv",
    evidenceStatus: "avrads",
    legalForm: "service",
    ksiCode: null,
    typicalLengthMonths: 1,
  },
  // Care under LVU (lag (1990:52) med särskilda bestämmelser om vård av unga): the nämnd decides
  // how and where the young person is placed (11 §); SiS runs the särskilda ungdomshem (12 §).
  {
    code: "LVU_HVB",
    name: "Placering på HVB enligt LVU",
    description:
      "Vård utanför hemmet på hem för vård eller boende med stöd av LVU. Nämnden beslutar om placeringen (11 § LVU) och överväger eller prövar vården var sjätte månad (13 § LVU).",
    kind: "placering_hvb",
    providerKind: "extern",
    targetAgeMin: 12,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "lvu",
    ksiCode: null,
    typicalLengthMonths: 8,
  },
  {
    code: "LVU_SIS",
    name: "Placering på SiS särskilda ungdomshem enligt LVU",
    description:
      "Vård på ett särskilt ungdomshem som Statens institutionsstyrelse driver, för unga som behöver stå under särskilt noggrann tillsyn (12 § LVU). Placeringen beslutas av nämnden (11 § LVU).",
    kind: "placering_sis",
    providerKind: "extern",
    targetAgeMin: 12,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "lvu",
    ksiCode: null,
    typicalLengthMonths: 7,
  },
  {
    code: "LVU_FAMILJEHEM",
    name: "Placering i familjehem enligt LVU",
    description:
      "Vård i ett familjehem med stöd av LVU. Nämnden beslutar om placeringen (11 § LVU) och överväger vården var sjätte månad (13 § LVU).",
    kind: "placering_familjehem",
    providerKind: "egen_regi",
    targetAgeMin: 0,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "lvu",
    ksiCode: null,
    typicalLengthMonths: 18,
  },
  // Påföljder for young offenders that the socialnämnd carries out (brottsbalken 32 kap.).
  {
    code: "UNGDOMSVARD",
    name: "Ungdomsvård",
    description:
      "Påföljd för den som är under 21 år och har ett särskilt behov av vård eller annan åtgärd enligt SoL eller LVU (BrB 32 kap. 1 §). Vården följer ett ungdomskontrakt (SoL) eller en vårdplan (LVU) som nämnden upprättat.",
    kind: "ungdomsvard",
    providerKind: "egen_regi",
    targetAgeMin: 15,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "pafoljd",
    ksiCode: null,
    typicalLengthMonths: 6,
  },
  {
    code: "UNGDOMSTJANST",
    name: "Ungdomstjänst",
    description:
      "Påföljd för den som är under 21 år: oavlönat arbete och annan särskilt anordnad verksamhet i lägst 20 och högst 150 timmar (BrB 32 kap. 2 §), som socialnämnden verkställer.",
    kind: "ungdomstjanst",
    providerKind: "egen_regi",
    targetAgeMin: 15,
    targetAgeMax: 20,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "pafoljd",
    ksiCode: null,
    typicalLengthMonths: 3,
  },
  {
    code: "UNGDOMSOVERVAKNING",
    name: "Ungdomsövervakning",
    description:
      "Påföljd för den som begått brott före 18 års ålder, i lägst sex månader och högst ett år (BrB 32 kap. 3 a §), med möten med en koordinator och elektroniskt kontrollerade inskränkningar i rörelsefriheten.",
    kind: "ungdomsovervakning",
    providerKind: "egen_regi",
    targetAgeMin: 15,
    targetAgeMax: 18,
    preventionLevel: "indikerad",
    evidenceStatus: "saknar_evidens",
    legalForm: "pafoljd",
    ksiCode: null,
    typicalLengthMonths: 9,
  },
];

/** The starter entry with this code, if any. */
export function starterEntry(code: string): CatalogueEntry | undefined {
  return STARTER_CATALOGUE.find((e) => e.code === code);
}
