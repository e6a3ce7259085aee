import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { DECISION_TYPES, DEFAULT_DELEGATION } from "../../domain/case-flow";
import { PERMISSIONS, ROLE_LABELS, ROLES, type Role } from "../../domain/roles";
import type { ApiError } from "../api";
import { useLang } from "../i18n";
import { DECISION_TYPE_LABELS, label } from "../labels";
import { asApiError, caseApi } from "./CaseApi";
import { FormError } from "./CaseFormParts";
import { Alert, SelectField } from "./Field";

type Org = z.infer<typeof organisationResponse>;
type Rows = Record<string, string[]>;

/** Roles offered as columns: those that may take decisions at all (case:write), plus any already configured. */
const DECIDING_ROLES: readonly Role[] = PERMISSIONS["case:write"];

/**
 * Delegationsordning per district: which roles may take each decision type.
 * GET/PUT /api/admin/districts/:id/delegations; unconfigured districts show the defaults.
 */
export function DelegationEditor({ org }: { org: Org }) {
  const { t, lang } = useLang();
  const [districtId, setDistrictId] = useState(org.districts[0]?.id ?? "");
  const [rows, setRows] = useState<Rows | null>(null);
  const [configured, setConfigured] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const apply = useCallback((res: { configured: boolean; rows: { decisionType: string; roles: string[] }[] }) => {
    const next: Rows = {};
    for (const type of DECISION_TYPES) next[type] = [];
    for (const r of res.rows) next[r.decisionType] = [...r.roles];
    setRows(next);
    setConfigured(res.configured);
  }, []);

  useEffect(() => {
    if (!districtId) return;
    setRows(null);
    setError(null);
    setSaved(false);
    caseApi
      .delegations(districtId)
      .then(apply)
      .catch((e) => setError(asApiError(e, t("error"))));
  }, [districtId, apply, t]);

  const roles = ROLES.filter((r) => DECIDING_ROLES.includes(r) || Object.values(rows ?? {}).some((list) => list.includes(r)));
  const toggle = (type: string, role: string, on: boolean) => {
    setSaved(false);
    setRows((prev) => {
      const list = prev?.[type] ?? [];
      return { ...prev, [type]: on ? [...list.filter((x) => x !== role), role] : list.filter((x) => x !== role) };
    });
  };
  const save = async () => {
    if (!rows) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      apply(
        await caseApi.setDelegations(
          districtId,
          DECISION_TYPES.map((d) => ({ decisionType: d, roles: rows[d] ?? [] })),
        ),
      );
      setSaved(true);
    } catch (e) {
      setError(asApiError(e, t("error")));
    } finally {
      setBusy(false);
    }
  };
  const district = org.districts.find((d) => d.id === districtId);

  return (
    <section className="card" aria-labelledby="delegation-heading">
      <h2 id="delegation-heading">{t("delegation")}</h2>
      <p className="hint">{t("delegationHint")}</p>
      <SelectField label={t("district")} value={districtId} onChange={setDistrictId}>
        {org.districts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <FormError error={error} />
      {saved && <Alert kind="success">{t("saved")}</Alert>}
      {!rows && !error && <p role="status">{t("loading")}</p>}
      {rows && (
        <form
          aria-labelledby="delegation-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p>
            <strong>{configured ? t("delegationConfigured") : t("delegationDefault")}</strong>
          </p>
          <div className="table-wrap">
            <table className="matrix">
              <caption>
                {t("delegation")}: {district?.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("decisionType")}</th>
                  {roles.map((r) => (
                    <th scope="col" key={r}>
                      {ROLE_LABELS[r][lang]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {DECISION_TYPES.map((type) => (
                  <tr key={type}>
                    <th scope="row">
                      {label(DECISION_TYPE_LABELS, type, lang)}
                      {(rows[type]?.length ?? 0) === 0 && <span className="field-error"> — {t("noRole")}</span>}
                    </th>
                    {roles.map((role) => {
                      const id = `deleg-${districtId}-${type}-${role}`;
                      const checked = rows[type]?.includes(role) ?? false;
                      return (
                        <td key={role} className="center">
                          <input
                            id={id}
                            type="checkbox"
                            checked={checked}
                            onChange={(e) => toggle(type, role, e.target.checked)}
                          />
                          <label htmlFor={id} className="visually-hidden">
                            {ROLE_LABELS[role][lang]} {t("mayDecide")} {label(DECISION_TYPE_LABELS, type, lang)}
                            {DEFAULT_DELEGATION[type].includes(role) && ` (${t("default")})`}
                          </label>
                          {DEFAULT_DELEGATION[type].includes(role) && (
                            <span className="hint" aria-hidden="true">
                              {" "}
                              *
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">* {t("defaultMarker")}</p>
          <button type="submit" disabled={busy}>
            {t("saveDelegation")}
          </button>
        </form>
      )}
    </section>
  );
}
