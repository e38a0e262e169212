-- Conflict-of-interest register per trustee: declared interests and the annual confirmation (also "nothing to declare").
CREATE TABLE interest_declaration (
    id             uuid         PRIMARY KEY,
    appointment_id uuid         NOT NULL REFERENCES appointment (id),
    province       varchar(5)   NOT NULL,
    interest_type  varchar(32)  NOT NULL,
    description    varchar(2000) NOT NULL,
    valid_from     date         NOT NULL,
    valid_to       date,
    declared_by    varchar(100) NOT NULL,
    declared_at    timestamptz  NOT NULL,
    CONSTRAINT interest_period_ck CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX interest_declaration_appointment ON interest_declaration (appointment_id, id);

CREATE TABLE interest_confirmation (
    appointment_id     uuid         NOT NULL REFERENCES appointment (id),
    jalali_year        int          NOT NULL,
    nothing_to_declare boolean      NOT NULL,
    confirmed_by       varchar(100) NOT NULL,
    confirmed_at       timestamptz  NOT NULL,
    -- one confirmation per trustee and Jalali year
    CONSTRAINT interest_confirmation_once_per_year PRIMARY KEY (appointment_id, jalali_year)
);
