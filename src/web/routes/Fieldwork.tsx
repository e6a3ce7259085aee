import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import type { CreateShiftInput } from "../../contracts/fieldwork";
import { addCalendarDays } from "../../domain/clocks";
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  type AgeBand,
  FIELD_TAG_LABELS,
  FIELD_TAGS,
  type FieldTag,
  GENDER_LABELS,
  GENDERS,
  type Gender,
} from "../../domain/fieldwork/vocabulary";
import { roleHasPermission } from "../../domain/roles";
import { stockholmToday } from "../../domain/time";
import { useAuth } from "../auth";
import {
  CheckboxField,
  CheckboxGroup,
  FormError,
  stockholmLocalToIso,
  stockholmNowLocal,
  TextAreaField,
  useSubmit,
} from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { type AreaList, fieldworkApi, type ShiftList, type StaffList } from "../components/FieldworkApi";
import { formatDateTime, useLang } from "../i18n";

/** Where a worker with a named young person goes instead: the person search, where a report of concern is registered. */
export function ReportInsteadLink() {
  const { t } = useLang();
  return (
    <p className="hint">
      {t("fwNoPersonalData")} <Link to="/personer">{t("fwReportInstead")}</Link>.
    </p>
  );
}

type Counts = Record<`${AgeBand}/${Gender}`, string>;
const emptyCounts = () => Object.fromEntries(AGE_BANDS.flatMap((a) => GENDERS.map((g) => [`${a}/${g}`, ""]))) as Counts;

/** The contact counts as a grid: one number per age band and gender, each with its own label. */
function ContactGrid({ counts, onChange }: { counts: Counts; onChange: (c: Counts) => void }) {
  const { t, lang } = useLang();
  return (
    <fieldset className="field-wide">
      <legend>{t("fwContactCounts")}</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("fwAgeBand")}</th>
            {GENDERS.map((g) => (
              <th scope="col" key={g}>
                {GENDER_LABELS[g][lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {AGE_BANDS.map((a) => (
            <tr key={a}>
              <th scope="row">{AGE_BAND_LABELS[a][lang]}</th>
              {GENDERS.map((g) => {
                const key = `${a}/${g}` as const;
                return (
                  <td key={g}>
                    <input
                      type="number"
                      min={0}
                      max={1000}
                      inputMode="numeric"
                      aria-label={`${AGE_BAND_LABELS[a][lang]}, ${GENDER_LABELS[g][lang]}`}
                      value={counts[key]}
                      style={{ width: "5rem" }}
                      onChange={(e) => onChange({ ...counts, [key]: e.target.value })}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

function ShiftForm({ areas, staff, onSaved }: { areas: AreaList; staff: StaffList; onSaved: () => void }) {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const districts = [
    ...new Map(
      (me?.assignments ?? [])
        .filter((a) => roleHasPermission(a.role, "fieldwork:log"))
        .map((a) => [a.districtId, a.districtName] as const),
    ),
  ];
  const [districtId, setDistrictId] = useState("");
  const chosen = districtId || districts[0]?.[0] || "";
  const districtAreas = areas.items.filter((a) => a.districtId === chosen && a.active);
  const districtStaff = staff.items.filter((s) => s.districtId === chosen);
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [staffIds, setStaffIds] = useState<string[]>(me ? [me.id] : []);
  const [startedAt, setStartedAt] = useState(stockholmNowLocal());
  const [endedAt, setEndedAt] = useState(stockholmNowLocal());
  const [counts, setCounts] = useState<Counts>(emptyCounts);
  const [places, setPlaces] = useState("");
  const [observations, setObservations] = useState("");
  const [tags, setTags] = useState<string[]>([]);
  const [followUpWanted, setFollowUpWanted] = useState(false);
  const [followUpNote, setFollowUpNote] = useState("");
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const personalData = error?.code === "personal_data";

  if (!districtAreas.length && districts.length <= 1) return <p>{t("fwNoAreas")}</p>;
  return (
    <section className="card" aria-labelledby="shift-new">
      <h2 id="shift-new">{t("fwNewShift")}</h2>
      {saved && <Alert kind="success">{t("fwSaved")}</Alert>}
      <FormError error={error} />
      {personalData && (
        <p>
          <Link to="/personer">{t("fwReportInstead")}</Link>
        </p>
      )}
      <ReportInsteadLink />
      <form
        className="grid-form"
        aria-labelledby="shift-new"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          const contacts = Object.entries(counts)
            .filter(([, v]) => v !== "" && Number(v) > 0)
            .map(([k, v]) => {
              const [ageBand, gender] = k.split("/") as [AgeBand, Gender];
              return { ageBand, gender, count: Number(v) };
            });
          const body: CreateShiftInput = {
            districtId: chosen,
            areaIds,
            startedAt: stockholmLocalToIso(startedAt),
            endedAt: stockholmLocalToIso(endedAt),
            staffIds,
            contacts,
            places: places
              .split("\n")
              .map((p) => p.trim())
              .filter(Boolean),
            observations,
            tags: tags as FieldTag[],
            followUpWanted,
            followUpNote,
          };
          void run(
            () => fieldworkApi.createShift(body),
            () => {
              setSaved(true);
              setCounts(emptyCounts());
              setPlaces("");
              setObservations("");
              setTags([]);
              setFollowUpWanted(false);
              setFollowUpNote("");
              onSaved();
            },
          );
        }}
      >
        {districts.length > 1 && (
          <SelectField label={t("fwDistrict")} value={chosen} onChange={setDistrictId} required>
            {districts.map(([id, n]) => (
              <option key={id} value={id}>
                {n}
              </option>
            ))}
          </SelectField>
        )}
        <CheckboxGroup
          legend={t("fwAreas")}
          values={areaIds}
          onChange={setAreaIds}
          options={districtAreas.map((a) => ({ value: a.id, label: a.name }))}
          error={error?.fieldMessage("areaIds")}
        />
        <Field
          label={t("fwStart")}
          type="datetime-local"
          value={startedAt}
          required
          onChange={(e) => setStartedAt(e.target.value)}
          error={error?.fieldMessage("startedAt")}
        />
        <Field
          label={t("fwEnd")}
          type="datetime-local"
          value={endedAt}
          required
          onChange={(e) => setEndedAt(e.target.value)}
          error={error?.fieldMessage("endedAt")}
        />
        <CheckboxGroup
          legend={t("fwStaff")}
          values={staffIds}
          onChange={setStaffIds}
          options={districtStaff.map((s) => ({ value: s.id, label: s.name }))}
          error={error?.fieldMessage("staffIds")}
        />
        <ContactGrid counts={counts} onChange={setCounts} />
        <TextAreaField
          label={t("fwPlaces")}
          value={places}
          onChange={(e) => setPlaces(e.target.value)}
          error={error?.fieldMessage("places")}
        />
        <TextAreaField
          label={t("fwObservations")}
          hint={t("fwNoPersonalData")}
          value={observations}
          maxLength={5000}
          onChange={(e) => setObservations(e.target.value)}
          error={error?.fieldMessage("observations")}
        />
        <CheckboxGroup
          legend={t("fwTags")}
          values={tags}
          onChange={setTags}
          options={FIELD_TAGS.map((k) => ({ value: k, label: FIELD_TAG_LABELS[k][lang] }))}
        />
        <CheckboxField label={t("fwFollowUp")} checked={followUpWanted} onChange={setFollowUpWanted} />
        {followUpWanted && (
          <TextAreaField
            label={t("fwFollowUpNote")}
            value={followUpNote}
            maxLength={2000}
            onChange={(e) => setFollowUpNote(e.target.value)}
            error={error?.fieldMessage("followUpNote")}
          />
        )}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("fwSave")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** /faltarbete: the shift log of a period, and the form to log a shift (fieldwork:log). */
export function Fieldwork() {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const today = stockholmToday();
  const [from, setFrom] = useState(addCalendarDays(today, -30));
  const [to, setTo] = useState(today);
  const [list, setList] = useState<ShiftList | null>(null);
  const [areas, setAreas] = useState<AreaList | null>(null);
  const [staff, setStaff] = useState<StaffList | null>(null);
  const load = useCallback(() => {
    fieldworkApi
      .shifts(from, to)
      .then(setList)
      .catch(() => setList({ items: [], truncated: false }));
  }, [from, to]);
  useEffect(() => {
    load();
    fieldworkApi
      .areas()
      .then(setAreas)
      .catch(() => setAreas({ items: [] }));
    if (can("fieldwork:log"))
      fieldworkApi
        .staff()
        .then(setStaff)
        .catch(() => setStaff({ items: [] }));
    // Loaded once; the period form reloads the list.
  }, []);

  return (
    <>
      <h1>{t("fwTitle")}</h1>
      <p>{t("fwIntro")}</p>
      <ul className="inline-links">
        <li>
          <Link to="/faltarbete/karta">{t("fwNavMap")}</Link>
        </li>
        {can("fieldwork:log") && (
          <li>
            <Link to="/handelserapporter">{t("fwNavIncidents")}</Link>
          </li>
        )}
        {can("fieldwork:manage") && (
          <li>
            <Link to="/faltarbete/omraden">{t("fwManageAreas")}</Link>
          </li>
        )}
      </ul>
      {can("fieldwork:log") && areas && staff && <ShiftForm areas={areas} staff={staff} onSaved={load} />}
      <section className="card" aria-labelledby="shift-list">
        <h2 id="shift-list">{t("fwShifts")}</h2>
        <form
          className="grid-form"
          aria-labelledby="shift-list"
          onSubmit={(e) => {
            e.preventDefault();
            load();
          }}
        >
          <Field label={t("fwFrom")} type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />
          <Field label={t("fwTo")} type="date" value={to} required onChange={(e) => setTo(e.target.value)} />
          <div className="form-actions">
            <button type="submit">{t("fwShow")}</button>
          </div>
        </form>
        {!list ? (
          <p role="status">{t("loading")}</p>
        ) : list.items.length === 0 ? (
          <p>{t("fwNoShifts")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("fwStart")}</th>
                <th scope="col">{t("fwEnd")}</th>
                <th scope="col">{t("fwAreas")}</th>
                <th scope="col">{t("fwStaff")}</th>
                <th scope="col">{t("fwContacts")}</th>
                <th scope="col">{t("fwTags")}</th>
                <th scope="col">{t("fwFollowUp")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.startedAt, lang)}</td>
                  <td>{formatDateTime(s.endedAt, lang)}</td>
                  <td>{s.areas.map((a) => a.name).join(", ")}</td>
                  <td>{s.staff.map((p) => p.name).join(", ")}</td>
                  <td>{s.contactsTotal}</td>
                  <td>{s.tags.map((k) => FIELD_TAG_LABELS[k][lang]).join(", ")}</td>
                  <td>{s.followUpWanted ? t("fwYes") : t("fwNo")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list?.truncated && <p>{t("fwTruncated")}</p>}
      </section>
    </>
  );
}
