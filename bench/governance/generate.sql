-- Governance data for figure 5's report and compliance measurements (issue 13), written straight into
-- governance-service's own tables after its Flyway migrations ran. Run on an EMPTY governance database.
--   31 provinces, each with its Board (11 active trustees with decrees, a previous term ended), officers,
--   working groups, meetings, member facts, activity facts, programmes and past quarterly reports;
--   IR-07 is the big one: 10,000 members and 2,000 meetings. Dates are relative to today, so the last
--   ended Jalali quarter always has admissions, meetings and activity to count.
-- Ids: md5-derived uuids, deterministic (a re-run of the same script yields the same rows).
CREATE TEMP TABLE p AS
SELECT code, ord::int AS ord, (CASE WHEN code = 'IR-07' THEN 10000 ELSE 2000 + 100 * ord END)::int AS members,
       (CASE WHEN code = 'IR-07' THEN 2000 ELSE 250 + 5 * ord END)::int AS meetings
FROM unnest(ARRAY['IR-01','IR-02','IR-03','IR-04','IR-05','IR-06','IR-07','IR-08','IR-10','IR-11','IR-12','IR-13',
                  'IR-14','IR-15','IR-16','IR-17','IR-18','IR-19','IR-20','IR-21','IR-22','IR-23','IR-24','IR-25',
                  'IR-26','IR-27','IR-28','IR-29','IR-30','IR-31','IR-32']) WITH ORDINALITY AS t(code, ord);

CREATE TEMP TABLE seat (seat, slot, nominator, n) AS VALUES
  ('CHAIR', 1, 'OFFICE_HOLDER', 1), ('SECRETARY', 1, 'OFFICE_HOLDER', 2), ('BROADCASTING_HEAD', 1, 'OFFICE_HOLDER', 3),
  ('EMPLOYERS_SECRETARY', 1, 'OFFICE_HOLDER', 4), ('WORKERS_SECRETARY', 1, 'OFFICE_HOLDER', 5),
  ('FACULTY', 1, 'MAIN_UNIVERSITY', 6), ('FACULTY', 2, 'MAIN_UNIVERSITY', 7),
  ('ENTREPRENEUR_EXPERT', 1, 'LABOUR_DG', 8), ('ENTREPRENEUR_EXPERT', 2, 'LABOUR_DG', 9),
  ('ENTREPRENEUR_EXPERT', 3, 'LABOUR_DG', 10), ('ENTREPRENEUR_EXPERT', 4, 'LABOUR_DG', 11);

CREATE FUNCTION pg_temp.gid(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT md5($1)::uuid $$;

INSERT INTO board (province, created_at) SELECT code, now() - interval '4 years' FROM p;

-- The previous term: 11 trustees per Board, ended by term expiry two years ago.
INSERT INTO appointment (id, province, seat, status, full_name, national_id, organisation, nominated_by, recorded_by,
                         recorded_at, introduced_by, introduced_at, decree_number, decree_issued_on, decreed_by,
                         term_end, slot, ended_on, end_reason, updated_at)
SELECT pg_temp.gid('old/' || code || '/' || n), code, seat, 'ENDED', 'عضو پیشین ' || n, lpad((ord * 1000 + 500 + n)::text, 10, '0'),
       'سازمان ' || n, nominator, 'bench-secretariat', now() - interval '4 years', 'bench-labour-dg', now() - interval '4 years',
       code || '/1401/' || n, current_date - 1460, 'bench-planning-deputy', current_date - 730, NULL,
       current_date - 730, 'TERM_ENDED', now() - interval '2 years'
FROM p CROSS JOIN seat;

-- The current Board: all 11 seats filled except a few provinces (every 7th: one expert seat vacant, its nominee
-- introduced and waiting for the decree); terms end in 700 days, in 30 days for every 5th province's faculty.
INSERT INTO appointment (id, province, seat, status, full_name, national_id, organisation, nominated_by, recorded_by,
                         recorded_at, approved_by, approved_at, introduced_by, introduced_at, decree_number,
                         decree_issued_on, decreed_by, term_end, slot, updated_at)
SELECT pg_temp.gid('cur/' || code || '/' || n), code, seat,
       CASE WHEN ord % 7 = 0 AND n = 11 THEN 'INTRODUCED' ELSE 'ACTIVE' END,
       'عضو هیئت امنا ' || n, lpad((ord * 1000 + n)::text, 10, '0'), 'سازمان ' || n, nominator, 'bench-secretariat',
       now() - interval '2 years', CASE WHEN seat = 'FACULTY' THEN 'bench-planning-deputy' END,
       CASE WHEN seat = 'FACULTY' THEN now() - interval '2 years' END, 'bench-labour-dg', now() - interval '2 years',
       CASE WHEN ord % 7 = 0 AND n = 11 THEN NULL ELSE code || '/1403/' || n END,
       CASE WHEN ord % 7 = 0 AND n = 11 THEN NULL ELSE current_date - 700 END,
       CASE WHEN ord % 7 = 0 AND n = 11 THEN NULL ELSE 'bench-planning-deputy' END,
       CASE WHEN ord % 5 = 0 AND seat = 'FACULTY' THEN current_date + 30 ELSE current_date + 700 END,
       CASE WHEN ord % 7 = 0 AND n = 11 THEN NULL ELSE slot END, now() - interval '2 years'
FROM p CROSS JOIN seat;

-- Art. 8: President (first faculty seat) and Secretary (first expert seat); every 9th province has no Secretary.
INSERT INTO officer (id, province, office, appointment_id, status, proposed_by, proposed_at, appointed_by, appointed_on, updated_at)
SELECT pg_temp.gid('off/' || code || '/' || office), code, office, pg_temp.gid('cur/' || code || '/' || n), 'ACTIVE',
       'bench-labour-dg', now() - interval '700 days', 'bench-planning-deputy', current_date - 690, now()
FROM p CROSS JOIN (VALUES ('PRESIDENT', 6), ('SECRETARY', 8)) o(office, n)
WHERE NOT (office = 'SECRETARY' AND ord % 9 = 0);

-- Art. 9: the five working-group types (every 4th province lacks one, every 6th dissolved and re-formed one).
INSERT INTO working_group_fact (working_group_id, province, type, formed_on, dissolved_on)
SELECT pg_temp.gid('wg/' || code || '/' || t), code, t, current_date - 900 + ord, NULL
FROM p CROSS JOIN unnest(ARRAY['CULTURE_EDUCATION_RESEARCH','IDEAS_INVENTIONS_INNOVATION','SUPPORT_INSTITUTIONS_PHILANTHROPY',
                               'FINANCE_VENTURE_CAPITAL','MARKET_DEVELOPMENT_RESEARCH']) WITH ORDINALITY AS w(t, k)
WHERE NOT (ord % 4 = 0 AND k = 5);
INSERT INTO working_group_fact (working_group_id, province, type, formed_on, dissolved_on)
SELECT pg_temp.gid('wg-old/' || code), code, 'FINANCE_VENTURE_CAPITAL', current_date - 1200, current_date - 60 - ord
FROM p WHERE ord % 6 = 0;

-- Meetings over the last three years: every 20th a Board meeting, every 5th an Association meeting, the rest
-- working groups'; the newest first, so the recent months always have Board and Association meetings.
INSERT INTO meeting_fact (meeting_id, province, body, working_group_id, working_group_type, held_on, present, absent,
                          excused, guests, quorum_met, resolutions)
SELECT pg_temp.gid('mt/' || code || '/' || i), code,
       CASE WHEN i % 20 = 0 THEN 'BOARD_OF_TRUSTEES' WHEN i % 5 = 0 THEN 'ASSOCIATION' ELSE 'WORKING_GROUP' END,
       CASE WHEN i % 5 <> 0 THEN pg_temp.gid('wg/' || code || '/' || (1 + i % 4)) END,
       CASE WHEN i % 5 <> 0 THEN (ARRAY['CULTURE_EDUCATION_RESEARCH','IDEAS_INVENTIONS_INNOVATION',
                                         'SUPPORT_INSTITUTIONS_PHILANTHROPY','FINANCE_VENTURE_CAPITAL'])[1 + i % 4] END,
       current_date - (i * 1095 / meetings), 5 + i % 9, i % 3, i % 2, i % 4, i % 11 <> 0, i % 6
FROM p CROSS JOIN LATERAL generate_series(1, meetings) i;

-- Members as membership's events left them: admitted over the last four years, 1 in 12 no longer active.
INSERT INTO member_fact (member_id, province, category, status, admitted_on, changed_at)
SELECT pg_temp.gid('mb/' || code || '/' || i), code,
       (ARRAY['ENTREPRENEUR','FACULTY','NGO_REPRESENTATIVE','GOVERNMENT_REPRESENTATIVE'])[1 + i % 4],
       (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','SUSPENDED'])[1 + i % 12],
       current_date - (i * 1460 / members), now()
FROM p CROSS JOIN LATERAL generate_series(1, members) i;

-- Ideabank and networking activity: one row per counted event, about one per member.
INSERT INTO activity_fact (event_id, province, kind, day, amount)
SELECT md5('ac/' || code || '/' || i), code,
       (ARRAY['IDEAS_SUBMITTED','IDEAS_EVALUATED','IDEAS_REFERRED','ADVICE_REQUESTED','ADVICE_ANSWERED','TOURS_COMPLETED'])[1 + i % 6],
       current_date - (i * 1460 / members), CASE WHEN i % 6 = 5 THEN 1 + i % 20 ELSE 1 END
FROM p CROSS JOIN LATERAL generate_series(1, members) i;

-- Art. 3 programmes: 60 in IR-07, 12 elsewhere, each a few months long, tagged with one or two clauses.
INSERT INTO programme (id, province, title, clauses, owner, planned_start, planned_end, status, progress, updated_at)
SELECT pg_temp.gid('pg/' || code || '/' || i), code, 'برنامه ' || i, '3-' || (1 + i % 17) || CASE WHEN i % 3 = 0 THEN ',3-' || (1 + (i + 5) % 17) ELSE '' END,
       'دبیرخانه', current_date - 1000 + i * (1000 / n), current_date - 1000 + i * (1000 / n) + 120,
       (ARRAY['PLANNED','IN_PROGRESS','DONE','DONE','CANCELLED'])[1 + i % 5], (i * 37) % 101, now()
FROM (SELECT code, ord, CASE WHEN code = 'IR-07' THEN 60 ELSE 12 END AS n FROM p) p CROSS JOIN LATERAL generate_series(1, n) i;

-- Past reports: the 8 quarters before the last ended one, accepted (figures frozen as submitted: '{}' stands in).
-- The last ended quarter stays a draft in every province: that draft is what figure 5 measures.
INSERT INTO quarterly_report (id, province, jalali_year, quarter, status, narrative, figures, submitted_by, submitted_at,
                              reviewed_by, reviewed_at, updated_at)
SELECT pg_temp.gid('qr/' || code || '/' || k), code, 1402 + (k - 1) / 4, 1 + (k - 1) % 4, 'ACCEPTED', 'گزارش فصل',
       '{"membersAdmittedByCategory":{},"membersActiveByCategory":{},"meetings":[],"workingGroupsFormed":0,'
       || '"workingGroupsDissolved":0,"workingGroupsActive":0,"activities":{},"programmeProgressByClause":{}}',
       'bench-labour-dg', now() - (k || ' days')::interval, 'bench-ministry', now(), now()
FROM p CROSS JOIN generate_series(1, 8) k;

ANALYZE;
