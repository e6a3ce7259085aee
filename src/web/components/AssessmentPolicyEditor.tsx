import { useId } from "react";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { useLang } from "../i18n";
import { assessmentApi } from "./AssessmentApi";
import { DistrictSettingsEditor } from "./DistrictSettingsEditor";

type Org = z.infer<typeof organisationResponse>;

const load = async (districtId: string) => (await assessmentApi.policy(districtId)).requireStructuredAssessment;
const save = async (districtId: string, required: boolean) =>
  (await assessmentApi.setPolicy(districtId, required)).requireStructuredAssessment;

/**
 * Per district: whether completing an investigation about brott/våld needs a signed structured
 * assessment or a documented reason. GET/PUT /api/admin/districts/:id/assessment-policy.
 */
export function AssessmentPolicyEditor({ org }: { org: Org }) {
  const { t } = useLang();
  const hintId = useId();
  return (
    <DistrictSettingsEditor org={org} heading={t("assessmentPolicy")} load={load} save={save}>
      {(fields) => (
        <fieldset className="choice-group" aria-describedby={hintId}>
          <legend>{t("requireAssessment")}</legend>
          <p className="hint" id={hintId}>
            {t("assessmentPolicyHint")}
          </p>
          <div className="choice-columns">
            {fields.map(({ district, value, change, inputId }) => (
              <div className="choice" key={district.id}>
                <input type="checkbox" id={inputId} checked={value} onChange={(e) => change(e.target.checked)} />
                <label htmlFor={inputId}>{district.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
    </DistrictSettingsEditor>
  );
}
