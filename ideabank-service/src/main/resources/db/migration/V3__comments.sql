-- Comments and endorsements by members on PUBLIC and MEMBERS ideas.
CREATE TABLE idea_comment (
    id           uuid PRIMARY KEY,
    idea_id      uuid        NOT NULL REFERENCES idea (id),
    author       text        NOT NULL,
    author_name  text,
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX idea_comment_idea ON idea_comment (idea_id, id);

CREATE TABLE idea_endorsement (
    idea_id      uuid        NOT NULL REFERENCES idea (id),
    author       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT idea_endorsement_once PRIMARY KEY (idea_id, author)
);
