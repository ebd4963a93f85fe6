-- Date-time items (type datetime): the site's local clock time to the minute, without a zone, as
-- written on the source document. Timestamps without time zone keep it as entered on H2 and
-- PostgreSQL alike.
alter table item_data add column value_datetime timestamp;
