import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { AGENCIES, AGENCY_LABELS, FORUM_TYPE_LABELS, FORUM_TYPES, type ForumType } from "../../domain/consent/vocabulary";
import { roleHasPermission } from "../../domain/roles";
import { useAuth } from "../auth";
import { CheckboxGroup, FormError, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { type ForumList, samverkanApi } from "../components/SamverkanApi";
import { useLang } from "../i18n";

/** /samverkan: the forums of the user's districts, and a form to start a new one. */
export function Forums() {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const [list, setList] = useState<ForumList | null>(null);
  const load = useCallback(() => {
    samverkanApi
      .forums()
      .then(setList)
      .catch(() => setList({ items: [] }));
  }, []);
  useEffect(load, []);
  const districts = [
    ...new Map(
      (me?.assignments ?? [])
        .filter((a) => roleHasPermission(a.role, "forum:manage"))
        .map((a) => [a.districtId, a.districtName] as const),
    ),
  ];
  const [districtId, setDistrictId] = useState("");
  const [name, setName] = useState("");
  const [type, setType] = useState<ForumType>("sig");
  const [ageMin, setAgeMin] = useState("13");
  const [ageMax, setAgeMax] = useState("20");
  const [agencies, setAgencies] = useState<string[]>(["skola", "polis", "fritid"]);
  const [cadence, setCadence] = useState("");
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const chosenDistrict = districtId || districts[0]?.[0] || "";

  return (
    <>
      <h1>{t("samForumsTitle")}</h1>
      <p>{t("samForumsIntro")}</p>
      <section className="card" aria-labelledby="forums-list">
        <h2 id="forums-list">{t("samNavForums")}</h2>
        {!list ? (
          <p role="status">{t("loading")}</p>
        ) : list.items.length === 0 ? (
          <p>{t("samNoForums")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("samForumName")}</th>
                <th scope="col">{t("samForumType")}</th>
                <th scope="col">{t("samAges")}</th>
                <th scope="col">{t("samAgencies")}</th>
                <th scope="col">{t("samNextMeeting")}</th>
                <th scope="col">{t("samDistrict")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`/samverkan/forum/${f.id}`}>{f.name}</Link>
                    {!f.active && ` (${t("samInactive")})`}
                  </td>
                  <td>{FORUM_TYPE_LABELS[f.type][lang]}</td>
                  <td>
                    {f.ageMin}–{f.ageMax}
                  </td>
                  <td>{f.agencies.map((a) => AGENCY_LABELS[a][lang]).join(", ")}</td>
                  <td>{f.nextMeetingOn ?? "—"}</td>
                  <td>{f.districtName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="forum-new">
        <h2 id="forum-new">{t("samNewForum")}</h2>
        {saved && <Alert kind="success">{t("samCreated")}</Alert>}
        <FormError error={error} />
        <form
          className="grid-form"
          aria-labelledby="forum-new"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            void run(
              () =>
                samverkanApi.createForum({
                  districtId: chosenDistrict,
                  name,
                  type,
                  ageMin: Number(ageMin),
                  ageMax: Number(ageMax),
                  agencies: agencies as (typeof AGENCIES)[number][],
                  cadence,
                }),
              () => {
                setSaved(true);
                setName("");
                load();
              },
            );
          }}
        >
          {districts.length > 1 && (
            <SelectField label={t("samDistrict")} value={chosenDistrict} onChange={setDistrictId} required>
              {districts.map(([id, n]) => (
                <option key={id} value={id}>
                  {n}
                </option>
              ))}
            </SelectField>
          )}
          <Field
            label={t("samForumName")}
            value={name}
            maxLength={200}
            required
            onChange={(e) => setName(e.target.value)}
            error={error?.fieldMessage("name")}
          />
          <SelectField label={t("samForumType")} value={type} onChange={(v) => setType(v as ForumType)} required>
            {FORUM_TYPES.map((k) => (
              <option key={k} value={k}>
                {FORUM_TYPE_LABELS[k][lang]}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("samAgeMin")}
            type="number"
            min={0}
            max={30}
            value={ageMin}
            required
            onChange={(e) => setAgeMin(e.target.value)}
            error={error?.fieldMessage("ageMin")}
          />
          <Field
            label={t("samAgeMax")}
            type="number"
            min={0}
            max={30}
            value={ageMax}
            required
            onChange={(e) => setAgeMax(e.target.value)}
            error={error?.fieldMessage("ageMax")}
          />
          <Field label={t("samCadence")} value={cadence} maxLength={200} onChange={(e) => setCadence(e.target.value)} />
          <CheckboxGroup
            legend={t("samAgencies")}
            values={agencies}
            onChange={setAgencies}
            options={AGENCIES.map((a) => ({ value: a, label: AGENCY_LABELS[a][lang] }))}
            error={error?.fieldMessage("agencies")}
          />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t("samCreate")}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
