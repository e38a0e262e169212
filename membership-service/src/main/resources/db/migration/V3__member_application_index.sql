-- member.application_id references application(id): without an index every DELETE or key update of an application
-- (clean-ups, a GDPR-style erase of a withdrawn application) scans the whole member table for referencing rows —
-- minutes at 1,000,000 members (found by the performance suite, issue 13). One member per application at most.
CREATE INDEX member_application ON member (application_id);
