import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { useLang } from "../i18n";
import { DistrictSettingsEditor } from "./DistrictSettingsEditor";
import { Field } from "./Field";
import { insatsApi } from "./InsatsApi";

type Org = z.infer<typeof organisationResponse>;

// Kept as text while typed, so a half-typed number is not saved; the server checks 1–90.
const load = async (districtId: string) => String((await insatsApi.policy(districtId)).planDueDays);
const save = async (districtId: string, days: string) =>
  String((await insatsApi.setPolicy(districtId, Number(days))).planDueDays);

/**
 * Per district: within how many days of an insats's start its genomförandeplan must be signed
 * before the insats is flagged. GET/PUT /api/admin/districts/:id/insats-policy.
 */
export function InsatsPolicyEditor({ org }: { org: Org }) {
  const { t } = useLang();
  return (
    <DistrictSettingsEditor
      org={org}
      heading={t("insatsPolicy")}
      hint={<p className="hint">{t("insatsPolicyHint")}</p>}
      load={load}
      save={save}
    >
      {(fields) => (
        <div className="grid-form">
          {fields.map(({ district, value, change }) => (
            <Field
              key={district.id}
              label={`${district.name}: ${t("planDueDays")}`}
              type="number"
              min={1}
              max={90}
              required
              value={value}
              onChange={(e) => change(e.target.value)}
            />
          ))}
        </div>
      )}
    </DistrictSettingsEditor>
  );
}
