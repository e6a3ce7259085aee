/**
 * The ISU content a new municipality starts with: four short self-rating scales, the satisfaction
 * survey's questions, and a measurement plan for every insats type. Loaded once; the administrator
 * edits them afterwards.
 *
 * The rating scales' norms are local working values (reliability 0.80, reference SD 2.0 on the
 * 1–10 range), not published psychometrics: a municipality that has its own data should set its
 * own. They make the Reliable Change Index a change of more than 1.96 · 2.0 · √(2 · 0.2) ≈ 2.5
 * steps, i.e. a move of 3 steps or more on the 1–10 scale.
 */
import type { MeasurementPoint, Respondent } from "./vocabulary";

export interface StarterScale {
  key: string;
  name: string;
  question: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  higherIsBetter: boolean;
  reliability: number;
  referenceSd: number;
  cutoff: number | null;
}

const rating = (key: string, name: string, question: string): StarterScale => ({
  key,
  name,
  question,
  min: 1,
  max: 10,
  minLabel: "Mycket dåligt",
  maxLabel: "Mycket bra",
  higherIsBetter: true,
  reliability: 0.8,
  referenceSd: 2,
  // Below 5 on a 1–10 "how is it going" scale is the range the unit treats as a problem.
  cutoff: 5,
});

export const STARTER_SCALES: readonly StarterScale[] = [
  rating("skola", "Skola", "Hur går det i skolan?"),
  rating("familj", "Familj", "Hur har du det hemma med din familj?"),
  rating("kamrater", "Kamrater", "Hur har du det med dina kompisar?"),
  rating("brott", "Hålla sig från brott", "Hur går det att hålla dig borta från brott och bråk?"),
];

export interface StarterQuestion {
  key: string;
  textSv: string;
  textEn: string;
}

export const STARTER_QUESTIONS: readonly StarterQuestion[] = [
  { key: "hjalp", textSv: "Fick du hjälp med det du behövde?", textEn: "Did you get help with what you needed?" },
  { key: "lyssnad", textSv: "Kände du dig lyssnad på?", textEn: "Did you feel listened to?" },
  { key: "battre", textSv: "Har det blivit bättre för dig?", textEn: "Have things got better for you?" },
  {
    key: "rekommendera",
    textSv: "Skulle du rekommendera insatsen till någon annan?",
    textEn: "Would you recommend it to someone else?",
  },
];

/** Every insats type starts with the four scales at start, every 6 months, at end and 6 months after. */
export const STARTER_PLAN: { points: MeasurementPoint[]; intervalMonths: number; respondents: Respondent[] } = {
  points: ["start", "interim", "end", "after_6"],
  intervalMonths: 6,
  respondents: ["ungdom", "utforare"],
};
