import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { type ApiError, api } from "../api";
import { asApiError, type CaseListItem, caseApi } from "../components/CaseApi";
import { assignableIn, CaseAssignControl, useCaseload } from "../components/CaseAssignment";
import { FormError } from "../components/CaseFormParts";
import { formatDateTime, useLang } from "../i18n";

type Org = z.infer<typeof organisationResponse>;

/** Ärendefördelning for the enhetschef: open cases per handläggare, and the cases nobody has yet. */
export function Caseload() {
  const { t, lang } = useLang();
  const { caseload, reload } = useCaseload();
  const [org, setOrg] = useState<Org | null>(null);
  const [unassigned, setUnassigned] = useState<CaseListItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");

  useEffect(() => {
    api
      .organisation()
      .then(setOrg)
      .catch(() => setOrg(null));
  }, []);
  const loadUnassigned = useCallback(
    async (cursor?: string) => {
      try {
        const res = await caseApi.list({ assignedTo: "none", status: "open", limit: 50, cursor });
        setUnassigned((prev) => (cursor ? [...(prev ?? []), ...res.items] : res.items));
        setNext(res.nextCursor);
        setError(null);
      } catch (e) {
        setError(asApiError(e, t("error")));
      }
    },
    [t],
  );
  useEffect(() => {
    void loadUnassigned();
  }, [loadUnassigned]);

  const districtOf = (unitId: string) => org?.units.find((u) => u.id === unitId)?.districtId;
  const districtName = (id: string | undefined) => org?.districts.find((d) => d.id === id)?.name ?? "—";
  // A handläggare in two units has a row per unit with the same count: total each person once.
  const total = [...new Map((caseload ?? []).map((r) => [r.userId, r.open])).values()].reduce((n, x) => n + x, 0);

  return (
    <>
      <h1>{t("navCaseload")}</h1>
      <div className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </div>
      <section className="card" aria-labelledby="caseload-heading">
        <h2 id="caseload-heading">{t("caseloadPerWorker")}</h2>
        {!caseload && <p role="status">{t("loading")}</p>}
        {caseload && caseload.length === 0 && <p>{t("noCaseWorkers")}</p>}
        {caseload && caseload.length > 0 && (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("caseloadPerWorker")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("caseWorker")}</th>
                  <th scope="col">{t("unit")}</th>
                  <th scope="col">{t("district")}</th>
                  <th scope="col" className="num">
                    {t("openCases")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {caseload.map((r) => (
                  <tr key={`${r.userId}-${r.unitId}`}>
                    <th scope="row">{r.name}</th>
                    <td>{r.unitName}</td>
                    <td>{districtName(districtOf(r.unitId))}</td>
                    <td className="num">{r.open}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t("total")}
                  </th>
                  <td className="num">{total}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <p className="hint">{t("caseloadNote")}</p>
      </section>

      <section className="card" aria-labelledby="unassigned-heading">
        <h2 id="unassigned-heading">{t("unassignedCases")}</h2>
        <FormError error={error} />
        {!unassigned && !error && <p role="status">{t("loading")}</p>}
        {unassigned && unassigned.length === 0 && <p>{t("noUnassigned")}</p>}
        {unassigned && unassigned.length > 0 && (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("unassignedCases")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("person")}</th>
                  <th scope="col">{t("district")}</th>
                  <th scope="col">{t("caseOpened")}</th>
                  <th scope="col">{t("assign")}</th>
                </tr>
              </thead>
              <tbody>
                {unassigned.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/arenden/${c.id}`}>{c.personName}</Link>
                    </th>
                    <td>{districtName(c.districtId)}</td>
                    <td>{formatDateTime(c.openedAt, lang)}</td>
                    <td>
                      <CaseAssignControl
                        caseId={c.id}
                        options={assignableIn(caseload, c.districtId, org)}
                        current={{ userId: null, unitId: null }}
                        compact
                        context={c.personName}
                        onChanged={async () => {
                          setNotice(`${t("assignedNotice")}: ${c.personName}`);
                          setUnassigned((prev) => (prev ?? []).filter((x) => x.id !== c.id));
                          await reload();
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next && (
          <button type="button" className="secondary" onClick={() => void loadUnassigned(next)}>
            {t("showMore")}
          </button>
        )}
      </section>
    </>
  );
}
