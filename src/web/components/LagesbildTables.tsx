import type { LagesbildDetail } from "../../contracts/lagesbild";
import { useLang } from "../i18n";
import { AreaMap } from "./AreaMap";

/** A published count: a hidden one is "–" with its reason for screen readers, never 0. */
export function Count({ value }: { value: number | null }) {
  const { t } = useLang();
  if (value === null)
    return (
      <span title={t("lbHidden")}>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t("lbHidden")}</span>
      </span>
    );
  return <>{value}</>;
}

type Table = LagesbildDetail["tables"][number];

/** One table of the lägesbild: rows by category, boys and girls apart, with its definition beside it. */
export function LagesbildCountTable({ table }: { table: Table }) {
  const { t, lang } = useLang();
  const id = `lb-table-${table.indicator}`;
  return (
    <section aria-labelledby={id} className="lb-table">
      <h3 id={id}>{table.name[lang]}</h3>
      <p className="hint">
        <strong>{t("lbDefinition")}:</strong> {table.definition[lang]}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{table.name[lang]}</th>
            <th scope="col">{t("lbAll")}</th>
            <th scope="col">{t("lbBoys")}</th>
            <th scope="col">{t("lbGirls")}</th>
            <th scope="col">{t("lbOther")}</th>
          </tr>
        </thead>
        <tbody>
          {[...table.rows, ...(table.total ? [table.total] : [])].map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.key === "total" ? t("lbAll") : r.label[lang]}</th>
              <td>
                <Count value={r.all} />
              </td>
              <td>
                <Count value={r.boys} />
              </td>
              <td>
                <Count value={r.girls} />
              </td>
              <td>
                <Count value={r.other} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The fältarbete by area: shifts, contacts (girls and boys apart), approved incidents and tags. */
export function LagesbildFieldwork({ fieldwork }: { fieldwork: NonNullable<LagesbildDetail["fieldwork"]> }) {
  const { t, lang } = useLang();
  return (
    <section aria-labelledby="lb-fieldwork" className="lb-table">
      <h3 id="lb-fieldwork">{fieldwork.name[lang]}</h3>
      <p className="hint">
        <strong>{t("lbDefinition")}:</strong> {fieldwork.definition[lang]}
      </p>
      <AreaMap
        areas={fieldwork.areas.map((a) => ({ id: a.areaId, name: a.name, polygon: a.polygon }))}
        values={Object.fromEntries(fieldwork.areas.map((a) => [a.areaId, a.contacts]))}
        label={t("lbMapLabel")}
      />
      <table>
        <thead>
          <tr>
            <th scope="col">{t("lbArea")}</th>
            <th scope="col">{t("lbShifts")}</th>
            <th scope="col">{t("lbContacts")}</th>
            <th scope="col">{t("lbGirls")}</th>
            <th scope="col">{t("lbBoys")}</th>
            <th scope="col">{t("lbIncidents")}</th>
            <th scope="col">{t("lbTags")}</th>
          </tr>
        </thead>
        <tbody>
          {fieldwork.areas.map((a) => (
            <tr key={a.areaId}>
              <th scope="row">{a.name}</th>
              <td>
                <Count value={a.shifts} />
              </td>
              <td>
                <Count value={a.contacts} />
              </td>
              <td>
                <Count value={a.girls} />
              </td>
              <td>
                <Count value={a.boys} />
              </td>
              <td>
                <Count value={a.incidents} />
              </td>
              <td>{a.tags.map((tag) => `${tag.tag}: ${tag.count ?? "–"}`).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
