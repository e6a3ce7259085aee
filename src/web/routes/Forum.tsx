import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { AGENCY_LABELS, FORUM_TYPE_LABELS } from "../../domain/consent/vocabulary";
import { stockholmToday } from "../../domain/time";
import { ApiError } from "../api";
import { FormError, useSubmit } from "../components/CaseFormParts";
import { Alert, Field } from "../components/Field";
import { type ForumDetail, samverkanApi } from "../components/SamverkanApi";
import { useLang } from "../i18n";
import { NotFound } from "./NotFound";

/** /samverkan/forum/:id: one forum, its meetings, and a form for the next meeting. */
export function Forum() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const [forum, setForum] = useState<ForumDetail | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    samverkanApi
      .forum(id)
      .then(setForum)
      .catch((e) => setFailed(e instanceof ApiError ? e : new ApiError(0, "error", "", [])));
  }, [id]);
  useEffect(load, [load]);
  const [meetingOn, setMeetingOn] = useState(stockholmToday());
  const [place, setPlace] = useState("");
  const { busy, error, run } = useSubmit();

  if (failed?.status === 404 || failed?.status === 400) return <NotFound />;
  if (failed) return <Alert kind="error">{t("error")}</Alert>;
  if (!forum) return <p role="status">{t("loading")}</p>;
  return (
    <>
      <h1>{forum.name}</h1>
      <section className="card" aria-label={forum.name}>
        <dl className="facts">
          <dt>{t("samForumType")}</dt>
          <dd>{FORUM_TYPE_LABELS[forum.type][lang]}</dd>
          <dt>{t("samAges")}</dt>
          <dd>
            {forum.ageMin}–{forum.ageMax}
          </dd>
          <dt>{t("samAgencies")}</dt>
          <dd>{forum.agencies.map((a) => AGENCY_LABELS[a][lang]).join(", ")}</dd>
          <dt>{t("samCadence")}</dt>
          <dd>{forum.cadence || "—"}</dd>
          <dt>{t("samDistrict")}</dt>
          <dd>{forum.districtName}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="forum-meetings">
        <h2 id="forum-meetings">{t("samMeetings")}</h2>
        {forum.meetings.length === 0 ? (
          <p>{t("samNoMeetings")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("samMeetingOn")}</th>
                <th scope="col">{t("samPlace")}</th>
                <th scope="col">{t("samAgendaCount")}</th>
                <th scope="col">{t("samHasMinutes")}</th>
              </tr>
            </thead>
            <tbody>
              {forum.meetings.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/samverkan/moten/${m.id}`}>{m.meetingOn}</Link>
                  </td>
                  <td>{m.place || "—"}</td>
                  <td>{m.agendaCount}</td>
                  <td>{m.hasMinutes ? t("samYes") : t("samNo")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {forum.active && (
        <section className="card" aria-labelledby="meeting-new">
          <h2 id="meeting-new">{t("samNewMeeting")}</h2>
          <FormError error={error} />
          <form
            className="grid-form"
            aria-labelledby="meeting-new"
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                const created = await samverkanApi.createMeeting(forum.id, { meetingOn, place });
                navigate(`/samverkan/moten/${created.id}`);
              });
            }}
          >
            <Field
              label={t("samMeetingOn")}
              type="date"
              value={meetingOn}
              required
              onChange={(e) => setMeetingOn(e.target.value)}
              error={error?.fieldMessage("meetingOn")}
            />
            <Field label={t("samPlace")} value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} />
            <div className="form-actions">
              <button type="submit" disabled={busy}>
                {t("samCreate")}
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}
