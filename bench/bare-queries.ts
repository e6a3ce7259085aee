/**
 * The bare limit for each benchmark: the same result as the API computes, written by hand as SQL
 * straight on PostgreSQL, with no authentication, scope, audit, validation or JSON on the way.
 */

export const PERSON_BY_ID = `select id, personnummer, is_samordningsnummer, kind, first_name, last_name, gender, birth_date,
  protected_identity, address, phone, district_id, created_at, updated_at from persons where id = $1`;

/**
 * $1 district, $2 now. Running clocks of the district (case flow, running insatser, unsent LUL yttranden and running
 * LVU processes) with their state, worst first, as the overview.
 */
export const DEADLINE_OVERVIEW = `
with c as (
  select c.id as case_id, c.person_id, p.first_name || ' ' || p.last_name as person_name, c.unit_id, u.name as unit_name,
         c.assigned_to, us.display_name as assigned_to_name, c.closed_at
  from cases c join persons p on p.id = c.person_id
  left join units u on u.id = c.unit_id left join users us on us.id = c.assigned_to
  where c.district_id = $1
), lvu as (
  -- The running LVU processes with the days their clocks count from, one pass over their steps.
  select p.id, p.case_id, p.grounds, pe.birth_date,
         min(s.occurred_on) filter (where s.kind = 'omedelbart_beslut') as omhandertagen_on,
         min(s.occurred_on) filter (where s.kind = 'verkstallt') as verkstallt_on,
         min(s.occurred_on) filter (where s.kind = 'understalld') as understalld_on,
         max((s.data->>'until')::date) filter (where s.kind = 'ansokningstid_forlangd') as extended_until,
         min((s.data->>'submittedOn')::date) filter (where s.kind = 'ansokan') as submitted_on,
         min(s.data->>'outcome') filter (where s.kind = 'dom') as judgment,
         min(s.occurred_on) filter (where s.kind = 'laga_kraft') as laga_kraft_on,
         min(s.occurred_on) filter (where s.kind = 'vard_paborjad') as care_on,
         max(s.occurred_on) filter (where s.kind = 'overvagande') as last_review_on
  from lvu_processes p join persons pe on pe.id = p.person_id join lvu_steps s on s.process_id = p.id
  where p.district_id = $1 and p.ended_on is null
  group by p.id, pe.birth_date
), lvu_clocks as (
  -- Nominal last days: the hand SQL leaves out the moves of lag (1930:173) 2 § and the lapses that stop a clock.
  select 'lvu_understallning' as clock, id, case_id, omhandertagen_on + 7 as due from lvu
  where omhandertagen_on is not null and understalld_on is null
  union all
  select 'lvu_ansokan', id, case_id, coalesce(extended_until, verkstallt_on + 28) from lvu
  where verkstallt_on is not null and submitted_on is null
  union all
  select 'lvu_vardstart', id, case_id, laga_kraft_on + 28 from lvu where judgment = 'bifall' and care_on is null
  union all
  select case g when '2' then 'lvu_overvagande' else 'lvu_provning' end, id, case_id,
         (greatest(care_on, last_review_on) + interval '6 months')::date
  from lvu cross join unnest(grounds) g where care_on is not null
  union all
  select 'lvu_aldersgrans', id, case_id, (birth_date + case when '3' = any(grounds) then interval '21 years' else interval '18 years' end)::date
  from lvu where care_on is not null
), clocks as (
  select 'skyddsbedomning' as clock, r.id as record_id, c.*, r.received_at + interval '24 hours' as due_at, null::timestamptz as done
  from reports r join c on c.case_id = r.case_id
  left join protection_assessments s on s.report_id = r.id where r.district_id = $1 and s.report_id is null and c.closed_at is null
  union all
  select 'forhandsbedomning', r.id, c.*,
         ((r.received_at at time zone 'Europe/Stockholm')::date + 15)::timestamp at time zone 'Europe/Stockholm', null
  from reports r join c on c.case_id = r.case_id
  left join pre_assessments pa on pa.report_id = r.id where r.district_id = $1 and pa.report_id is null and c.closed_at is null
  union all
  select 'utredning', i.id, c.*,
         (greatest(i.extended_to, (i.opened_on + interval '4 months')::date) + 1)::timestamp at time zone 'Europe/Stockholm', null
  from investigations i join c on c.case_id = i.case_id where i.district_id = $1 and i.completed_on is null and c.closed_at is null
  union all
  select 'uppfoljning', i.id, c.*,
         ((i.completed_on + interval '2 months')::date + 1)::timestamp at time zone 'Europe/Stockholm',
         (select min(d.decided_at) from decisions d where d.investigation_id = i.id and d.type = 'uppfoljning')
  from investigations i join c on c.case_id = i.case_id
  where i.district_id = $1 and i.guardians_declined and i.completed_on >= ($2::timestamptz - interval '366 days')::date
  union all
  select 'lul_yttrande', y.id, c.*, (y.due_on + 1)::timestamp at time zone 'Europe/Stockholm', null
  from lul_yttranden y join c on c.case_id = y.case_id where y.district_id = $1 and y.sent_on is null
  union all
  select l.clock, l.id, c.*, (l.due + 1)::timestamp at time zone 'Europe/Stockholm', null
  from lvu_clocks l join c on c.case_id = l.case_id
), ins as (
  select i.id, i.legal_form, i.decided_on, i.started_on, k.kind, d.plan_due_days, c.*,
         (select min((pl.signed_at at time zone 'Europe/Stockholm')::date) from insats_plans pl
           where pl.insats_id = i.id and pl.signed_at is not null) as first_signed,
         (select min(x.d) from insats_plans pl, lateral (
             select unnest(pl.follow_up_dates) as d union select (g->>'followUpOn')::date from jsonb_array_elements(pl.goals) g) x
           where pl.id = (select id from insats_plans p2 where p2.insats_id = i.id and p2.signed_at is not null order by version desc limit 1)
             and x.d not in (select f.due_on from insats_follow_ups f where f.insats_id = i.id and f.due_on is not null)) as next_follow_up,
         (select max(o.decided_on) from overvaganden o where o.insats_id = i.id) as last_overvagande
  from insatser i join c on c.case_id = i.case_id join insats_catalogue k on k.id = i.catalogue_id
  join districts d on d.id = i.district_id
  where i.district_id = $1 and i.ended_on is null
), insats_clocks as (
  select 'verkstallighet' as clock, id as record_id, case_id, person_id, person_name, unit_id, unit_name, assigned_to,
         assigned_to_name, closed_at,
         ((decided_on + interval '3 months')::date + 1)::timestamp at time zone 'Europe/Stockholm' as due_at, null::timestamptz as done
  from ins where legal_form = 'bistand' and started_on is null
  union all
  select 'genomforandeplan', id, case_id, person_id, person_name, unit_id, unit_name, assigned_to, assigned_to_name, closed_at,
         (started_on + plan_due_days + 1)::timestamp at time zone 'Europe/Stockholm', null
  from ins where started_on is not null and first_signed is null
  union all
  select 'insats_uppfoljning', id, case_id, person_id, person_name, unit_id, unit_name, assigned_to, assigned_to_name, closed_at,
         (next_follow_up + 1)::timestamp at time zone 'Europe/Stockholm', null
  from ins where next_follow_up is not null
  union all
  select 'overvagande', id, case_id, person_id, person_name, unit_id, unit_name, assigned_to, assigned_to_name, closed_at,
         ((greatest(started_on, last_overvagande) + interval '6 months')::date + 1)::timestamp at time zone 'Europe/Stockholm', null
  from ins where started_on is not null and kind like 'placering%' and legal_form <> 'lvu'
), stated as (
  select *, case when done is not null then (case when done < due_at then 'met' else 'met_late' end)
                 when due_at <= $2 then 'overdue'
                 when (due_at at time zone 'Europe/Stockholm')::date - 1 - ($2::timestamptz at time zone 'Europe/Stockholm')::date <= 3 then 'due_soon'
                 else 'due' end as state
  from (select * from clocks union all select * from insats_clocks) all_clocks
)
select *, (select json_agg(x) from (
    select unit_id, count(*) filter (where state = 'overdue') as overdue, count(*) filter (where state = 'due_soon') as due_soon,
           count(*) filter (where state = 'due') as due
    from stated group by unit_id) x) as counts
from stated
order by case state when 'overdue' then 0 when 'due_soon' then 1 when 'due' then 2 when 'met_late' then 3 else 4 end, due_at
limit 200`;

/** $1 district, $2 from, $3 to (Stockholm dates). The handling-time figures, by boys/girls and in all. */
export const HANDLING_TIMES = `
with r as (
  select case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as g, r.received_at, r.is_re_referral,
         s.assessed_at, pa.decided_at, pa.outcome
  from reports r join cases c on c.id = r.case_id join persons p on p.id = r.person_id
  left join protection_assessments s on s.report_id = r.id left join pre_assessments pa on pa.report_id = r.id
  where r.district_id = $1
    and r.received_at >= ($2::date)::timestamp at time zone 'Europe/Stockholm'
    and r.received_at < ($3::date + 1)::timestamp at time zone 'Europe/Stockholm'
), i as (
  select case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as g, i.opened_on, i.extended_to, i.completed_on
  from investigations i join cases c on c.id = i.case_id join persons p on p.id = i.person_id
  where i.district_id = $1 and i.completed_on between $2::date and $3::date
)
select 'reports' as part, g, count(*) as total,
       count(*) filter (where assessed_at <= received_at + interval '24 hours') as skydd_within,
       percentile_cont(0.5) within group (order by extract(epoch from assessed_at - received_at) / 86400) as skydd_median,
       percentile_cont(0.9) within group (order by extract(epoch from assessed_at - received_at) / 86400) as skydd_p90,
       count(*) filter (where (decided_at at time zone 'Europe/Stockholm')::date <= (received_at at time zone 'Europe/Stockholm')::date + 14) as pre_within,
       percentile_cont(0.5) within group (order by (decided_at at time zone 'Europe/Stockholm')::date - (received_at at time zone 'Europe/Stockholm')::date) as pre_median,
       percentile_cont(0.9) within group (order by (decided_at at time zone 'Europe/Stockholm')::date - (received_at at time zone 'Europe/Stockholm')::date) as pre_p90,
       count(*) filter (where outcome = 'koppla') as linked, count(*) filter (where is_re_referral) as re_referrals
from r group by grouping sets ((g), ())
union all
select 'investigations', g, count(*),
       count(*) filter (where completed_on <= greatest(extended_to, (opened_on + interval '4 months')::date)), null, null, null,
       percentile_cont(0.5) within group (order by completed_on - opened_on),
       percentile_cont(0.9) within group (order by completed_on - opened_on), null, null
from i group by grouping sets ((g), ())`;

/**
 * $1 district, $2 from, $3 to. The samlad bild's figures by hand: the insatser running in the
 * period with their first plan signature, counted per grouping set (total, boys/girls, age group,
 * insats, insats × gender) with medians by percentile_cont, plus the goal results of the
 * follow-ups done in the period per the same groups.
 */
export const SAMLAD_BILD = `
with i as (
  select i.id, i.person_id, case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as gender,
         i.catalogue_id, c.evidence_status, i.decided_on, i.started_on, i.ended_on, d.plan_due_days,
         extract(year from age(i.decided_on, p.birth_date))::int as age,
         (select min((pl.signed_at at time zone 'Europe/Stockholm')::date) from insats_plans pl
           where pl.insats_id = i.id and pl.signed_at is not null) as first_signed
  from insatser i join persons p on p.id = i.person_id join insats_catalogue c on c.id = i.catalogue_id
  join districts d on d.id = i.district_id
  where i.district_id = $1 and i.started_on <= $3::date and (i.ended_on is null or i.ended_on >= $2::date)
), figures as (
  select catalogue_id, gender, width_bucket(age, array[6, 12, 15, 18, 21]) as age_group,
         count(distinct person_id) as young_people,
         count(*) filter (where started_on between $2::date and $3::date) as started,
         count(*) filter (where ended_on is null or ended_on > $3::date) as ongoing,
         count(*) filter (where ended_on between $2::date and $3::date) as ended,
         percentile_cont(0.5) within group (order by ended_on - started_on) filter (where ended_on between $2::date and $3::date) as median_length,
         percentile_cont(0.5) within group (order by started_on - decided_on) filter (where started_on between $2::date and $3::date) as median_to_start,
         avg(case when first_signed <= started_on + plan_due_days then 1.0 else 0 end)
           filter (where started_on between $2::date and $3::date) as plan_in_time,
         count(*) filter (where evidence_status = 'avrads') as advised_against
  from i group by grouping sets ((), (gender), (width_bucket(age, array[6, 12, 15, 18, 21])), (catalogue_id), (catalogue_id, gender))
), goals as (
  select i.catalogue_id, i.gender,
         avg(case when r->>'attainment' = 'uppnatt' then 1.0 else 0 end) filter (where r->>'attainment' <> 'ej_bedomt') as goals_reached,
         avg(case when f.done_on <= f.due_on then 1.0 else 0 end) filter (where f.due_on is not null) as follow_up_in_time
  from insats_follow_ups f join i on i.id = f.insats_id cross join jsonb_array_elements(f.results) r
  where f.done_on between $2::date and $3::date
  group by grouping sets ((), (i.gender), (i.catalogue_id), (i.catalogue_id, i.gender))
)
select f.*, g.goals_reached, g.follow_up_in_time from figures f
left join goals g on g.catalogue_id is not distinct from f.catalogue_id and g.gender is not distinct from f.gender`;

/**
 * $1 districts (uuid[]), $2 from, $3 to, $4 and $5 the trend's first and last day (five calendar
 * years), $6 today. The effect report by hand, the same figures as the API computes: the insatser
 * started and ended in the period (and, for the trend, in each of the five years); per scale ×
 * respondent and group — all, boys/girls/other, age group, each of these per catalogue entry, and
 * per trend year — the start/end pairs, missing end ratings, mean before and after, the sd of the
 * change (for Hedges' g) and the counts improved/deteriorated beyond the Reliable Change Index
 * (1.96 · SD · √(2(1 − r)), signed by the scale's direction); per group the ended count, those
 * without any end rating, goals reached of each insats's last follow-up, the mean GAS T-score, the
 * surveys sent and answered with the mean answer, and re-referral within 12 months (a report after
 * the end day, settled or pending). Suppression is left out: it is a few comparisons per cell.
 */
export const EFFECT_REPORT = `
with pop as (
  select i.id, i.catalogue_id, i.person_id, i.case_id, i.started_on, i.ended_on,
         case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as gender,
         case when a.age < 6 then '0-5' when a.age < 12 then '6-11' when a.age < 15 then '12-14'
              when a.age < 18 then '15-17' when a.age < 21 then '18-20' else '21+' end as age_group,
         extract(year from i.ended_on)::int as year,
         i.ended_on between $2::date and $3::date as in_period
  from insatser i
  join persons p on p.id = i.person_id
  cross join lateral (select extract(year from age(i.started_on, p.birth_date))::int as age) a
  where i.district_id = any($1::uuid[]) and i.started_on is not null
    and (i.ended_on between $2::date and $3::date or i.ended_on between $4::date and $5::date)
), ratings as (
  select m.insats_id, m.scale_id, m.respondent,
         max(m.value) filter (where m.point = 'start') as before, max(m.value) filter (where m.point = 'end') as after
  from isu_measurements m
  where m.point in ('start', 'end') and m.insats_id in (select id from pop)
  group by m.insats_id, m.scale_id, m.respondent
), pairs as (
  select p.*, r.scale_id, r.respondent, r.before, r.after,
         (r.after - r.before) * case when sc.higher_is_better then 1 else -1 end as gain,
         1.96 * sc.reference_sd * sqrt(2 * (1 - sc.reliability)) as rci
  from pop p join ratings r on r.insats_id = p.id join isu_scales sc on sc.id = r.scale_id
  where r.before is not null
), changes as (
  select 'period' as part, null::int as year, catalogue_id, gender, age_group, scale_id, respondent,
         count(after) as n, count(*) - count(after) as missing_end,
         avg(before) filter (where after is not null) as mean_before, avg(after) as mean_after,
         stddev_samp(after - before) as sd_change,
         count(*) filter (where gain > rci) as improved, count(*) filter (where -gain > rci) as deteriorated
  from pairs where in_period
  group by grouping sets ((scale_id, respondent), (gender, scale_id, respondent), (age_group, scale_id, respondent),
                          (catalogue_id, scale_id, respondent), (catalogue_id, gender, scale_id, respondent),
                          (catalogue_id, age_group, scale_id, respondent))
  union all
  select 'trend', year, null, null, null, scale_id, respondent,
         count(after), count(*) - count(after), avg(before) filter (where after is not null), avg(after),
         stddev_samp(after - before), count(*) filter (where gain > rci), count(*) filter (where -gain > rci)
  from pairs where ended_on between $4::date and $5::date
  group by year, scale_id, respondent
), per_insats as (
  select p.*,
         not exists (select 1 from ratings r where r.insats_id = p.id and r.after is not null) as without_end,
         f.assessed, f.reached, g.t_score, s.sent, s.answered, s.answer_sum, s.answer_count,
         (select min((r.received_at at time zone 'Europe/Stockholm')::date) from reports r
           where r.person_id = p.person_id
             and r.received_at >= ((p.ended_on + 1)::timestamp at time zone 'Europe/Stockholm')) as next_report
  from pop p
  left join lateral (
    select count(*) filter (where x->>'attainment' <> 'ej_bedomt') as assessed,
           count(*) filter (where x->>'attainment' = 'uppnatt') as reached
    from (select results from insats_follow_ups f where f.insats_id = p.id order by f.done_on desc, f.created_at desc limit 1) last,
         jsonb_array_elements(last.results) x
  ) f on true
  left join lateral (
    select (a.score->>'tScore')::float8 as t_score
    from assessments a join instruments ins on ins.id = a.instrument_id and ins.key = 'gas'
    where a.case_id = p.case_id and a.signed_at is not null and a.assessed_on between p.started_on and p.ended_on
    order by a.assessed_on desc, a.signed_at desc limit 1
  ) g on true
  left join lateral (
    select count(*) as sent, count(r.id) as answered,
           sum((select sum(v::numeric) from jsonb_each_text(r.answers) e(k, v))) as answer_sum,
           sum((select count(*) from jsonb_object_keys(r.answers))) as answer_count
    from isu_self_report_links l left join isu_survey_responses r on r.link_id = l.id
    where l.insats_id = p.id and l.include_survey
  ) s on true
), outcomes as (
  select 'period' as part, null::int as year, catalogue_id, gender, age_group, count(*) as ended,
         count(*) filter (where without_end) as without_end, sum(reached) as reached, sum(assessed) as assessed,
         avg(t_score) as gas, sum(sent) as sent, sum(answered) as answered, sum(answer_sum) / nullif(sum(answer_count), 0) as satisfaction,
         count(*) filter (where next_report <= (ended_on + interval '12 months')::date) as re_referred,
         count(*) filter (where (next_report is null or next_report > (ended_on + interval '12 months')::date)
                           and (ended_on + interval '12 months')::date < $6::date) as not_re_referred
  from per_insats where in_period
  group by grouping sets ((), (gender), (age_group), (catalogue_id), (catalogue_id, gender), (catalogue_id, age_group))
  union all
  select 'trend', year, null, null, null, count(*), count(*) filter (where without_end), sum(reached), sum(assessed),
         avg(t_score), sum(sent), sum(answered), sum(answer_sum) / nullif(sum(answer_count), 0),
         count(*) filter (where next_report <= (ended_on + interval '12 months')::date),
         count(*) filter (where (next_report is null or next_report > (ended_on + interval '12 months')::date)
                           and (ended_on + interval '12 months')::date < $6::date)
  from per_insats where ended_on between $4::date and $5::date
  group by year
)
select 'scale' as kind, part, year, catalogue_id, gender, age_group, scale_id, respondent, n, missing_end, mean_before,
       mean_after, sd_change, improved, deteriorated,
       null::bigint as ended, null::bigint as without_end, null::numeric as reached, null::numeric as assessed,
       null::float8 as gas, null::numeric as sent, null::numeric as answered, null::numeric as satisfaction,
       null::bigint as re_referred, null::bigint as not_re_referred
from changes
union all
select 'outcome', part, year, catalogue_id, gender, age_group, null, null, null, null, null, null, null, null, null,
       ended, without_end, reached, assessed, gas, sent, answered, satisfaction, re_referred, not_re_referred
from outcomes`;

/**
 * $1 district ids (uuid[]), $2 from, $3 to (dates): the files a file review draws from, by hand —
 * investigations by the day they were opened, insatser by the day they were decided. The sample is
 * then drawn from them as the review states its method (src/domain/file-review/sample.ts).
 */
export const FILE_REVIEW_POPULATION = `
select id, 'utredning' as file_kind from investigations
where district_id = any($1::uuid[]) and opened_on between $2::date and $3::date
union all
select id, 'insats' from insatser
where district_id = any($1::uuid[]) and decided_on between $2::date and $3::date`;

/**
 * $1 investigation ids, $2 insats ids (uuid[]), $3 the instant the verdicts are as of. The file
 * review's automatic verdicts for the sampled files by hand, straight from the records: each
 * investigation's reports (the one that opened it, those linked to it, those received while it ran)
 * with their skyddsbedömning and förhandsbedömning against 24 h and 14 days, the decision to open
 * it, its last day moved by each förlängning decided in time (a recursive walk), a signed assessment
 * or a reason; each insats's start against 3 months, its first and latest signed plan, the plan's
 * follow-up days, care plan and överväganden. One row per file: its kind, id and { criterion: verdict },
 * and for an investigation whose case has LVU processes, those processes with their steps and the
 * case's investigations (`lvu`): the four LVU verdicts are the LVU state machine's (bench/file-review.ts).
 */
export const FILE_REVIEW_VERDICTS = `
with recursive params as (
  select $3::timestamptz as as_of, ($3::timestamptz at time zone 'Europe/Stockholm')::date as today
), inv as (
  select i.id, i.case_id, i.opened_on, i.completed_on, i.no_assessment_reason,
         d.decided_at as opened_at, d.type as opening_type, d.reason as opening_reason
  from investigations i left join decisions d on d.id = i.opening_decision_id
  where i.id = any($1::uuid[])
), rep as (
  select inv.id as inv_id, r.received_at, r.concerns, pa.assessed_at, pre.decided_at as pre_at, pre.outcome,
         coalesce(pre.investigation_id = inv.id, false) as opening, pre.linked_investigation_id,
         ((r.received_at at time zone 'Europe/Stockholm')::date + 15)::timestamp at time zone 'Europe/Stockholm' as pre_due
  from inv join reports r on r.case_id = inv.case_id
  left join protection_assessments pa on pa.report_id = r.id
  left join pre_assessments pre on pre.report_id = r.id
  where pre.investigation_id = inv.id or pre.linked_investigation_id = inv.id
     or ((case when inv.opened_at is not null then r.received_at > inv.opened_at
               else (r.received_at at time zone 'Europe/Stockholm')::date >= inv.opened_on end)
         and (inv.completed_on is null or (r.received_at at time zone 'Europe/Stockholm')::date <= inv.completed_on))
), parts as (
  select rep.inv_id, rep.opening, rep.concerns,
         case when assessed_at is not null and assessed_at <= p.as_of
                then (case when assessed_at <= received_at + interval '24 hours' then 'ok' else 'missing' end)
              when p.as_of <= received_at + interval '24 hours' then 'pending' else 'missing' end as skydd,
         case when pre_at is not null and pre_at <= p.as_of then (case when pre_at < pre_due then 'ok' else 'missing' end)
              when p.as_of < pre_due then 'pending' else 'missing' end as forhand,
         case when outcome = 'koppla' and linked_investigation_id = inv_id then 'ok'
              when pre_at is null and p.as_of < pre_due then 'pending' else 'missing' end as koppling
  from rep, params p
), per_inv as (
  select inv_id,
         count(*) filter (where skydd = 'missing') as skydd_missing, count(*) filter (where skydd = 'ok') as skydd_ok,
         count(*) filter (where forhand = 'missing') as forhand_missing, count(*) filter (where forhand = 'ok') as forhand_ok,
         count(*) as n,
         count(*) filter (where not opening and koppling = 'missing') as koppling_missing,
         count(*) filter (where not opening and koppling = 'ok') as koppling_ok,
         count(*) filter (where not opening) as during,
         bool_or(concerns && array['brott', 'vald']) as crime
  from parts group by inv_id
), ext as (
  select e.investigation_id as inv_id, e.decided_at, (e.details->>'newEndDate')::date as new_end,
         row_number() over (partition by e.investigation_id order by e.decided_at) as k
  from decisions e, params p
  where e.investigation_id = any($1::uuid[]) and e.type = 'forlangning' and e.details->>'newEndDate' is not null
    and e.decided_at <= p.as_of
), due as (
  select inv.id as inv_id, 0::bigint as k, (inv.opened_on + interval '4 months')::date as due, false as late from inv
  union all
  select d.inv_id, e.k,
         case when e.decided_at < (d.due + 1)::timestamp at time zone 'Europe/Stockholm' then greatest(d.due, e.new_end) else d.due end,
         e.decided_at >= (d.due + 1)::timestamp at time zone 'Europe/Stockholm'
  from due d join ext e on e.inv_id = d.inv_id and e.k = d.k + 1
  where not d.late
), final_due as (
  select distinct on (inv_id) inv_id, due from due order by inv_id, k desc
), ins as (
  select i.id, i.legal_form, k.kind, i.started_on, i.ended_on, i.care_plan_on, i.not_started_reason,
         (i.decided_on + interval '3 months')::date as ivo_due,
         case when i.started_on <= p.today then i.started_on end as started,
         i.started_on + d.plan_due_days as plan_due,
         (select (pl.signed_at at time zone 'Europe/Stockholm')::date from insats_plans pl
           where pl.insats_id = i.id and pl.signed_at <= p.as_of order by pl.version limit 1) as first_signed_on,
         (select pl.id from insats_plans pl
           where pl.insats_id = i.id and pl.signed_at <= p.as_of order by pl.version desc limit 1) as plan_id
  from insatser i join insats_catalogue k on k.id = i.catalogue_id join districts d on d.id = i.district_id, params p
  where i.id = any($2::uuid[])
), fu as (
  select ins.id as insats_id,
         case when done is not null then (case when done <= x.due then 'ok' else 'missing' end)
              when p.today > x.due then 'missing' else 'pending' end as outcome
  from ins join insats_plans pl on pl.id = ins.plan_id cross join params p
  cross join lateral (
    select unnest(pl.follow_up_dates) as due
    union select (g->>'followUpOn')::date from jsonb_array_elements(pl.goals) g where g->>'followUpOn' is not null
  ) x
  cross join lateral (
    select min(f.done_on) as done from insats_follow_ups f where f.insats_id = ins.id and f.due_on = x.due and f.done_on <= p.today
  ) f
  where ins.ended_on is null or x.due <= ins.ended_on
), per_fu as (
  select insats_id, count(*) as n, count(*) filter (where outcome = 'ok') as ok, count(*) filter (where outcome = 'missing') as missing
  from fu group by insats_id
), ov as (
  select ins.id as insats_id, o.decided_on,
         o.decided_on > (greatest(coalesce(lag(o.decided_on) over (partition by o.insats_id order by o.decided_on), ins.started_on),
                                  ins.started_on) + interval '6 months')::date as late
  from ins join overvaganden o on o.insats_id = ins.id cross join params p
  where o.decided_on <= p.today
), per_ov as (
  select insats_id, max(decided_on) as last, bool_or(late) as any_late from ov group by insats_id
)
select 'investigation' as kind, inv.id, jsonb_build_object(
  'skyddsbedomning', case when s.skydd_missing > 0 then 'not_met' when s.n > 0 and s.skydd_ok = s.n then 'met' else 'not_applicable' end,
  'forhandsbedomning', case when s.forhand_missing > 0 then 'not_met' when s.n > 0 and s.forhand_ok = s.n then 'met' else 'not_applicable' end,
  'beslut_inleda', case when inv.opening_type = 'inleda_utredning' and btrim(inv.opening_reason) <> '' then 'met' else 'not_met' end,
  'koppling', case when s.koppling_missing > 0 then 'not_met' when s.during > 0 and s.koppling_ok = s.during then 'met'
                   else 'not_applicable' end,
  'utredningstid', case when inv.completed_on is not null and inv.completed_on <= p.today
                          then (case when inv.completed_on <= fd.due then 'met' else 'not_met' end)
                        when p.today > fd.due then 'not_met' else 'not_applicable' end,
  'strukturerad_bedomning', case
      when exists (select 1 from assessments a where a.investigation_id = inv.id and a.signed_at <= p.as_of) then 'met'
      when inv.completed_on is null or inv.completed_on > p.today then 'not_applicable'
      when inv.no_assessment_reason is not null then 'met'
      when coalesce(s.crime, false) then 'not_met' else 'not_applicable' end,
  'barnets_syn_utredning', 'manual',
  'analys_kvalitet', 'manual') as verdicts,
  (select json_build_object(
     'investigations', (select json_agg(json_build_object('id', ci.id, 'openedOn', ci.opened_on))
                        from investigations ci where ci.case_id = inv.case_id),
     'processes', json_agg(json_build_object('id', lp.id, 'grounds', lp.grounds, 'behaviours', lp.behaviours,
       'birthDate', pe.birth_date, 'steps', (select coalesce(json_agg(json_build_object('seq', st.seq, 'data', st.data)
         order by st.seq), '[]') from lvu_steps st where st.process_id = lp.id))))
   from lvu_processes lp join persons pe on pe.id = lp.person_id
   where lp.case_id = inv.case_id having count(*) > 0) as lvu
from inv cross join params p left join per_inv s on s.inv_id = inv.id join final_due fd on fd.inv_id = inv.id
union all
select 'insats', ins.id, jsonb_build_object(
  'verkstallighet', case when ins.legal_form <> 'bistand' then 'not_applicable'
                         when ins.started is not null and ins.started <= ins.ivo_due then 'met'
                         when ins.started is null and (p.today <= ins.ivo_due or ins.ended_on <= ins.ivo_due) then 'not_applicable'
                         when ins.not_started_reason is not null then 'manual' else 'not_met' end,
  'genomforandeplan', case when ins.started is null then 'not_applicable'
                           when ins.first_signed_on is not null then (case when ins.first_signed_on <= ins.plan_due then 'met' else 'not_met' end)
                           when p.today > ins.plan_due then 'not_met' else 'not_applicable' end,
  'uppfoljning', case when ins.plan_id is null or f.n is null then 'not_applicable' when f.missing > 0 then 'not_met'
                      when f.ok = f.n then 'met' else 'not_applicable' end,
  'barnets_syn_insats', case when ins.plan_id is null then 'not_applicable'
                             when btrim((select young_person_views from insats_plans where id = ins.plan_id)) <> '' then 'met'
                             else 'not_met' end,
  'vardplan', case when ins.kind not like 'placering%' then 'not_applicable'
                   when ins.care_plan_on <= p.today and (ins.started is null or ins.care_plan_on <= ins.started) then 'met'
                   when ins.started is null then 'not_applicable' else 'not_met' end,
  'overvagande', case when ins.kind not like 'placering%' or ins.legal_form = 'lvu' or ins.started is null then 'not_applicable'
                      when coalesce(o.any_late, false) then 'not_met'
                      when (case when ins.ended_on <= p.today then ins.ended_on else p.today end)
                           > (greatest(coalesce(o.last, ins.started), ins.started) + interval '6 months')::date then 'not_met'
                      when o.last is null then 'not_applicable' else 'met' end,
  'plan_kvalitet', 'manual'), null
from ins cross join params p left join per_fu f on f.insats_id = ins.id left join per_ov o on o.insats_id = ins.id`;

/**
 * $1 district ids (uuid[]), $2 from, $3 to. The lägesbild's own figures by hand (lag 2023:196,
 * issue 21): the year's orosanmälningar by reporter category, by concern, by age group and by
 * district, boys and girls apart, and the insatser started in the year by kind — one row per cell.
 */
export const LAGESBILD = `
with r as (
  select r.id, r.district_id, r.reporter_category, r.concerns,
         case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as gender,
         date_part('year', age((r.received_at at time zone 'Europe/Stockholm')::date, p.birth_date))::int as age
  from reports r join persons p on p.id = r.person_id
  where r.district_id = any($1::uuid[]) and r.kind = 'orosanmalan'
    and r.received_at >= ($2::date)::timestamp at time zone 'Europe/Stockholm'
    and r.received_at < ($3::date + 1)::timestamp at time zone 'Europe/Stockholm'
), a as (
  select r.*, case when age < 6 then '0-5' when age < 12 then '6-11' when age < 15 then '12-14'
                   when age < 18 then '15-17' when age < 21 then '18-20' else '21+' end as age_group
  from r
)
select 'reporter' as tbl, reporter_category as row, gender, count(*)::int as n
  from a group by grouping sets ((reporter_category, gender), (reporter_category), (gender), ())
union all
select 'age', age_group, gender, count(*)::int from a group by grouping sets ((age_group, gender), (age_group))
union all
select 'district', district_id::text, gender, count(*)::int from a group by grouping sets ((district_id, gender), (district_id))
union all
select 'concern', c, gender, count(*)::int from a cross join unnest(a.concerns) c group by grouping sets ((c, gender), (c))
union all
select 'insats', kind, gender, count(*)::int from (
  select k.kind, case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as gender
  from insatser i join persons p on p.id = i.person_id join insats_catalogue k on k.id = i.catalogue_id
  where i.district_id = any($1::uuid[]) and i.started_on between $2::date and $3::date
) s group by grouping sets ((kind, gender), (kind))`;
