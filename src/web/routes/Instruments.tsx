import { useCallback, useEffect, useId, useState } from "react";
import type { ApiError } from "../api";
import { useAuth } from "../auth";
import { assessmentApi, type InstrumentSummary, instrumentExportUrl } from "../components/AssessmentApi";
import { asApiError } from "../components/CaseApi";
import { CheckboxField, FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Alert } from "../components/Field";
import { Count } from "../components/StatsCells";
import { formatDateTime, useLang } from "../i18n";
import { label, PURPOSE_LABELS } from "../labels";

/** Instrument definitions (/instrument): the list for everyone, import and retire for instrument:manage. */
export function Instruments() {
  const { t } = useLang();
  const { can } = useAuth();
  const manage = can("instrument:manage");
  const [includeRetired, setIncludeRetired] = useState(false);
  const [items, setItems] = useState<InstrumentSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await assessmentApi.instruments(includeRetired)).items);
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [includeRetired, t]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>{t("navInstruments")}</h1>
      <p>{t("instrumentsIntro")}</p>
      <p>{t("instrumentsLicence")}</p>
      <section className="card" aria-labelledby="instruments-heading">
        <h2 id="instruments-heading">{t("navInstruments")}</h2>
        <CheckboxField label={t("showRetired")} checked={includeRetired} onChange={setIncludeRetired} />
        <FormError error={error} />
        {items === null && !error && <p role="status">{t("loading")}</p>}
        {items?.length === 0 && <p>{t("noInstruments")}</p>}
        {items && items.length > 0 && <InstrumentTable items={items} manage={manage} onChanged={load} />}
      </section>
      {manage && <ImportForm onImported={load} />}
    </>
  );
}

function InstrumentTable({
  items,
  manage,
  onChanged,
}: {
  items: InstrumentSummary[];
  manage: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const { busy, error, run } = useSubmit();
  return (
    <>
      <FormError error={error} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("navInstruments")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("version")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("licence")}</th>
              <th scope="col">{t("ages")}</th>
              <th scope="col">{t("purposes")}</th>
              <th scope="col">{t("inUse")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("action")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.name}
                  <span className="hint"> ({i.key})</span>
                </th>
                <td>{i.version}</td>
                <td>{i.kind === "gas" ? t("kindGas") : t("kindItems")}</td>
                <td>{i.licence === "requires_licence" ? t("licenceRequired") : t("licenceFree")}</td>
                <td>
                  {i.ageRange.min}–{i.ageRange.max} {t("years")}
                </td>
                <td>{i.purposes.map((p) => label(PURPOSE_LABELS, p, lang)).join(", ")}</td>
                <td>
                  <Count value={i.assessments} />
                </td>
                <td>
                  {i.retired ? t("retired") : t("inForce")}
                  <span className="hint"> · {formatDateTime(i.importedAt, lang)}</span>
                </td>
                <td>
                  <a href={instrumentExportUrl(i.id)} download>
                    {t("exportJson")}
                    <span className="visually-hidden">
                      {" "}
                      {i.name} {i.version}
                    </span>
                  </a>
                  {manage && !i.retired && (
                    <>
                      {" "}
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        onClick={() => {
                          if (window.confirm(`${t("retireConfirm")} (${i.name} ${i.version})`))
                            void run(() => assessmentApi.retireInstrument(i.id), onChanged);
                        }}
                      >
                        {t("retire")}
                        <span className="visually-hidden">
                          {" "}
                          {i.name} {i.version}
                        </span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t("inUseHint")}</p>
    </>
  );
}

/** Reads a .json file into the textarea (or takes pasted JSON) and posts it; the server validates. */
function ImportForm({ onImported }: { onImported: () => Promise<void> }) {
  const { t } = useLang();
  const fileId = useId();
  const [text, setText] = useState("");
  const [parseError, setParseError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { busy, error, run, setError } = useSubmit();

  const readFile = async (file: File | undefined) => {
    setDone(false);
    setParseError(null);
    setError(null);
    if (file) setText(await file.text());
  };
  const submit = () => {
    setDone(false);
    setParseError(null);
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (e) {
      setParseError(`${t("invalidJson")}: ${e instanceof Error ? e.message : ""}`);
      return;
    }
    void run(
      () => assessmentApi.importInstrument(definition),
      async () => {
        setDone(true);
        setText("");
        await onImported();
      },
    );
  };

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t("importInstrument")}</h2>
      {done && <Alert kind="success">{t("imported")}</Alert>}
      {parseError && <Alert kind="error">{parseError}</Alert>}
      {error && error.fields.length > 0 ? <DefinitionErrors error={error} /> : <FormError error={error} />}
      <form
        className="grid-form"
        aria-labelledby="import-heading"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={fileId}>{t("definitionFile")}</label>
          <input id={fileId} type="file" accept=".json,application/json" onChange={(e) => void readFile(e.target.files?.[0])} />
        </div>
        <TextAreaField
          label={t("definitionJson")}
          hint={t("definitionJsonHint")}
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("importButton")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The server's validation issues, path first ("items.3.id: duplicate item id"). */
function DefinitionErrors({ error }: { error: ApiError }) {
  const { t } = useLang();
  return (
    <Alert kind="error">
      <strong>
        {t("definitionErrors")} ({error.fields.length}){error.message ? `: ${error.message}` : ""}
      </strong>
      <ul>
        {error.fields.map((f) => (
          <li key={`${f.path}-${f.message}`}>
            <code>{f.path.replace(/^body\.?/, "") || "/"}</code>: {f.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
