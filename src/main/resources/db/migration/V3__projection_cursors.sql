-- Each projection (RDF store, search index, ...) keeps its own place in the outbox: the id of the last
-- event it has applied. Events are never consumed; a projection that crashed resumes after its cursor.
create table projection_cursor (
    projection    varchar(50) primary key,
    last_event_id bigint      not null,
    updated_at    timestamp with time zone not null
);

drop index outbox_pending;
alter table outbox_event drop column processed_at;
