-- archived companies (clients that left)

ALTER TABLE companies ADD COLUMN archived_at TEXT;

CREATE INDEX companies_archived ON companies (archived_at) WHERE archived_at IS NOT NULL;
