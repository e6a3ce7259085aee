/** Fictional combinations of names common in Sweden; no real person is meant. */
export const GIRL_NAMES = [
  "Alva", "Elsa", "Maja", "Alice", "Wilma", "Ella", "Ebba", "Saga", "Olivia", "Astrid", "Vera", "Alma", "Selma", "Freja",
  "Agnes", "Clara", "Ines", "Nora", "Lilly", "Tyra", "Amira", "Yasmin", "Sara", "Noor", "Hanna", "Leah", "Mila", "Juni",
];
export const BOY_NAMES = [
  "Elias", "William", "Hugo", "Liam", "Noah", "Oliver", "Lucas", "Adam", "Alexander", "Leo", "Viktor", "Theo", "Oscar",
  "Nils", "Isak", "Ali", "Omar", "Mohammed", "Yusuf", "Ibrahim", "Filip", "Anton", "Malte", "Sixten", "Edvin", "Melvin",
];
export const ADULT_NAMES = [
  "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Fatima", "Elin", "Johanna", "Sofia", "Emma", "Linda", "Amal", "Leila",
  "Lars", "Anders", "Johan", "Erik", "Per", "Mikael", "Peter", "Ahmed", "Hassan", "Daniel", "Fredrik", "Jonas", "Karl", "Reza",
];
export const LAST_NAMES = [
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
  "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg", "Lindqvist", "Berg", "Lundgren", "Holm",
  "Ali", "Mohamed", "Hassan", "Ahmed", "Abdi", "Yilmaz", "Hosseini", "Nguyen", "Kaya", "Novak", "Rahimi", "Haddad",
];
export const STREETS = ["Exempelgatan", "Provvägen", "Testgränd", "Fiktiva torget", "Påhittade allén", "Låtsasbacken", "Modellvägen"];
/** District names: fictional, shaped like Swedish stadsdelsnämnder. */
export const DISTRICT_NAMES = [
  "Älvstrand", "Bergsjöby", "Tallåsen", "Norrhamn", "Söderkulla", "Västermo", "Östervik", "Lövhöjden", "Granby", "Ekdalen",
  "Sjövik", "Hagalund Syd", "Furuberg", "Björkhagen Norr", "Strandängen", "Kvarnby", "Lindås", "Mossen", "Ängsby", "Rödberga",
];
