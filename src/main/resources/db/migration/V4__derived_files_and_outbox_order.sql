-- The JSON and Excel-friendly CSV of a release are derived from its stored CSV, deterministically; their
-- size and SHA-256 are computed once at publish so the catalog can state them (DCAT byteSize, SPDX
-- checksum) without converting the data again. Releases published before this migration leave them null.
alter table dataset_release add column json_byte_size bigint;
alter table dataset_release add column json_sha256 varchar(64);
alter table dataset_release add column excel_csv_byte_size bigint;
alter table dataset_release add column excel_csv_sha256 varchar(64);

-- Writers of outbox events lock this one row until they commit, so events commit in id order and a
-- projection's high-water-mark cursor can never step over an event that commits late.
create table outbox_lock (
    id integer primary key
);
insert into outbox_lock (id) values (1);
