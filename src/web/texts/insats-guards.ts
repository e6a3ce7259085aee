/** UI texts of the insats guards and medhandläggare (issue 18 point 9; keys start with "ig"). */
export const INSATS_GUARD_TEXTS = {
  igTargetAges: { sv: "Målgruppens ålder", en: "Target ages" },
  igAgeRange: { sv: "{min}–{max} år", en: "ages {min}–{max}" },
  igAgeOutside: {
    sv: "Insatsen är avsedd för {min}–{max} år, men den unge är {age} år vid starten ({date}).",
    en: "The intervention is meant for ages {min}–{max}, but the young person is {age} at the start ({date}).",
  },
  igAgeOutsideAsk: {
    sv: "Ange varför insatsen ändå ges. Skälet sparas på insatsen.",
    en: "Give the reason why it is given anyway. The reason is stored on the intervention.",
  },
  igAgeOutsideReason: {
    sv: "Skäl till insats utanför målgruppens ålder",
    en: "Reason for an intervention outside the target ages",
  },
  igAgeReasonGiven: {
    sv: "Skälet angavs när uppdraget gavs:",
    en: "The reason was given when the assignment was made:",
  },
  igGoalsContradiction: {
    sv: "Enligt uppföljningarna är {reached} av {total} mål uppnådda.",
    en: "According to the follow-ups, {reached} of {total} goals are reached.",
  },
  igGoalsContradictionAsk: {
    sv: "Bekräfta avslutet med orsaken ”Målen uppnådda” och skriv varför.",
    en: "Confirm ending with the reason “Goals achieved” and say why.",
  },
  igConfirmContradiction: {
    sv: "Jag bekräftar ”Målen uppnådda” trots uppföljningarna",
    en: "I confirm “Goals achieved” despite the follow-ups",
  },
  igContradictionNote: {
    sv: "Anteckning: varför målen ändå anses uppnådda",
    en: "Note: why the goals are considered achieved",
  },
  igContradictionConfirmed: { sv: "Bekräftat trots uppföljningarna", en: "Confirmed despite the follow-ups" },
  igCoHandlers: { sv: "Medhandläggare", en: "Co-workers on the case" },
  igNoCoHandlers: { sv: "Inga medhandläggare.", en: "No co-workers on the case." },
  igAddCoHandler: { sv: "Lägg till medhandläggare", en: "Add co-worker" },
  igRemoveCoHandler: { sv: "Ta bort {name} som medhandläggare", en: "Remove {name} as co-worker" },
  igRemove: { sv: "Ta bort", en: "Remove" },
  igAddedBy: { sv: "tillagd {date} av {name}", en: "added {date} by {name}" },
  igCoHandledByMe: { sv: "du är medhandläggare", en: "you are a co-worker" },
} as const;
