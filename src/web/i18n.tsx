import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";

export type Lang = "sv" | "en";

/** Every UI text, Swedish first. Keys name what the text is for. */
const TEXTS = {
  appName: { sv: "Vägval", en: "Vägval" },
  skip: { sv: "Hoppa till innehållet", en: "Skip to content" },
  synthetic: { sv: "Syntetiska data — inga riktiga personer", en: "Synthetic data — no real persons" },
  signIn: { sv: "Logga in", en: "Sign in" },
  signOut: { sv: "Logga ut", en: "Sign out" },
  username: { sv: "Användarnamn", en: "Username" },
  password: { sv: "Lösenord", en: "Password" },
  signInTitle: { sv: "Logga in i Vägval", en: "Sign in to Vägval" },
  navStart: { sv: "Start", en: "Home" },
  navPersons: { sv: "Personer", en: "Persons" },
  navAudit: { sv: "Logg", en: "Audit log" },
  navAdmin: { sv: "Administration", en: "Administration" },
  navAccount: { sv: "Mitt konto", en: "My account" },
  navStats: { sv: "Handläggningstider", en: "Handling times" },
  mainNav: { sv: "Huvudmeny", en: "Main menu" },
  language: { sv: "In English", en: "På svenska" },
  greeting: { sv: "Välkommen", en: "Welcome" },
  yourRoles: { sv: "Dina roller", en: "Your roles" },
  searchPerson: { sv: "Sök person", en: "Search person" },
  searchHint: { sv: "Namn eller personnummer (ÅÅÅÅMMDD-NNNN)", en: "Name or personal identity number" },
  search: { sv: "Sök", en: "Search" },
  noResults: { sv: "Inga träffar.", en: "No matches." },
  showMore: { sv: "Visa fler", en: "Show more" },
  name: { sv: "Namn", en: "Name" },
  personnummer: { sv: "Personnummer", en: "Personal identity number" },
  age: { sv: "Ålder", en: "Age" },
  gender: { sv: "Kön", en: "Gender" },
  district: { sv: "Distrikt", en: "District" },
  birthDate: { sv: "Födelsedatum", en: "Date of birth" },
  address: { sv: "Adress", en: "Address" },
  phone: { sv: "Telefon", en: "Phone" },
  protected: { sv: "Skyddade personuppgifter", en: "Protected identity" },
  hiddenProtected: { sv: "Dold — skyddade personuppgifter", en: "Hidden — protected identity" },
  whoRead: { sv: "Vem har läst uppgifterna?", en: "Who has read this data?" },
  registerPerson: { sv: "Registrera person", en: "Register person" },
  firstName: { sv: "Förnamn", en: "First name" },
  lastName: { sv: "Efternamn", en: "Last name" },
  kind: { sv: "Typ", en: "Kind" },
  save: { sv: "Spara", en: "Save" },
  saved: { sv: "Sparat.", en: "Saved." },
  time: { sv: "Tid", en: "Time" },
  user: { sv: "Användare", en: "User" },
  role: { sv: "Roll", en: "Role" },
  unit: { sv: "Enhet", en: "Unit" },
  action: { sv: "Händelse", en: "Action" },
  person: { sv: "Person", en: "Person" },
  from: { sv: "Från", en: "From" },
  to: { sv: "Till", en: "To" },
  filter: { sv: "Filtrera", en: "Filter" },
  verifyChain: { sv: "Kontrollera loggkedjan", en: "Verify the log chain" },
  chainIntact: { sv: "Kedjan är hel", en: "The chain is intact" },
  chainBroken: { sv: "Kedjan är bruten vid rad", en: "The chain is broken at row" },
  rowsChecked: { sv: "rader kontrollerade", en: "rows checked" },
  notFound: { sv: "Sidan finns inte", en: "Page not found" },
  notFoundText: { sv: "Det du söker finns inte eller så saknar du behörighet.", en: "It does not exist or you lack access." },
  loading: { sv: "Laddar…", en: "Loading…" },
  changePassword: { sv: "Byt lösenord", en: "Change password" },
  currentPassword: { sv: "Nuvarande lösenord", en: "Current password" },
  newPassword: { sv: "Nytt lösenord (minst 12 tecken)", en: "New password (at least 12 characters)" },
  users: { sv: "Användare", en: "Users" },
  districts: { sv: "Distrikt och enheter", en: "Districts and units" },
  active: { sv: "Aktiv", en: "Active" },
  inactive: { sv: "Inaktiverad", en: "Deactivated" },
  deactivate: { sv: "Inaktivera", en: "Deactivate" },
  reactivate: { sv: "Återaktivera", en: "Reactivate" },
  createUser: { sv: "Skapa användare", en: "Create user" },
  displayName: { sv: "Visningsnamn", en: "Display name" },
  initialPassword: { sv: "Startlösenord", en: "Initial password" },
  protectedAccess: { sv: "Får se skyddade uppgifter", en: "May see protected details" },
  roles: { sv: "Roller", en: "Roles" },
  addRole: { sv: "Lägg till roll", en: "Add role" },
  remove: { sv: "Ta bort", en: "Remove" },
  saveRoles: { sv: "Spara roller", en: "Save roles" },
  resetPassword: { sv: "Nytt lösenord", en: "Reset password" },
  createDistrict: { sv: "Nytt distrikt", en: "New district" },
  createUnit: { sv: "Ny enhet", en: "New unit" },
  code: { sv: "Kod", en: "Code" },
  deadlines: { sv: "Tidsfrister", en: "Deadlines" },
  clock: { sv: "Frist", en: "Clock" },
  state: { sv: "Läge", en: "State" },
  dueDate: { sv: "Sista dag", en: "Due" },
  daysLeft: { sv: "Dagar kvar", en: "Days left" },
  caseWorker: { sv: "Handläggare", en: "Case worker" },
  all: { sv: "Alla", en: "All" },
  noDeadlines: { sv: "Inga löpande frister.", en: "No running clocks." },
  overdueCount: { sv: "försenade", en: "overdue" },
  dueSoonCount: { sv: "snart", en: "due soon" },
  dueCount: { sv: "löpande", en: "running" },
  error: { sv: "Något gick fel", en: "Something went wrong" },
} as const;
export type TextKey = keyof typeof TEXTS;

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void; t: (k: TextKey) => string }>({
  lang: "sv",
  setLang: () => {},
  t: (k) => TEXTS[k].sv,
});

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem("vagval.lang") === "en" ? "en" : "sv"));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem("vagval.lang", l);
    setLangState(l);
  }, []);
  const t = useCallback((k: TextKey) => TEXTS[k][lang], [lang]);
  return <LangContext.Provider value={{ lang, setLang, t }}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);

const dateTime = (lang: Lang) =>
  new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    timeZone: "Europe/Stockholm",
    dateStyle: "short",
    timeStyle: "short",
  });

/** Times are always shown in Swedish time, whatever the browser's zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  return dateTime(lang).format(new Date(iso));
}
