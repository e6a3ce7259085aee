import { type FormEvent, useEffect, useState } from "react";
import { Link } from "react-router";
import { DEVIATION_KIND_LABELS, LEX_SARAH_LABELS, SEVERITY_LABELS } from "../../domain/deviations/vocabulary";
import { DEVIATION_STATES } from "../../domain/deviations/workflow";
import { ApiError } from "../api";
import { useAuth } from "../auth";
import { type DeviationListItem, deviationApi } from "../components/DeviationApi";
import { Alert, SelectField } from "../components/Field";
import { ScrollTable } from "../components/InsatsParts";
import { formatDateTime, type TextKey, useLang } from "../i18n";

type Filter = { state?: string; lexSarah?: string };

/** The managers' list of avvikelser (/avvikelser): newest first, by state and lex Sarah, page by page. */
export function Deviations() {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [filter, setFilter] = useState<Filter>({});
  const [items, setItems] = useState<DeviationListItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function load(more = false, e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    setLoading(true);
    try {
      const page = await deviationApi.list({ ...filter, limit: 50, cursor: more ? (cursor ?? undefined) : undefined });
      setItems((prev) => (more && prev ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("error"));
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load();
  }, []);

  return (
    <>
      <h1>{t("dvListTitle")}</h1>
      <p>{t("dvListIntro")}</p>
      <p>
        <Link to="/avvikelser/ny">{t("dvNavReport")}</Link>
        {can("review:manage") && (
          <>
            {" · "}
            <Link to="/egenkontroll/sena-tidsfrister">{t("ldNav")}</Link>
          </>
        )}
        {can("stats:read") && (
          <>
            {" · "}
            <Link to="/statistik/avvikelser">{t("dvNavStats")}</Link>
          </>
        )}
      </p>
      <section className="card">
        <form className="inline-form" aria-label={t("filter")} onSubmit={(e) => void load(false, e)}>
          <SelectField
            label={t("dvState")}
            value={filter.state ?? ""}
            onChange={(v) => setFilter((f) => ({ ...f, state: v || undefined }))}
          >
            <option value="">{t("dvAllStates")}</option>
            {DEVIATION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`dvState_${s}` as TextKey)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("dvLexFilter")}
            value={filter.lexSarah ?? ""}
            onChange={(v) => setFilter((f) => ({ ...f, lexSarah: v || undefined }))}
          >
            <option value="">{t("dvLexAll")}</option>
            <option value="any">{t("dvLexAny")}</option>
            <option value="missforhallande">{LEX_SARAH_LABELS.missforhallande[lang]}</option>
            <option value="risk">{LEX_SARAH_LABELS.risk[lang]}</option>
          </SelectField>
          <button type="submit" disabled={loading}>
            {t("filter")}
          </button>
        </form>
        {loading && <p role="status">{t("loading")}</p>}
        {error && <Alert kind="error">{error}</Alert>}
      </section>
      {items && (
        <section className="card" aria-labelledby="dv-list">
          <h2 id="dv-list">{t("dvNavList")}</h2>
          {items.length === 0 ? (
            <p>{t("noData")}</p>
          ) : (
            <ScrollTable label={t("dvNavList")}>
              <table>
                <caption className="visually-hidden">{t("dvNavList")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("dvReportedAt")}</th>
                    <th scope="col">{t("dvKindShort")}</th>
                    <th scope="col">{t("unit")}</th>
                    <th scope="col">{t("dvState")}</th>
                    <th scope="col">{t("dvSeverity")}</th>
                    <th scope="col">{t("dvLexFilter")}</th>
                    <th scope="col">{t("dvReporter")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <tr key={d.id}>
                      <th scope="row">
                        <Link to={`/avvikelser/${d.id}`}>{formatDateTime(d.reportedAt, lang)}</Link>
                      </th>
                      <td>{DEVIATION_KIND_LABELS[d.kind][lang]}</td>
                      <td>{d.unitName}</td>
                      <td>{t(`dvState_${d.state}` as TextKey)}</td>
                      <td>{d.severity ? SEVERITY_LABELS[d.severity][lang] : "—"}</td>
                      <td>
                        {d.lexSarah === "none" ? "—" : LEX_SARAH_LABELS[d.lexSarah][lang]}
                        {d.serious && <strong> · {t("dvSerious")}</strong>}
                      </td>
                      <td>
                        {d.reportedByName}
                        {d.own && <span className="hint"> ({t("dvOwn")})</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          {cursor && (
            <div className="button-row">
              <button type="button" className="secondary" disabled={loading} onClick={() => void load(true)}>
                {t("dvShowMore")}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
