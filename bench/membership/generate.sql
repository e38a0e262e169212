-- 1,000,000 members (and their approved applications) spread over the 31 provinces, for the benchmark.
-- Ids are UUIDv7-shaped (time-ordered) so keyset order matches production. Run on an EMPTY membership db.
INSERT INTO application (id, version, province, status, applicant_subject, category, sector, first_name, last_name,
                         national_id, birth_date, mobile, city, expertise, created_at, updated_at, decision)
SELECT id, 0, province, 'APPROVED', 'bench-user-' || n, 'ENTREPRENEUR', 'INDUSTRIAL', 'نام' || n, 'خانواده' || (n % 5000),
       lpad(n::text, 10, '0'), date '1980-01-01' + (n % 9000), '0912' || lpad((n % 10000000)::text, 7, '0'), 'شهر',
       ARRAY['تخصص' || (n % 2000)], now(), now(), 'APPROVED'
FROM (SELECT n,
             (lpad(to_hex((1700000000000 + n)::bigint), 12, '0') || '7000' || '8000' || lpad(to_hex(n), 12, '0'))::uuid AS id,
             (ARRAY['IR-01','IR-02','IR-03','IR-04','IR-05','IR-06','IR-07','IR-08','IR-10','IR-11','IR-12','IR-13',
                    'IR-14','IR-15','IR-16','IR-17','IR-18','IR-19','IR-20','IR-21','IR-22','IR-23','IR-24','IR-25',
                    'IR-26','IR-27','IR-28','IR-29','IR-30','IR-31','IR-32'])[1 + n % 31] AS province
      FROM generate_series(1, 1000000) n) g;

INSERT INTO member (id, version, membership_number, province, status, user_subject, application_id, category, sector,
                    first_name, last_name, national_id, birth_date, mobile, city, expertise, search_text,
                    expertise_keys, admitted_on, term_end, created_at, updated_at)
SELECT (lpad(to_hex((1800000000000 + n)::bigint), 12, '0') || '7000' || '8000' || lpad(to_hex(n), 12, '0'))::uuid,
       0, a.province || '-1405-' || lpad(n::text, 7, '0'), a.province,
       (ARRAY['ACTIVE','ACTIVE','ACTIVE','SUSPENDED','EXPIRED'])[1 + n % 5], a.applicant_subject, a.id,
       (ARRAY['ENTREPRENEUR','FACULTY','NGO_REPRESENTATIVE','GOVERNMENT_REPRESENTATIVE'])[1 + n % 4],
       CASE WHEN n % 4 = 0 THEN (ARRAY['INDUSTRIAL','SERVICES','COMMERCIAL','HOME_BUSINESS'])[1 + (n / 4) % 4] END,
       a.first_name, a.last_name, a.national_id, a.birth_date, a.mobile, a.city,
       ARRAY[CASE WHEN n % 50 = 0 THEN 'کارآفرینی' ELSE 'تخصص' || (n % 2000) END],
       '|نام' || n || '|خانواده' || (n % 5000) || '|' || CASE WHEN n % 50 = 0 THEN 'کارافرینی' ELSE 'تخصص' || (n % 2000) END || '|',
       ARRAY[CASE WHEN n % 50 = 0 THEN 'کارافرینی' ELSE 'تخصص' || (n % 2000) END],
       current_date, current_date + 700, now(), now()
FROM generate_series(1, 1000000) n
JOIN application a ON a.national_id = lpad(n::text, 10, '0');

ANALYZE application;
ANALYZE member;
