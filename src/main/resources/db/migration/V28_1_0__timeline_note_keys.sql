-- Timeline notes as message keys (rendered in the reader's language, naming units and people by reference), and the
-- name the actor had when acting. Older entries keep their words in note and show them as they are.
alter table opinion_event add column note_key varchar(100);
alter table opinion_event add column note_args text[];
alter table opinion_event add column actor_name varchar(100);
