import { describe, expect, it } from "vitest";
import {
  detectDocumentType,
  isPublishable,
  type PublishCandidate,
  publishProblems,
  REVIEW_SOON_DAYS,
  reviewState,
} from "./styrdokument";

const TODAY = "2025-03-10";
const complete: PublishCandidate = {
  decidedBy: "namnd",
  decidedOn: "2025-02-20",
  validFrom: "2025-03-01",
  nextReviewOn: "2026-02-20",
  latestVersion: 1,
  publishedVersion: null,
};
const fields = (c: Partial<PublishCandidate>) => publishProblems({ ...complete, ...c }, TODAY).map((p) => `${p.field}:${p.code}`);

describe("publishing a styrdokument", () => {
  it("publishes a routine with decision-maker, decision date, review date and a document", () => {
    expect(publishProblems(complete, TODAY)).toEqual([]);
    expect(isPublishable(complete, TODAY)).toBe(true);
  });

  it("refuses a routine without decision-maker and decision date (Växjö 2024), naming both fields", () => {
    expect(fields({ decidedBy: null, decidedOn: null })).toEqual(["decidedBy:missing", "decidedOn:missing"]);
    expect(isPublishable({ ...complete, decidedBy: null }, TODAY)).toBe(false);
  });

  it("refuses a decision dated in the future, but takes one dated today", () => {
    expect(fields({ decidedOn: "2025-03-11", validFrom: null })).toEqual(["decidedOn:in_future"]);
    expect(fields({ decidedOn: TODAY, validFrom: null })).toEqual([]);
  });

  it("needs a review date after the decision and after today", () => {
    expect(fields({ nextReviewOn: null })).toEqual(["nextReviewOn:missing"]);
    expect(fields({ nextReviewOn: "2025-02-20" })).toEqual(["nextReviewOn:not_after_decision"]);
    expect(fields({ nextReviewOn: TODAY })).toEqual(["nextReviewOn:in_past"]);
    expect(fields({ nextReviewOn: "2025-03-11" })).toEqual([]);
  });

  it("takes an empty valid-from as the decision date, and refuses one before the decision", () => {
    expect(fields({ validFrom: null })).toEqual([]);
    expect(fields({ validFrom: "2025-02-19" })).toEqual(["validFrom:before_decision"]);
  });

  it("needs an attached document, and a newer version than the one in force", () => {
    expect(fields({ latestVersion: null })).toEqual(["versions:no_version"]);
    expect(fields({ latestVersion: 2, publishedVersion: { number: 2, decidedOn: "2025-02-20" } })).toEqual([
      "versions:already_published",
    ]);
    expect(fields({ latestVersion: 3, publishedVersion: { number: 2, decidedOn: "2025-02-20" } })).toEqual([]);
  });

  it("refuses a new version whose decision is older than the version in force", () => {
    expect(fields({ latestVersion: 2, publishedVersion: { number: 1, decidedOn: "2025-02-21" } })).toEqual([
      "decidedOn:earlier_than_in_force",
    ]);
  });
});

describe("review state", () => {
  it("is overdue after the review date, due on it, due soon within 30 days, ok before", () => {
    expect(reviewState("2025-03-09", TODAY)).toBe("overdue");
    expect(reviewState(TODAY, TODAY)).toBe("due");
    expect(reviewState("2025-03-11", TODAY)).toBe("due_soon");
    expect(reviewState("2025-04-09", TODAY)).toBe("due_soon"); // exactly 30 days
    expect(REVIEW_SOON_DAYS).toBe(30);
    expect(reviewState("2025-04-10", TODAY)).toBe("ok"); // 31 days
    expect(reviewState(null, TODAY)).toBe("none");
  });

  it("counts calendar days across the change to summer time", () => {
    // 30 March 2025 is 23 hours long in Stockholm; calendar days are still days.
    expect(reviewState("2025-04-28", "2025-03-29")).toBe("due_soon");
    expect(reviewState("2025-04-29", "2025-03-29")).toBe("ok");
  });
});

describe("attached file types", () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
  const zipWith = (first: string, rest = "") => {
    const header = Buffer.alloc(30);
    header.write("PK\u0003\u0004", 0, "latin1");
    return new Uint8Array(Buffer.concat([header, Buffer.from(first + rest, "latin1")]));
  };
  it("knows PDF, ODT and DOCX by their content", () => {
    expect(detectDocumentType(bytes("%PDF-1.7\n..."))).toBe("pdf");
    expect(detectDocumentType(zipWith("mimetypeapplication/vnd.oasis.opendocument.text"))).toBe("odt");
    expect(detectDocumentType(zipWith("[Content_Types].xml", "....word/document.xml...."))).toBe("docx");
  });
  it("refuses anything else, whatever it is called", () => {
    expect(detectDocumentType(bytes("<html>not a pdf</html>"))).toBeNull();
    expect(detectDocumentType(zipWith("mimetypeapplication/vnd.oasis.opendocument.spreadsheet"))).toBeNull();
    expect(detectDocumentType(zipWith("xl/workbook.xml"))).toBeNull();
    expect(detectDocumentType(new Uint8Array())).toBeNull();
  });
});
