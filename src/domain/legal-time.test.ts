import { describe, expect, it } from "vitest";
import {
  easterSunday,
  isAllmanHelgdag,
  isNonVardag,
  monthsFromDay,
  namedHolidays,
  nextVardag,
  statutoryLastDay,
  weekday,
  weeksFromDay,
} from "./legal-time";

describe("påskdagen (1989:253 2 §, by the Gregorian computus)", () => {
  it.each([
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2019, "2019-04-21"], // the year the astronomical full moon (21 March) would have said 24 March
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("%i → %s", (year, day) => {
    expect(easterSunday(year)).toBe(day);
    expect(weekday(day)).toBe(0);
  });
});

describe("allmänna helgdagar (1989:253 1–2 §§)", () => {
  it("lists 2025's movable and fixed holidays", () => {
    const h = namedHolidays(2025);
    expect(h.get("2025-04-18")).toBe("långfredagen");
    expect(h.get("2025-04-21")).toBe("annandag påsk");
    expect(h.get("2025-05-29")).toBe("Kristi himmelsfärdsdag");
    expect(h.get("2025-06-08")).toBe("pingstdagen");
    expect(h.get("2025-06-06")).toBe("nationaldagen");
    expect(h.get("2025-06-21")).toBe("midsommardagen");
    expect(h.get("2025-11-01")).toBe("alla helgons dag");
    expect(h.size).toBe(13);
  });
  it("has annandag pingst and no nationaldag before 2005 (the wording before SFS 2004:1320)", () => {
    expect(namedHolidays(2004).get("2004-05-31")).toBe("annandag pingst");
    expect(namedHolidays(2004).has("2004-06-06")).toBe(false);
    expect(namedHolidays(2005).get("2005-06-06")).toBe("nationaldagen");
    expect(isAllmanHelgdag("2025-06-09")).toBe(false); // annandag pingst 2025: a working day
  });
  it("counts every Sunday, not Saturdays or eves", () => {
    expect(isAllmanHelgdag("2024-03-10")).toBe(true); // a Sunday
    expect(isAllmanHelgdag("2024-03-09")).toBe(false); // a Saturday
    expect(isAllmanHelgdag("2024-12-24")).toBe(false); // julafton is no allmän helgdag…
    expect(isNonVardag("2024-12-24")).toBe(true); // …but 1930:173 2 § names it
    expect(isNonVardag("2024-06-21")).toBe(true); // midsommarafton 2024
    expect(isNonVardag("2024-12-31")).toBe(true); // nyårsafton
    expect(isNonVardag("2024-04-30")).toBe(false); // valborgsmässoafton is a vardag
    expect(isNonVardag("2024-01-05")).toBe(false); // trettondagsafton is a vardag (RÅ 2004 not 40)
  });
});

describe("1930:173: a period's last day", () => {
  it("a week from a Monday ends the next Monday (1 §: the start day is not counted)", () => {
    expect(weeksFromDay("2024-03-04", 1)).toEqual({ nominal: "2024-03-11", lastDay: "2024-03-11", moved: false });
  });
  it("a last day on a Saturday moves to Monday (2 §)", () => {
    expect(weeksFromDay("2024-03-02", 1)).toEqual({ nominal: "2024-03-09", lastDay: "2024-03-11", moved: true });
  });
  it("over Easter: långfredag → Saturday → påskdagen → annandag påsk → Tuesday", () => {
    expect(weeksFromDay("2025-04-11", 1).lastDay).toBe("2025-04-22");
  });
  it("over midsommar: midsommarafton moves to the Monday after", () => {
    expect(weeksFromDay("2025-06-13", 1).lastDay).toBe("2025-06-23");
  });
  it("over the year end: julafton + 7 = nyårsafton → past nyårsdagen to 2 January", () => {
    expect(weeksFromDay("2024-12-24", 1)).toEqual({ nominal: "2024-12-31", lastDay: "2025-01-02", moved: true });
  });
  it("trettondedag jul on a Tuesday moves to Wednesday", () => {
    expect(weeksFromDay("2025-12-30", 1).lastDay).toBe("2026-01-07");
  });
  it("four weeks is 28 days, the same weekday", () => {
    expect(weeksFromDay("2024-01-31", 4).lastDay).toBe("2024-02-28");
  });
  it("six months: the same day number, or the month's last day (1 §)", () => {
    expect(monthsFromDay("2023-08-31", 6).lastDay).toBe("2024-02-29");
    expect(monthsFromDay("2024-08-31", 6).lastDay).toBe("2025-02-28");
    expect(monthsFromDay("2024-05-31", 6)).toEqual({ nominal: "2024-11-30", lastDay: "2024-12-02", moved: true });
  });
  it("a vardag stays where it is", () => {
    expect(statutoryLastDay("2024-04-30")).toEqual({ nominal: "2024-04-30", lastDay: "2024-04-30", moved: false });
    expect(nextVardag("2024-04-30")).toBe("2024-04-30");
  });
});
