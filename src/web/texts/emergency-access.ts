type Labels = Record<string, { sv: string; en: string }>;

/** UI texts of nödåtkomst (emergency access) and its review (keys start with "ea"). */
export const EMERGENCY_ACCESS_TEXTS = {
  eaNav: { sv: "Nödåtkomst", en: "Emergency access" },
  eaReviewNav: { sv: "Granska nödåtkomst", en: "Review emergency access" },
  eaTitle: { sv: "Nödåtkomst", en: "Emergency access" },
  eaWarningTitle: { sv: "Bara i akuta lägen", en: "Only in urgent situations" },
  eaWarning: {
    sv: "Nödåtkomst ger dig läsrätt i {hours} timmar till en person utanför ditt distrikt, till exempel vid akut skyddsbehov eller i ett jourärende. Allt du läser loggas med det skäl du anger, och varje nödåtkomst granskas i efterhand av kvalitet/internkontroll. Du kan inte ändra något i personens uppgifter eller ärenden. Skyddade adress- och kontaktuppgifter visas bara om du redan har behörighet till skyddade personuppgifter.",
    en: "Emergency access lets you read, for {hours} hours, a person outside your district, for example in an acute need of protection or an out-of-hours case. Everything you read is logged with the reason you give, and every emergency access is reviewed afterwards by quality/internal control. You cannot change anything in the person's details or cases. Protected addresses and contact details are shown only if you already have protected-identity access.",
  },
  eaFormTitle: { sv: "Begär nödåtkomst", en: "Request emergency access" },
  eaPersonnummer: { sv: "Personnummer (hela, ÅÅÅÅMMDD-NNNN)", en: "Personal identity number (in full, YYYYMMDD-NNNN)" },
  eaPersonnummerHint: {
    sv: "Nödåtkomst ges bara till den person vars hela personnummer du anger. Det går inte att söka på namn.",
    en: "Emergency access is given only to the person whose full number you enter. Searching by name is not possible.",
  },
  eaCategory: { sv: "Slag av akut behov", en: "Kind of urgent need" },
  eaChoose: { sv: "Välj …", en: "Choose …" },
  eaReason: { sv: "Skäl", en: "Reason" },
  eaReasonHint: {
    sv: "Beskriv varför du behöver uppgifterna nu, så att den som granskar kan bedöma det (minst {min} tecken).",
    en: "Describe why you need the information now, so that the reviewer can judge it (at least {min} characters).",
  },
  eaConfirm: {
    sv: "Jag förstår att åtkomsten loggas och granskas i efterhand",
    en: "I understand that the access is logged and reviewed afterwards",
  },
  eaSubmit: { sv: "Begär nödåtkomst", en: "Request emergency access" },
  eaGranted: { sv: "Nödåtkomst till {name} gäller till {until}.", en: "Emergency access to {name} is valid until {until}." },
  eaOpenPerson: { sv: "Öppna {name}", en: "Open {name}" },
  eaMineTitle: { sv: "Din pågående nödåtkomst", en: "Your current emergency access" },
  eaMineNone: { sv: "Du har ingen pågående nödåtkomst.", en: "You have no current emergency access." },
  eaPerson: { sv: "Person", en: "Person" },
  eaUntil: { sv: "Gäller till", en: "Valid until" },
  eaEnd: { sv: "Avsluta nödåtkomst", en: "End emergency access" },
  eaEnded: { sv: "Nödåtkomsten är avslutad.", en: "The emergency access has ended." },
  eaBanner: {
    sv: "Du läser den här personen med nödåtkomst: {minutes} min kvar (till {until}). Bara läsning; allt du läser loggas med ditt skäl och granskas.",
    en: "You are reading this person under emergency access: {minutes} min left (until {until}). Read only; everything you read is logged with your reason and reviewed.",
  },
  eaBannerOver: {
    sv: "Nödåtkomsten har upphört. Ladda om sidan för att lämna personen.",
    en: "The emergency access has ended. Reload the page to leave the person.",
  },
  eaFromPersons: {
    sv: "Hittar du inte personen för att hen hör till ett annat distrikt, och är det akut?",
    en: "Can't find the person because they belong to another district, and is it urgent?",
  },
  eaReviewTitle: { sv: "Granskning av nödåtkomst", en: "Review of emergency access" },
  eaReviewIntro: {
    sv: "Varje nödåtkomst står här tills den har granskats: vem, till vem, när, skälet och vad som lästes. Granska när åtkomsten har upphört, så att du ser allt som lästes. Ingen granskar sin egen nödåtkomst. Att du öppnar listan loggas för varje person.",
    en: "Every emergency access is listed here until reviewed: who, whom, when, the reason and what was read. Review once the access has ended, so you see everything that was read. Nobody reviews their own emergency access. Your opening the list is logged for each person.",
  },
  eaStatus: { sv: "Visa", en: "Show" },
  eaStatusUnreviewed: { sv: "Ej granskade", en: "Not reviewed" },
  eaStatusReviewed: { sv: "Granskade", en: "Reviewed" },
  eaStatusAll: { sv: "Alla", en: "All" },
  eaNoneToReview: { sv: "Ingen nödåtkomst att visa.", en: "No emergency access to show." },
  eaWho: { sv: "Vem", en: "Who" },
  eaWhom: { sv: "Till vem", en: "Whom" },
  eaPersonIdOnly: { sv: "Person-id {id} (utanför din behörighet)", en: "Person id {id} (outside your access)" },
  eaWhen: { sv: "När", en: "When" },
  eaLive: { sv: "Pågår", en: "Live" },
  eaEndedAt: { sv: "avslutad {at}", en: "ended {at}" },
  eaExpiresAt: { sv: "till {at}", en: "until {at}" },
  eaReads: { sv: "Vad som lästes", en: "What was read" },
  eaReadsNone: { sv: "Inget lästes under nödåtkomsten.", en: "Nothing was read under the emergency access." },
  eaReadsTruncated: {
    sv: "Listan visar de första 100 läsningarna; loggen har alla.",
    en: "The list shows the first 100 reads; the audit log has them all.",
  },
  eaReadAt: { sv: "Tidpunkt", en: "Time" },
  eaReadWhat: { sv: "Uppgift", en: "Record" },
  eaVerdict: { sv: "Bedömning", en: "Verdict" },
  eaNote: { sv: "Anteckning", en: "Note" },
  eaNoteHint: { sv: "Krävs när nödåtkomsten ifrågasätts.", en: "Required when the access is questioned." },
  eaSaveReview: { sv: "Spara granskning", en: "Save review" },
  eaReviewedBy: { sv: "Granskad av {name} {at}", en: "Reviewed by {name} {at}" },
  eaWaitUntilOver: {
    sv: "Åtkomsten pågår: granska när den har upphört.",
    en: "The access is live: review it once it has ended.",
  },
  eaShowMore: { sv: "Visa fler", en: "Show more" },
} satisfies Labels;

/** What kind of record a read was, from its audit action. */
export const EMERGENCY_READ_LABELS: Record<string, { sv: string; en: string }> = {
  person: { sv: "Personuppgifter", en: "Person details" },
  case: { sv: "Ärende", en: "Case" },
  insats: { sv: "Insats", en: "Intervention" },
  assessment: { sv: "Bedömning", en: "Assessment" },
  consent: { sv: "Samtycke", en: "Consent" },
  action_plan: { sv: "Åtgärdsplan", en: "Action plan" },
  journal: { sv: "Journal", en: "Journal" },
  ungdomstjanst: { sv: "Ungdomstjänst", en: "Youth service" },
};
