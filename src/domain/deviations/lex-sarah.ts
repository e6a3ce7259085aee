/**
 * The provisions of lex Sarah in force on a given day, so each step cites the law of its own date.
 * Checked against the texts themselves:
 * - socialtjänstlagen (2001:453), in force until 30 June 2025: 14 kap. 3 § (duty to report a
 *   missförhållande or påtaglig risk för missförhållande), 14 kap. 6 § (document, investigate and
 *   remedy it), 14 kap. 7 § (notify IVO "snarast" of an allvarligt one); SOSFS 2011:5 names these.
 * - socialtjänstlagen (2025:400), in force from 1 July 2025, 27 kap. "Missförhållanden": 2 § (report
 *   "genast"), 5 § ("genast dokumenteras och utredas samt avhjälpas eller undanröjas"), 6 § (an
 *   allvarligt missförhållande or påtaglig risk för ett allvarligt missförhållande "snarast"
 *   anmälas till Inspektionen för vård och omsorg, with the investigation attached).
 * Socialstyrelsen's föreskrifter och allmänna råd om lex Sarah (SOSFS 2011:5) give the detail of
 * the investigation and the notification. Pure, no I/O.
 */

/** The first day of socialtjänstlagen (2025:400). */
export const SOL_2025_IN_FORCE = "2025-07-01";

export type LexSarahStep = "report" | "investigation" | "ivo_notification";

export interface Provision {
  /** The law, e.g. "SoL (2025:400)". */
  law: string;
  /** Chapter and section, e.g. "27 kap. 6 §". */
  section: string;
  /** Both, as cited: "27 kap. 6 § SoL (2025:400)". */
  citation: string;
}

const SECTIONS: Record<"2001:453" | "2025:400", Record<LexSarahStep, string>> = {
  "2001:453": { report: "14 kap. 3 §", investigation: "14 kap. 6 §", ivo_notification: "14 kap. 7 §" },
  "2025:400": { report: "27 kap. 2 §", investigation: "27 kap. 5 §", ivo_notification: "27 kap. 6 §" },
};

/** The provision a lex Sarah step taken on `day` ('YYYY-MM-DD', Stockholm) rests on. */
export function lexSarahProvision(step: LexSarahStep, day: string): Provision {
  const sfs = day >= SOL_2025_IN_FORCE ? "2025:400" : "2001:453";
  const law = `SoL (${sfs})`;
  const section = SECTIONS[sfs][step];
  return { law, section, citation: `${section} ${law}` };
}

/** Socialstyrelsen's regulations on lex Sarah that detail the investigation and the notification. */
export const LEX_SARAH_REGULATIONS = "SOSFS 2011:5";
