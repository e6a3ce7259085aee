type Labels = Record<string, { sv: string; en: string }>;

/** UI texts of the queue of protected persons registered from another district (keys start with "pm"). */
export const PROTECTED_MATCH_TEXTS = {
  pmNav: { sv: "Skyddade registreringar", en: "Protected registrations" },
  pmTitle: {
    sv: "Personer med skyddade personuppgifter registrerade i ett annat distrikt",
    en: "Persons with protected identity registered in another district",
  },
  pmIntro: {
    sv: "Här syns när någon i ett annat distrikt har registrerat personnumret för en person med skyddade personuppgifter i ditt distrikt. Det distriktet fick samma svar som för ett okänt personnummer och vet inte att personen finns här. Ta kontakt och ta över ärendet härifrån. Att du har öppnat listan loggas för varje person.",
    en: "Shown here is when someone in another district has registered the personal identity number of a person with protected identity in your district. That district got the same answer as for an unknown number and does not know the person is here. Get in touch and take the case over from here. Your opening the list is logged for each person.",
  },
  pmNone: { sv: "Inga registreringar från andra distrikt.", en: "No registrations from other districts." },
  pmCaption: { sv: "Registreringar från andra distrikt", en: "Registrations from other districts" },
  pmPerson: { sv: "Person (skyddade personuppgifter)", en: "Person (protected identity)" },
  pmDistrict: { sv: "Registrerad i distrikt", en: "Registered in district" },
  pmRegisteredBy: { sv: "Registrerad av", en: "Registered by" },
  pmRegisteredAt: { sv: "Tidpunkt", en: "Time" },
  pmCapped: {
    sv: "Listan visar de 200 senaste registreringarna.",
    en: "The list shows the 200 latest registrations.",
  },
} satisfies Labels;
