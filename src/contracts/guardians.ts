import { z } from "zod";
import {
  CHILD_VIEW_STAGES,
  GUARDIAN_POSITIONS,
  INFORM_METHODS,
  NOT_HEARD_REASONS,
  RELATIONS,
} from "../domain/guardians/vocabulary";
import { day, safeText } from "./common";

/* Guardians and the child's voice (issue 18 point 3): request and response shapes. */

export const createRelationBody = z.strictObject({
  /** The related person is looked up by personnummer in the body, never in a URL. */
  personnummer: safeText.trim().min(10).max(13),
  relation: z.enum(RELATIONS),
  custody: z.boolean().default(false),
});

/**
 * A related person as the reader may see them. With skyddade personuppgifter and no
 * protected-identity access, or outside the reader's scope, the person is "hidden": no id, name,
 * personnummer or address — only the relation and custody.
 */
export const relatedPerson = z.object({
  relationId: z.uuid(),
  relation: z.enum(RELATIONS),
  custody: z.boolean(),
  hidden: z.enum(["protected", "out_of_scope"]).nullable(),
  personId: z.uuid().nullable(),
  name: z.string().nullable(),
  personnummerMasked: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
});
export type RelatedPerson = z.infer<typeof relatedPerson>;
export const relationList = z.object({ items: z.array(relatedPerson) });

export const createNoticeBody = z.strictObject({
  /** The child's relation to the guardian (person_relations.id): a hidden guardian is named by it. */
  relationId: z.uuid(),
  informedOn: day,
  method: z.enum(INFORM_METHODS),
  position: z.enum(GUARDIAN_POSITIONS).optional(),
  note: safeText.trim().max(2_000).optional(),
});
export const noticeRecorded = z.object({ id: z.uuid(), investigationId: z.uuid(), relationId: z.uuid(), informedOn: z.string() });

/** Barnets syn: what the child said, or the reason the child was not heard and a note. */
const childViewFields = {
  view: safeText.trim().optional(),
  notHeardReason: z.enum(NOT_HEARD_REASONS).optional(),
  notHeardNote: safeText.trim().max(2_000).optional(),
};
export const createChildViewBody = z.strictObject({
  stage: z.enum(CHILD_VIEW_STAGES),
  /** The report whose förhandsbedömning it belongs to. */
  reportId: z.uuid().optional(),
  /** The investigation (utredning; optional at a follow-up). */
  investigationId: z.uuid().optional(),
  recordedOn: day,
  ...childViewFields,
});
export const childViewRecorded = z.object({ id: z.uuid(), stage: z.enum(CHILD_VIEW_STAGES), recordedOn: z.string() });

/** The child's view given with the completion of an investigation (contracts/cases completeInvestigationBody). */
export const completionChildViewFields = {
  childView: childViewFields.view,
  childNotHeardReason: childViewFields.notHeardReason,
  childNotHeardNote: childViewFields.notHeardNote,
};

const guardianRef = z.object({
  relationId: z.uuid(),
  relation: z.enum(RELATIONS),
  /** Null when hidden (skyddade personuppgifter, or outside the reader's scope). */
  name: z.string().nullable(),
  hidden: z.enum(["protected", "out_of_scope"]).nullable(),
});
export const participationResponse = z.object({
  /** The child's custodial guardians now (live links with custody). */
  custodians: z.array(guardianRef),
  investigations: z.array(
    z.object({
      investigationId: z.uuid(),
      notices: z.array(
        guardianRef.extend({
          id: z.uuid(),
          informedOn: z.string(),
          method: z.enum(INFORM_METHODS),
          position: z.enum(GUARDIAN_POSITIONS).nullable(),
          note: z.string().nullable(),
          recordedByName: z.string(),
        }),
      ),
      /** Custodial guardians not yet recorded as informed of this investigation. */
      uninformed: z.array(guardianRef),
      /** A child's view (or the reason) documented in this investigation. */
      childViewDocumented: z.boolean(),
    }),
  ),
  childViews: z.array(
    z.object({
      id: z.uuid(),
      stage: z.enum(CHILD_VIEW_STAGES),
      reportId: z.uuid().nullable(),
      investigationId: z.uuid().nullable(),
      recordedOn: z.string(),
      view: z.string().nullable(),
      notHeardReason: z.enum(NOT_HEARD_REASONS).nullable(),
      notHeardNote: z.string().nullable(),
      recordedByName: z.string(),
      /** The law in force on the day, e.g. "11 kap. 10 § SoL (2001:453)". */
      citation: z.string(),
    }),
  ),
});
export type Participation = z.infer<typeof participationResponse>;
