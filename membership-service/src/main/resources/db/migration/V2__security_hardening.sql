-- Issue 7 (security hardening).

-- National-ID binding: staff (secretariat, labour-dg of the province) may file an application on a
-- person's behalf. filed_by records who did; the person is then known by national ID only (no account
-- subject yet), so applicant_subject / user_subject may be NULL. The person whose verified national_id
-- claim matches sees and withdraws it.
ALTER TABLE application ADD COLUMN filed_by varchar(255);
ALTER TABLE application ADD COLUMN filed_by_name varchar(255);
ALTER TABLE application ALTER COLUMN applicant_subject DROP NOT NULL;
ALTER TABLE member ALTER COLUMN user_subject DROP NOT NULL;
CREATE INDEX application_national_id ON application (national_id, id);

-- The Keycloak role sync moved to the platform (table role_sync, platform migration 0.8): carry over what
-- was still to be pushed, as member_province (never province), then drop the service's own table.
INSERT INTO role_sync (user_subject, role, granted, scope_province, scope_attribute, desired_at, seq, synced,
                       attempts, next_attempt_at)
SELECT user_subject, 'member', member, province, 'member_province', event_time, 1, false, 0, now()
FROM keycloak_sync
ON CONFLICT (user_subject, role) DO NOTHING;
DROP TABLE keycloak_sync;

-- Members synced before this version got the staff scope attribute 'province' (the escalation of issue 7).
-- Queue every person's latest membership again so Keycloak gets member_province; administrators still
-- have to check 'province' on users who hold a staff role (see README, Security).
INSERT INTO role_sync (user_subject, role, granted, scope_province, scope_attribute, desired_at, seq, synced,
                       attempts, next_attempt_at)
SELECT DISTINCT ON (user_subject) user_subject, 'member', status = 'ACTIVE', province, 'member_province', now(), 1,
       false, 0, now()
FROM member WHERE user_subject IS NOT NULL
ORDER BY user_subject, id DESC
ON CONFLICT (user_subject, role) DO UPDATE SET granted = EXCLUDED.granted, scope_province = EXCLUDED.scope_province,
    scope_attribute = EXCLUDED.scope_attribute, desired_at = EXCLUDED.desired_at, seq = role_sync.seq + 1,
    synced = false, attempts = 0, next_attempt_at = now();
