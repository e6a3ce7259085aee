import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { RELATION_LABELS, RELATIONS, type Relation } from "../../domain/guardians/vocabulary";
import { useAuth } from "../auth";
import { type TextKey, useLang } from "../i18n";
import { CheckboxField, FormError, useSubmit } from "./CaseFormParts";
import { Alert, Field, SelectField } from "./Field";
import { guardianApi, type RelatedPerson } from "./GuardianApi";

function AddRelationForm({ personId, onDone }: { personId: string; onDone: (notice: TextKey) => void }) {
  const { t, lang } = useLang();
  const [personnummer, setPersonnummer] = useState("");
  const [relation, setRelation] = useState<Relation>("forelder");
  const [custody, setCustody] = useState(true);
  const { busy, error, run } = useSubmit();
  return (
    <div className="case-form">
      <h3 id="relation-add-heading">{t("guaAdd")}</h3>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-labelledby="relation-add-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => guardianApi.link(personId, { personnummer, relation, custody }),
            () => onDone("guaSaved"),
          );
        }}
      >
        <Field
          label={t("guaPersonnummer")}
          hint={t("guaAddHint")}
          value={personnummer}
          inputMode="numeric"
          autoComplete="off"
          maxLength={13}
          required
          onChange={(e) => setPersonnummer(e.target.value)}
          error={error?.fieldMessage("personnummer")}
        />
        <SelectField
          label={t("guaRelation")}
          value={relation}
          onChange={(v) => setRelation(v as Relation)}
          required
          error={error?.fieldMessage("relation")}
        >
          {RELATIONS.map((r) => (
            <option key={r} value={r}>
              {RELATION_LABELS[r][lang]}
            </option>
          ))}
        </SelectField>
        <CheckboxField label={t("guaCustodyCheckbox")} checked={custody} onChange={setCustody} />
        {error?.fieldMessage("custody") && <p className="field-error">{error.fieldMessage("custody")}</p>}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("guaSave")}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The name cell: a link to the person, or "Skyddad" / outside access with nothing more. */
export function RelatedName({ r }: { r: Pick<RelatedPerson, "hidden" | "name" | "personId"> }) {
  const { t } = useLang();
  if (r.hidden === "protected") {
    return (
      <span title={t("guaProtectedHint")}>
        <span aria-hidden="true">🔒 </span>
        <em>{t("guaProtected")}</em>
      </span>
    );
  }
  if (r.hidden === "out_of_scope" || !r.name) return <em>{t("guaOutOfScope")}</em>;
  return r.personId ? <Link to={`/personer/${r.personId}`}>{r.name}</Link> : <>{r.name}</>;
}

/**
 * The person page's "Närstående" panel: the child's vårdnadshavare and other related persons with
 * relation and custody, added by personnummer and removed (person:write). A related person with
 * skyddade personuppgifter shows as "Skyddad" to a user without protected-identity access.
 */
export function PersonRelations({ personId }: { personId: string }) {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [items, setItems] = useState<RelatedPerson[] | null>(null);
  const [notice, setNotice] = useState<TextKey | null>(null);
  const [formKey, setFormKey] = useState(0);
  const remove = useSubmit();
  const load = useCallback(() => {
    guardianApi
      .relations(personId)
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [personId]);
  useEffect(load, [load]);
  const done = (n: TextKey) => {
    setNotice(n);
    setFormKey((k) => k + 1);
    load();
  };
  const manage = can("person:write");
  return (
    <section className="card" aria-labelledby="relations-heading">
      <h2 id="relations-heading">
        {t("guaRelated")} <span lang={lang === "sv" ? "en" : "sv"}>/ {lang === "sv" ? "Related persons" : "Närstående"}</span>
      </h2>
      <p>{t("guaRelatedIntro")}</p>
      {notice && <Alert kind="success">{t(notice)}</Alert>}
      <FormError error={remove.error} />
      {!items ? (
        <p role="status">{t("loading")}</p>
      ) : items.length === 0 ? (
        <p>{t("guaNoRelated")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("guaRelated")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("guaName")}</th>
              <th scope="col">{t("guaRelation")}</th>
              <th scope="col">{t("guaCustody")}</th>
              <th scope="col">{t("guaPersonnummer")}</th>
              <th scope="col">{t("guaAddress")}</th>
              {manage && (
                <th scope="col">
                  <span className="visually-hidden">{t("guaRemove")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.relationId}>
                <td>
                  <RelatedName r={r} />
                </td>
                <td>{RELATION_LABELS[r.relation][lang]}</td>
                <td>{r.custody ? t("guaHasCustody") : t("guaNoCustody")}</td>
                <td>{r.personnummerMasked ?? "—"}</td>
                <td>{r.address ?? "—"}</td>
                {manage && (
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      disabled={remove.busy}
                      onClick={() =>
                        void remove.run(
                          () => guardianApi.unlink(personId, r.relationId),
                          () => done("guaRemoved"),
                        )
                      }
                    >
                      {t("guaRemove")}
                      <span className="visually-hidden">
                        {" "}
                        {r.name ?? t("guaProtected")} ({RELATION_LABELS[r.relation][lang]})
                      </span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage && <AddRelationForm key={formKey} personId={personId} onDone={done} />}
    </section>
  );
}
