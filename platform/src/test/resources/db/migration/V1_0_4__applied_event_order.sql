-- The order in which the test consumers applied events (consumer order tests).
ALTER TABLE test_applied_event ADD COLUMN seq BIGSERIAL;
