-- A whole dataset can be withdrawn with a reason; its record and releases stay in history.
alter table dataset add column withdrawn_at timestamp with time zone;
alter table dataset add column withdrawal_reason varchar;
