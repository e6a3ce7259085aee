/**
 * The bare limit for each benchmark: the same result as the API computes, written by hand as SQL
 * straight on PostgreSQL, with no authentication, scope, audit, validation or JSON on the way.
 */

export const PERSON_BY_ID = `select id, personnummer, is_samordningsnummer, kind, first_name, last_name, gender, birth_date,
  protected_identity, address, phone, district_id, created_at, updated_at from persons where id = $1`;

/** $1 district, $2 now. Running clocks of the district (case flow and running insatser) with their state, worst first, as the overview. */
export const DEADLINE_OVERVIEW = `
with c as (
  select c.id as case_id, c.person_id, p.first_name || ' ' || p.last_name as person_name, c.unit_id, u.name as unit_name,
         c.assigned_to, us.display_name as assigned_to_name, c.closed_at
  from cases c join persons p on p.id = c.person_id
  left join units u on u.id = c.unit_id left join users us on us.id = c.assigned_to
  where c.district_id = $1
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
  from ins where started_on is not null and kind like 'placering%'
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
