-- companies, import runs and settings

CREATE TABLE companies (
    enterprise_number TEXT PRIMARY KEY CHECK (length(enterprise_number) = 10),
    name TEXT NOT NULL,
    legal_form TEXT,
    email TEXT,
    language TEXT,
    street TEXT,
    house_number TEXT,
    box TEXT,
    postal_code TEXT,
    city TEXT,
    country_code TEXT,
    phone TEXT,
    responsible TEXT,
    customer_code TEXT,
    origin_source TEXT,
    origin_record_id TEXT,
    origin_row BIGINT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE import_runs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    applied_at TEXT NOT NULL,
    source TEXT NOT NULL,
    location TEXT NOT NULL,
    actor TEXT NOT NULL,
    rows BIGINT NOT NULL,
    only_in_source BIGINT NOT NULL,
    only_in_platform BIGINT NOT NULL,
    matching BIGINT NOT NULL,
    changed BIGINT NOT NULL,
    invalid BIGINT NOT NULL,
    skipped BIGINT NOT NULL
);

CREATE TABLE import_run_changes (
    run_id BIGINT NOT NULL REFERENCES import_runs (id),
    enterprise_number TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('added', 'updated')),
    fields TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    PRIMARY KEY (run_id, enterprise_number)
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
