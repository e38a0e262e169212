-- Attachment metadata; the bytes live in the AttachmentStorage (a directory by default), not in PostgreSQL.
CREATE TABLE attachment (
    id            uuid PRIMARY KEY,
    idea_id       uuid        NOT NULL REFERENCES idea (id),
    file_name     text        NOT NULL,
    content_type  varchar(100) NOT NULL,
    size          bigint      NOT NULL,
    sha256        char(64)    NOT NULL,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL
);
CREATE INDEX attachment_idea ON attachment (idea_id, id);
