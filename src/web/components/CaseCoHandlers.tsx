import { useState } from "react";
import type { z } from "zod";
import type { coHandlerBody, coHandlerChanged } from "../../contracts/co-handlers";
import type { organisationResponse } from "../../contracts/organisation";
import { request } from "../api";
import { fill, formatDateTime, useLang } from "../i18n";
import type { CaseFile } from "./CaseApi";
import { assignableIn, useCaseload } from "./CaseAssignment";
import { FormError, useSubmit } from "./CaseFormParts";
import { SelectField } from "./Field";

type Org = z.infer<typeof organisationResponse>;
type Changed = z.infer<typeof coHandlerChanged>;

export const coHandlerApi = {
  add: (caseId: string, body: z.input<typeof coHandlerBody>) =>
    request<Changed>("POST", `/api/cases/${caseId}/co-handlers`, body),
  remove: (caseId: string, userId: string) => request<Changed>("DELETE", `/api/cases/${caseId}/co-handlers/${userId}`),
};

/** The case's medhandläggare as text, for the case summary. */
export function CoHandlerNames({ c }: { c: CaseFile }) {
  const { t } = useLang();
  if (c.coHandlers.length === 0) return <em>{t("igNoCoHandlers")}</em>;
  return <>{c.coHandlers.map((h) => h.name).join(", ")}</>;
}

/** For the enhetschef (case:assign): the medhandläggare with a remove button each, and a form that adds one. */
export function CaseCoHandlers({ c, org, onChanged }: { c: CaseFile; org: Org | null; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const { caseload } = useCaseload();
  const [userId, setUserId] = useState("");
  const { busy, error, run } = useSubmit();
  const taken = new Set([c.assignedTo, ...c.coHandlers.map((h) => h.userId)]);
  // One option per handläggare of the district (the caseload lists them per unit).
  const options = [
    ...new Map(
      (assignableIn(caseload, c.districtId, org) ?? []).filter((o) => !taken.has(o.userId)).map((o) => [o.userId, o]),
    ).values(),
  ];
  return (
    <>
      <h3 id="co-handlers-heading">{t("igCoHandlers")}</h3>
      <FormError error={error} />
      {c.coHandlers.length === 0 ? (
        <p>{t("igNoCoHandlers")}</p>
      ) : (
        <ul aria-labelledby="co-handlers-heading">
          {c.coHandlers.map((h) => (
            <li key={h.userId}>
              {h.name}{" "}
              <span className="hint">{fill(t("igAddedBy"), { date: formatDateTime(h.addedAt, lang), name: h.addedByName })}</span>{" "}
              <button
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={fill(t("igRemoveCoHandler"), { name: h.name })}
                onClick={() => void run(() => coHandlerApi.remove(c.id, h.userId), onChanged)}
              >
                {t("igRemove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label={t("igAddCoHandler")}
        onSubmit={(e) => {
          e.preventDefault();
          if (userId)
            void run(
              () => coHandlerApi.add(c.id, { userId }),
              async () => {
                setUserId("");
                await onChanged();
              },
            );
        }}
      >
        <SelectField
          label={t("igAddCoHandler")}
          value={userId}
          onChange={setUserId}
          error={error?.fieldMessage("userId")}
          required
        >
          <option value="">{caseload ? t("choose") : t("loading")}</option>
          {options.map((o) => (
            <option key={o.userId} value={o.userId}>
              {o.name} — {o.unitName}
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={busy || !userId}>
          {t("igAddCoHandler")}
        </button>
      </form>
    </>
  );
}
