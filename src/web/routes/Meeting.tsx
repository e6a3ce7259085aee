import { useCallback, useEffect, useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import type { personSearchResponse } from "../../contracts/persons";
import { AGENCIES, AGENCY_LABELS, type Agency, FORUM_TYPE_LABELS } from "../../domain/consent/vocabulary";
import { ApiError, api } from "../api";
import { CheckboxGroup, FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { type MeetingDetail, samverkanApi } from "../components/SamverkanApi";
import { formatDateTime, useLang } from "../i18n";
import { NotFound } from "./NotFound";

type Found = z.infer<typeof personSearchResponse>["items"][number];
interface External {
  name: string;
  agency: Agency;
  role: string;
}

/** Puts a person on the agenda: search by name, choose, add (refused with the reason without consent). */
function AgendaForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const { t } = useLang();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);
  const [personId, setPersonId] = useState("");
  const [note, setNote] = useState("");
  const [added, setAdded] = useState(false);
  const search = useSubmit();
  const add = useSubmit();
  return (
    <>
      <p>{t("samAgendaIntro")}</p>
      <FormError error={search.error} />
      <form
        className="inline-form"
        aria-label={t("samSearchPerson")}
        onSubmit={(e) => {
          e.preventDefault();
          void search.run(async () => {
            const res = await api.searchPersons(q);
            setFound(res.items);
            setPersonId(res.items[0]?.id ?? "");
          });
        }}
      >
        <Field label={t("samSearchPerson")} value={q} maxLength={100} required onChange={(e) => setQ(e.target.value)} />
        <button type="submit" disabled={search.busy}>
          {t("samSearch")}
        </button>
      </form>
      {found && found.length === 0 && <p role="status">{t("noResults")}</p>}
      {found && found.length > 0 && (
        <form
          className="grid-form"
          aria-label={t("samAddToAgenda")}
          onSubmit={(e) => {
            e.preventDefault();
            setAdded(false);
            void add.run(
              () => samverkanApi.addToAgenda(meeting.id, { personId, note }),
              () => {
                setAdded(true);
                setFound(null);
                setNote("");
                onDone();
              },
            );
          }}
        >
          <SelectField
            label={t("person")}
            value={personId}
            onChange={setPersonId}
            required
            error={add.error?.fieldMessage("personId")}
          >
            {found.map((p) => (
              <option key={p.id} value={p.id}>
                {p.firstName} {p.lastName} ({p.birthDate})
              </option>
            ))}
          </SelectField>
          <Field label={t("samAgendaNote")} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          <div className="form-actions">
            <button type="submit" disabled={add.busy}>
              {t("samAddToAgenda")}
            </button>
          </div>
        </form>
      )}
      {add.error && !add.error.fieldMessage("personId") && <FormError error={add.error} />}
      {added && <Alert kind="success">{t("samAdded")}</Alert>}
    </>
  );
}

/** Who was there: staff of the district by account, other agencies' members by name, agency and role. */
function ParticipantsForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const { t, lang } = useLang();
  const [staff, setStaff] = useState<string[]>(meeting.staffParticipants.map((s) => s.id));
  const [externals, setExternals] = useState<External[]>(meeting.externalParticipants);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const headingId = useId();
  const change = (i: number, patch: Partial<External>) =>
    setExternals(externals.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <form
      className="grid-form"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void run(
          () => samverkanApi.updateMeeting(meeting.id, { staffParticipantIds: staff, externalParticipants: externals }),
          () => {
            setSaved(true);
            onDone();
          },
        );
      }}
    >
      <h3 id={headingId} className="visually-hidden">
        {t("samParticipants")}
      </h3>
      <CheckboxGroup
        legend={t("samStaffParticipants")}
        values={staff}
        onChange={setStaff}
        options={meeting.staffChoices.map((s) => ({ value: s.id, label: s.name }))}
        error={error?.fieldMessage("staffParticipantIds")}
      />
      <fieldset className="choice-group">
        <legend>{t("samExternalParticipants")}</legend>
        {externals.map((x, i) => (
          <div className="external-row" key={i}>
            <Field
              label={`${t("samExternalName")} ${i + 1}`}
              value={x.name}
              maxLength={200}
              required
              onChange={(e) => change(i, { name: e.target.value })}
            />
            <SelectField
              label={`${t("samExternalAgency")} ${i + 1}`}
              value={x.agency}
              onChange={(v) => change(i, { agency: v as Agency })}
            >
              {AGENCIES.map((a) => (
                <option key={a} value={a}>
                  {AGENCY_LABELS[a][lang]}
                </option>
              ))}
            </SelectField>
            <Field
              label={`${t("samExternalRole")} ${i + 1}`}
              value={x.role}
              maxLength={200}
              onChange={(e) => change(i, { role: e.target.value })}
            />
            <button type="button" className="secondary" onClick={() => setExternals(externals.filter((_, j) => j !== i))}>
              {t("samRemove")} {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setExternals([...externals, { name: "", agency: meeting.forumAgencies[0] ?? "skola", role: "" }])}
        >
          {t("samAddExternal")}
        </button>
      </fieldset>
      <FormError error={error} />
      {saved && <Alert kind="success">{t("samCreated")}</Alert>}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t("samSaveParticipants")}
        </button>
      </div>
    </form>
  );
}

function MinutesForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const { t } = useLang();
  const [minutes, setMinutes] = useState(meeting.minutes ?? "");
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  return (
    <form
      className="grid-form"
      aria-label={t("samMinutes")}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void run(
          () => samverkanApi.updateMeeting(meeting.id, { minutes }),
          () => {
            setSaved(true);
            onDone();
          },
        );
      }}
    >
      <TextAreaField
        label={t("samMinutes")}
        hint={t("samMinutesHint")}
        value={minutes}
        rows={8}
        maxLength={10_000}
        onChange={(e) => setMinutes(e.target.value)}
        error={error?.fieldMessage("minutes")}
      />
      <FormError error={error} />
      {saved && <Alert kind="success">{t("samCreated")}</Alert>}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t("samSaveMinutes")}
        </button>
      </div>
    </form>
  );
}

/** /samverkan/moten/:id: a forum meeting's agenda (persons, each under a consent), participants and minutes. */
export function Meeting() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    samverkanApi
      .meeting(id)
      .then(setMeeting)
      .catch((e) => setFailed(e instanceof ApiError ? e : new ApiError(0, "error", "", [])));
  }, [id]);
  useEffect(load, [load]);
  if (failed?.status === 404 || failed?.status === 400) return <NotFound />;
  if (failed) return <Alert kind="error">{t("error")}</Alert>;
  if (!meeting) return <p role="status">{t("loading")}</p>;
  return (
    <>
      <h1>
        {meeting.forumName}, {meeting.meetingOn}
      </h1>
      <p>
        <Link to={`/samverkan/forum/${meeting.forumId}`}>{t("samBackToForum")}</Link>
      </p>
      <section className="card" aria-label={t("samMeetingTitle")}>
        <dl className="facts">
          <dt>{t("samForumType")}</dt>
          <dd>{FORUM_TYPE_LABELS[meeting.forumType][lang]}</dd>
          <dt>{t("samAgencies")}</dt>
          <dd>{meeting.forumAgencies.map((a) => AGENCY_LABELS[a][lang]).join(", ")}</dd>
          <dt>{t("samPlace")}</dt>
          <dd>{meeting.place || "—"}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t("samAgenda")}</h2>
        {meeting.agenda.length === 0 ? (
          <p>{t("samAgendaEmpty")}</p>
        ) : (
          <ul>
            {meeting.agenda.map((a) => (
              <li key={a.id}>
                <Link to={`/personer/${a.personId}`}>{a.personName}</Link>
                {a.note && ` — ${a.note}`} · <Link to={`/personer/${a.personId}#action-plans-heading`}>{t("apPlans")}</Link> ·{" "}
                {a.covered ? (
                  t("samCovered")
                ) : (
                  <strong>
                    {t("samNotCovered")}: {a.coverReason?.split(" / ")[lang === "sv" ? 0 : 1]}
                  </strong>
                )}
              </li>
            ))}
          </ul>
        )}
        <AgendaForm meeting={meeting} onDone={load} />
      </section>
      <section className="card" aria-labelledby="meeting-participants">
        <h2 id="meeting-participants">{t("samParticipants")}</h2>
        <ParticipantsForm key={meeting.id} meeting={meeting} onDone={load} />
      </section>
      <section className="card" aria-labelledby="meeting-minutes">
        <h2 id="meeting-minutes">{t("samMinutes")}</h2>
        {meeting.minutesByName && meeting.minutesAt && (
          <p>
            {t("samMinutesBy")}: {meeting.minutesByName}, {formatDateTime(meeting.minutesAt, lang)}
          </p>
        )}
        <MinutesForm key={meeting.id} meeting={meeting} onDone={load} />
      </section>
    </>
  );
}
