-- How far each client has confirmed the server's answers: the highest mutation id a pull of that client
-- said it had taken as processed (`acknowledged`). A client's own record of it only grows, so a request
-- that carries less comes from an older copy of its database (a backup or folder put back, a cloned
-- machine) and is refused before the copy's new changes could be taken for duplicates of the original's.
ALTER TABLE client_mutations ADD COLUMN acknowledged_through bigint NOT NULL DEFAULT 0;
