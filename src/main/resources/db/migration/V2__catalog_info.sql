-- The catalog's own description (datasets/catalog.json → "catalog"): one row.
create table catalog_info (
    id             integer primary key,
    title_zh       varchar(500) not null,
    title_en       varchar(500),
    description_zh varchar      not null,
    description_en varchar,
    publisher_id   varchar(100) not null references publisher (id),
    license        varchar(500) not null
);
