import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { CreateIncidentInput } from "../../contracts/fieldwork";
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  type IncidentCategory,
  type IncidentStatus,
} from "../../domain/fieldwork/vocabulary";
import { roleHasPermission } from "../../domain/roles";
import { TIME_ZONE } from "../../domain/time";
import { useAuth } from "../auth";
import { FormError, stockholmLocalToIso, stockholmNowLocal, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { type AreaList, fieldworkApi, type Incident, type IncidentList } from "../components/FieldworkApi";
import { ScrollTable } from "../components/InsatsParts";
import { formatDateTime, useLang } from "../i18n";

type Area = AreaList["items"][number];
type Draft = { areaId: string; occurredAt: string; category: "" | IncidentCategory; description: string };

const localFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
/** An instant as a datetime-local value in Swedish time, for the correction form. */
const localValue = (iso: string) => localFormat.format(new Date(iso)).replace(" ", "T");

const emptyDraft = (): Draft => ({ areaId: "", occurredAt: stockholmNowLocal(), category: "", description: "" });

/** The areas as options, grouped by district when the user logs in more than one. */
function AreaOptions({ areas }: { areas: Area[] }) {
  const districts = [...new Map(areas.map((a) => [a.districtId, a.districtName] as const))];
  if (districts.length <= 1)
    return areas.map((a) => (
      <option key={a.id} value={a.id}>
        {a.name}
      </option>
    ));
  return districts.map(([id, name]) => (
    <optgroup key={id} label={name}>
      {areas
        .filter((a) => a.districtId === id)
        .map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
    </optgroup>
  ));
}

/**
 * The fields of a report, for a new one and for the correction of a returned one. The server refuses
 * a personnummer in the text; its message stands beside the description, with the way to a report of
 * concern for a worker who has a named young person to tell about.
 */
function ReportForm({
  labelledBy,
  areas,
  initial,
  submitLabel,
  onSubmit,
  onDone,
  children,
}: {
  labelledBy: string;
  areas: Area[];
  initial: Draft;
  submitLabel: string;
  onSubmit: (body: CreateIncidentInput) => Promise<unknown>;
  onDone: () => void;
  children?: ReactNode;
}) {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [draft, setDraft] = useState<Draft>(initial);
  const { busy, error, run } = useSubmit();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <>
      <FormError error={error} />
      {error?.code === "personal_data" && (
        <p>
          {t("incReportInstead")} {can("person:read") && <Link to="/personer">{t("incFindPerson")}</Link>}
        </p>
      )}
      <form
        className="grid-form"
        aria-labelledby={labelledBy}
        onSubmit={(e) => {
          e.preventDefault();
          const body: CreateIncidentInput = {
            areaId: draft.areaId,
            occurredAt: stockholmLocalToIso(draft.occurredAt),
            category: draft.category as IncidentCategory,
            description: draft.description,
          };
          void run(
            () => onSubmit(body),
            () => {
              setDraft(emptyDraft());
              onDone();
            },
          );
        }}
      >
        <SelectField
          label={t("incArea")}
          value={draft.areaId}
          onChange={(areaId) => set({ areaId })}
          error={error?.fieldMessage("areaId")}
          required
        >
          <option value="">{t("choose")}</option>
          <AreaOptions areas={areas} />
        </SelectField>
        <Field
          label={t("incOccurredAt")}
          hint={t("swedishTime")}
          type="datetime-local"
          value={draft.occurredAt}
          max={stockholmNowLocal()}
          required
          onChange={(e) => set({ occurredAt: e.target.value })}
          error={error?.fieldMessage("occurredAt")}
        />
        <SelectField
          label={t("incCategory")}
          value={draft.category}
          onChange={(v) => set({ category: v as IncidentCategory })}
          error={error?.fieldMessage("category")}
          required
        >
          <option value="">{t("choose")}</option>
          {INCIDENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {INCIDENT_CATEGORY_LABELS[c][lang]}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t("incDescription")}
          hint={t("incNoPersonalData")}
          value={draft.description}
          maxLength={5000}
          required
          onChange={(e) => set({ description: e.target.value })}
          error={error?.fieldMessage("description")}
        />
        <div className="form-actions button-row">
          <button type="submit" disabled={busy}>
            {submitLabel}
          </button>
          {children}
        </div>
      </form>
    </>
  );
}

/** The report the panel below the list works on, so the form is read beside what it changes. */
function ReportFacts({ item, reviewOnly }: { item: Incident; reviewOnly: boolean }) {
  const { t, lang } = useLang();
  // The reporter correcting the report has its fields in the form below: only the review is news.
  if (reviewOnly)
    return (
      <dl className="facts">
        <dt>{t("incReviewer")}</dt>
        <dd>{item.reviewedBy?.name ?? "—"}</dd>
        <dt>{t("incComment")}</dt>
        <dd className="prewrap">{item.reviewComment || "—"}</dd>
      </dl>
    );
  return (
    <dl className="facts">
      <dt>{t("incArea")}</dt>
      <dd>{item.area.name}</dd>
      <dt>{t("incOccurred")}</dt>
      <dd>{formatDateTime(item.occurredAt, lang)}</dd>
      <dt>{t("incCategory")}</dt>
      <dd>{INCIDENT_CATEGORY_LABELS[item.category][lang]}</dd>
      <dt>{t("incReporter")}</dt>
      <dd>{item.reportedBy.name}</dd>
      <dt>{t("incDescription")}</dt>
      <dd className="prewrap">{item.description}</dd>
      {item.reviewComment && (
        <>
          <dt>{t("incComment")}</dt>
          <dd className="prewrap">{item.reviewComment}</dd>
        </>
      )}
    </dl>
  );
}

type Panel = { id: string; mode: "return" | "correct" };

/** The return of a report with its required comment, or the reporter's correction of a returned one. */
function ReportPanel({
  item,
  mode,
  areas,
  onClose,
  onDone,
}: {
  item: Incident;
  mode: Panel["mode"];
  areas: Area[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  const [comment, setComment] = useState("");
  const review = useSubmit();
  // Keyboard and screen-reader users land on what they opened, below the list.
  useEffect(() => heading.current?.focus(), [item.id, mode]);
  const cancel = (
    <button type="button" className="secondary" onClick={onClose}>
      {t("incCancel")}
    </button>
  );
  return (
    <div className="subcard">
      <h3 id="inc-panel" ref={heading} tabIndex={-1}>
        {t(mode === "return" ? "incReturnTitle" : "incCorrectTitle")}
      </h3>
      <ReportFacts item={item} reviewOnly={mode === "correct"} />
      {mode === "return" ? (
        <>
          <FormError error={review.error} />
          <form
            className="grid-form"
            aria-labelledby="inc-panel"
            onSubmit={(e) => {
              e.preventDefault();
              void review.run(
                () => fieldworkApi.reviewIncident(item.id, { decision: "return", comment }),
                () => onDone(t("incReturned")),
              );
            }}
          >
            <TextAreaField
              label={t("incReturnComment")}
              hint={t("incReturnHint")}
              value={comment}
              maxLength={2000}
              required
              onChange={(e) => setComment(e.target.value)}
              error={review.error?.fieldMessage("comment")}
            />
            <div className="form-actions button-row">
              <button type="submit" disabled={review.busy}>
                {t("incReturn")}
              </button>
              {cancel}
            </div>
          </form>
        </>
      ) : (
        <ReportForm
          labelledBy="inc-panel"
          areas={areas.filter((a) => a.districtId === item.districtId)}
          initial={{
            areaId: item.area.id,
            occurredAt: localValue(item.occurredAt),
            category: item.category,
            description: item.description,
          }}
          submitLabel={t("incResubmit")}
          onSubmit={(body) => fieldworkApi.resubmitIncident(item.id, body)}
          onDone={() => onDone(t("incResubmitted"))}
        >
          {cancel}
        </ReportForm>
      )}
    </div>
  );
}

/**
 * /handelserapporter (fieldwork:log): write a händelserapport, see the district's reports by status;
 * a manager approves or returns a colleague's report, the reporter corrects a returned one.
 */
export function Incidents() {
  const { t, lang } = useLang();
  const { me, can } = useAuth();
  const [areas, setAreas] = useState<AreaList | null>(null);
  const [status, setStatus] = useState<"" | IncidentStatus>("");
  const [list, setList] = useState<IncidentList | null>(null);
  const [notice, setNotice] = useState("");
  const [sent, setSent] = useState(false);
  const [panel, setPanel] = useState<Panel | null>(null);
  const approve = useSubmit();

  const load = useCallback(() => {
    fieldworkApi
      .incidents(status || undefined)
      .then(setList)
      .catch(() => setList({ items: [], truncated: false }));
  }, [status]);
  useEffect(load, [load]);
  useEffect(() => {
    fieldworkApi
      .areas()
      .then(setAreas)
      .catch(() => setAreas({ items: [] }));
  }, []);

  // Only areas of districts where the user logs: the server refuses the others.
  const logDistricts = new Set(
    (me?.assignments ?? []).filter((a) => roleHasPermission(a.role, "fieldwork:log")).map((a) => a.districtId),
  );
  const logAreas = (areas?.items ?? []).filter((a) => a.active && logDistricts.has(a.districtId));
  const open = panel ? list?.items.find((i) => i.id === panel.id) : undefined;
  const done = (message: string) => {
    setPanel(null);
    setNotice(message);
    load();
  };
  const ownReturned = (i: Incident) => i.status === "returned" && i.reportedBy.id === me?.id;

  return (
    <>
      <h1>{t("incTitle")}</h1>
      <p>{t("incIntro")}</p>
      <p>
        <Link to="/faltarbete">{t("incBack")}</Link>
      </p>

      <section className="card" aria-labelledby="inc-new">
        <h2 id="inc-new">{t("incNew")}</h2>
        {!areas ? (
          <p role="status">{t("loading")}</p>
        ) : !logAreas.length ? (
          <p>
            {t("incNoAreas")} {can("fieldwork:manage") && <Link to="/faltarbete/omraden">{t("incManageAreas")}</Link>}
          </p>
        ) : (
          <>
            {sent && <Alert kind="success">{t("incSent")}</Alert>}
            <ReportForm
              labelledBy="inc-new"
              areas={logAreas}
              initial={emptyDraft()}
              submitLabel={t("incSend")}
              onSubmit={(body) => {
                setSent(false);
                return fieldworkApi.createIncident(body);
              }}
              onDone={() => {
                setSent(true);
                load();
              }}
            />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="inc-list">
        <h2 id="inc-list">{t("incList")}</h2>
        <div className="inline-form">
          <SelectField
            label={t("incFilterStatus")}
            value={status}
            onChange={(v) => {
              setPanel(null);
              setStatus(v as "" | IncidentStatus);
            }}
          >
            <option value="">{t("incAll")}</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {INCIDENT_STATUS_LABELS[s][lang]}
              </option>
            ))}
          </SelectField>
        </div>
        {notice && <Alert kind="success">{notice}</Alert>}
        <FormError error={approve.error} />
        {list?.items.some(ownReturned) && <p>{t("incOwnReturned")}</p>}
        {!list ? (
          <p role="status">{t("loading")}</p>
        ) : list.items.length === 0 ? (
          <p>{t("incNone")}</p>
        ) : (
          <ScrollTable label={t("incList")}>
            <table aria-labelledby="inc-list">
              <thead>
                <tr>
                  <th scope="col">{t("incArea")}</th>
                  <th scope="col">{t("incOccurred")}</th>
                  <th scope="col">{t("incCategory")}</th>
                  <th scope="col">{t("incDescription")}</th>
                  <th scope="col">{t("incStatus")}</th>
                  <th scope="col">{t("incReporter")}</th>
                  <th scope="col">{t("incReviewer")}</th>
                  <th scope="col">{t("incComment")}</th>
                  <th scope="col">{t("incActions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((i) => {
                  const which = `${i.area.name}, ${formatDateTime(i.occurredAt, lang)}`;
                  return (
                    <tr key={i.id}>
                      <td>{i.area.name}</td>
                      <td className="nowrap">{formatDateTime(i.occurredAt, lang)}</td>
                      <td>{INCIDENT_CATEGORY_LABELS[i.category][lang]}</td>
                      <td className="prewrap" style={{ minWidth: "14rem" }}>
                        {i.description}
                      </td>
                      <td>
                        {i.status === "submitted" && i.reviewedBy
                          ? t("incResubmittedStatus")
                          : INCIDENT_STATUS_LABELS[i.status][lang]}
                      </td>
                      <td>{i.reportedBy.name}</td>
                      <td>
                        {i.reviewedBy && i.reviewedAt
                          ? // A resubmitted report keeps its last review in view until the next one.
                            `${i.reviewedBy.name}, ${formatDateTime(i.reviewedAt, lang)}`
                          : "—"}
                      </td>
                      <td className="prewrap">{i.reviewComment || "—"}</td>
                      <td>
                        <div className="button-row">
                          {i.canReview && (
                            <>
                              <button
                                type="button"
                                disabled={approve.busy}
                                onClick={() => {
                                  setNotice("");
                                  setPanel(null);
                                  void approve.run(
                                    () => fieldworkApi.reviewIncident(i.id, { decision: "approve" }),
                                    () => done(t("incApproved")),
                                  );
                                }}
                              >
                                {t("incApprove")}
                                <span className="visually-hidden">: {which}</span>
                              </button>
                              <button
                                type="button"
                                className="secondary"
                                onClick={() => {
                                  setNotice("");
                                  setPanel({ id: i.id, mode: "return" });
                                }}
                              >
                                {t("incReturn")}
                                <span className="visually-hidden">: {which}</span>
                              </button>
                            </>
                          )}
                          {ownReturned(i) && (
                            <button
                              type="button"
                              onClick={() => {
                                setNotice("");
                                setPanel({ id: i.id, mode: "correct" });
                              }}
                            >
                              {t("incCorrect")}
                              <span className="visually-hidden">: {which}</span>
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
        )}
        {list?.truncated && <p>{t("incTruncated")}</p>}
        {open && panel && (
          <ReportPanel
            key={`${open.id}-${panel.mode}`}
            item={open}
            mode={panel.mode}
            areas={logAreas}
            onClose={() => setPanel(null)}
            onDone={done}
          />
        )}
      </section>
    </>
  );
}
