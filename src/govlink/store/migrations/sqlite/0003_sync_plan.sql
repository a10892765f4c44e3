-- the sync plan

CREATE TABLE sync_plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL CHECK (revision > 0),
    made_at TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    timezone TEXT NOT NULL,
    slot_minutes INTEGER NOT NULL,
    windows TEXT NOT NULL,
    blocked TEXT NOT NULL,
    capacity REAL,
    config TEXT NOT NULL,
    report TEXT NOT NULL
);

CREATE TABLE sync_plan_companies (
    enterprise_number TEXT PRIMARY KEY CHECK (length(enterprise_number) = 10),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    minute INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 1439),
    cost_milli INTEGER NOT NULL CHECK (cost_milli >= 0),
    once_at TEXT,
    weekly_from TEXT,
    onboarding INTEGER NOT NULL DEFAULT 0 CHECK (onboarding IN (0, 1)),
    moved_from_weekday INTEGER,
    moved_from_minute INTEGER
);
