import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  childViewProblem,
  childViewProvision,
  childViewTargetProblem,
  completionChildViewProblem,
  linkProblem,
  uninformedCustodians,
} from "./rules";
import { CUSTODY_RELATIONS, MAX_CUSTODIANS, NOT_HEARD_REASONS, RELATIONS } from "./vocabulary";

const CHILD = "11111111-1111-4111-8111-111111111111";
const MOTHER = "22222222-2222-4222-8222-222222222222";
const FATHER = "33333333-3333-4333-8333-333333333333";
const THIRD = "44444444-4444-4444-8444-444444444444";

describe("linking a related person to a child", () => {
  it("accepts a parent with custody", () => {
    expect(
      linkProblem({ childId: CHILD, relatedPersonId: MOTHER, relation: "forelder", custody: true, existing: [] }),
    ).toBeNull();
  });

  it("rejects a guardian who is the child itself (400 on personnummer)", () => {
    expect(linkProblem({ childId: CHILD, relatedPersonId: CHILD, relation: "forelder", custody: true, existing: [] })).toEqual({
      code: "related_is_child",
      field: "personnummer",
      status: 400,
    });
  });

  it("rejects the same person linked twice (409)", () => {
    const existing = [{ relatedPersonId: MOTHER, custody: false }];
    expect(linkProblem({ childId: CHILD, relatedPersonId: MOTHER, relation: "syskon", custody: false, existing })).toMatchObject({
      code: "relation_exists",
      status: 409,
    });
  });

  it("rejects custody for a sibling, a contact person, a foster parent or another person", () => {
    for (const relation of RELATIONS.filter((r) => !CUSTODY_RELATIONS.includes(r))) {
      expect(linkProblem({ childId: CHILD, relatedPersonId: MOTHER, relation, custody: true, existing: [] })).toMatchObject({
        code: "custody_not_possible",
        field: "custody",
        status: 400,
      });
    }
  });

  it("rejects a third vårdnadshavare but takes a third related person without custody", () => {
    const existing = [
      { relatedPersonId: MOTHER, custody: true },
      { relatedPersonId: FATHER, custody: true },
    ];
    expect(linkProblem({ childId: CHILD, relatedPersonId: THIRD, relation: "forelder", custody: true, existing })).toMatchObject({
      code: "too_many_custodians",
      status: 409,
    });
    expect(linkProblem({ childId: CHILD, relatedPersonId: THIRD, relation: "forelder", custody: false, existing })).toBeNull();
  });

  it("never lets more than two custodians through, whatever the order of links (property)", () => {
    const id = fc.constantFrom(CHILD, MOTHER, FATHER, THIRD, "55555555-5555-4555-8555-555555555555");
    fc.assert(
      fc.property(
        fc.array(fc.record({ relatedPersonId: id, relation: fc.constantFrom(...RELATIONS), custody: fc.boolean() }), {
          maxLength: 12,
        }),
        (attempts) => {
          const linked: { relatedPersonId: string; custody: boolean }[] = [];
          for (const a of attempts) {
            if (!linkProblem({ childId: CHILD, ...a, existing: linked })) linked.push(a);
          }
          expect(linked.filter((l) => l.custody).length).toBeLessThanOrEqual(MAX_CUSTODIANS);
          expect(new Set(linked.map((l) => l.relatedPersonId)).size).toBe(linked.length);
          expect(linked.some((l) => l.relatedPersonId === CHILD)).toBe(false);
        },
      ),
    );
  });
});

describe("the child's view", () => {
  it("takes what the child said", () => {
    expect(childViewProblem({ view: "Vill bo kvar hemma." })).toBeNull();
  });

  it("takes a reason with a note when the child was not heard", () => {
    expect(childViewProblem({ notHeardReason: "barnet_avstod", notHeardNote: "Inställningen klarlagd via skolan." })).toBeNull();
  });

  it("asks for one of them when neither is given", () => {
    expect(childViewProblem({ view: "  " })).toMatchObject({ code: "child_view_required", field: "view", status: 400 });
  });

  it("refuses both a view and a reason", () => {
    expect(childViewProblem({ view: "Sa något", notHeardReason: "annat", notHeardNote: "x" })).toMatchObject({
      code: "child_view_or_reason",
      field: "notHeardReason",
    });
  });

  it("asks for the note with every reason (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NOT_HEARD_REASONS), fc.constantFrom(undefined, null, "", "   "), (reason, note) => {
        expect(childViewProblem({ notHeardReason: reason, notHeardNote: note })).toMatchObject({
          code: "not_heard_note_required",
          field: "notHeardNote",
        });
      }),
    );
  });

  it("is attached to the report at the förhandsbedömning and to the investigation in the utredning", () => {
    expect(childViewTargetProblem("forhandsbedomning", {})).toMatchObject({ code: "report_required", field: "reportId" });
    expect(childViewTargetProblem("utredning", {})).toMatchObject({ code: "investigation_required" });
    expect(childViewTargetProblem("utredning", { investigationId: CHILD })).toBeNull();
    expect(childViewTargetProblem("forhandsbedomning", { reportId: CHILD })).toBeNull();
    expect(childViewTargetProblem("uppfoljning", {})).toBeNull();
    expect(childViewTargetProblem("uppfoljning", { reportId: CHILD })).toMatchObject({ code: "report_not_allowed" });
    expect(childViewTargetProblem("forhandsbedomning", { reportId: CHILD, investigationId: CHILD })).toMatchObject({
      code: "investigation_not_allowed",
    });
  });
});

describe("completing an investigation", () => {
  it("refuses a completion without the child's view, naming the childView field", () => {
    expect(completionChildViewProblem(false, {})).toEqual({ code: "child_view_required", field: "childView", status: 400 });
  });

  it("accepts a completion when the view is already documented in the investigation", () => {
    expect(completionChildViewProblem(true, {})).toBeNull();
  });

  it("accepts the view given with the completion, and checks it", () => {
    expect(completionChildViewProblem(false, { view: "Vill ha stöd i skolan." })).toBeNull();
    expect(completionChildViewProblem(false, { notHeardReason: "alder_mognad" })).toMatchObject({
      code: "not_heard_note_required",
      field: "childNotHeardNote",
    });
    expect(completionChildViewProblem(true, { view: "x", notHeardReason: "annat", notHeardNote: "y" })).toMatchObject({
      field: "childNotHeardReason",
    });
  });
});

describe("guardians informed", () => {
  it("lists the custodial guardians not yet informed, and only them", () => {
    const related = [
      { guardianId: MOTHER, custody: true },
      { guardianId: FATHER, custody: true },
      { guardianId: THIRD, custody: false },
    ];
    expect(uninformedCustodians(related, [])).toEqual(related.slice(0, 2));
    expect(uninformedCustodians(related, [MOTHER])).toEqual([related[1]]);
    expect(uninformedCustodians(related, [MOTHER, FATHER])).toEqual([]);
  });
});

describe("the law cited for the child's view", () => {
  it("cites 11 kap. 10 § SoL (2001:453) for events before 1 July 2025", () => {
    expect(childViewProvision("2025-06-30").citation).toBe("11 kap. 10 § SoL (2001:453)");
  });

  it("names SoL (2025:400) from 1 July 2025 without an unverified section of its own", () => {
    const p = childViewProvision("2025-07-01");
    expect(p.law).toBe("SoL (2025:400)");
    expect(p.section).toBeNull();
    expect(p.citation).toContain("SoL (2025:400)");
  });
});
