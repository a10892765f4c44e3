-- alerts only the log notifier had are 'logged'
-- (SQLite cannot change a CHECK in place: the table is rebuilt with its rows)

CREATE TABLE alerts_logged (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    enterprise_number TEXT NOT NULL,
    company_name TEXT NOT NULL,
    recipient TEXT,
    fallback INTEGER NOT NULL,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    document_sha256 TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('pending', 'sent', 'logged', 'failed', 'undeliverable')),
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

INSERT INTO alerts_logged SELECT * FROM alerts;

DROP TABLE alerts;

ALTER TABLE alerts_logged RENAME TO alerts;
