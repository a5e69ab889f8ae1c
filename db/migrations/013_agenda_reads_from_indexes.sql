-- Schema 13: less of the database read (and decrypted) for the agenda (db/repo/agendaInput.ts).
-- A short agenda (Today, `rounds agenda`) reads only the important dates that can fall in its days:
-- those whose calendar, month and day name one of the window's, found by seeking this index. It holds
-- every column the agenda reads, so the table is never visited: a one-day agenda reads a few pages of
-- it instead of all of a rep's 20,000 dates. (deleted_at is always NULL here, but the planner counts
-- an index as holding what a query reads only if it holds every column the query names.)
CREATE INDEX important_dates_by_day ON important_dates(
  calendar, month, day, account_id, id, contact_id, family_member_id, kind, label, is_leap_month, year, lead_days, deleted_at
) WHERE deleted_at IS NULL;
-- How far ahead that agenda looks: the longest lead time a date has of its own, the last entry here
-- (most dates have none and use the settings', so this index stays small).
CREATE INDEX important_dates_own_lead ON important_dates(lead_days, deleted_at) WHERE deleted_at IS NULL AND lead_days IS NOT NULL;
-- Each account's last order from an index alone: the one of schema 4 also holds deleted orders, so
-- each of its entries sent the query to the table to see whether the order was deleted.
CREATE INDEX orders_live_by_account_day ON orders(account_id, day, deleted_at) WHERE deleted_at IS NULL;
