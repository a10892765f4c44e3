-- the API rate permits shared by every worker (created beforehand by older rate stores)

CREATE TABLE IF NOT EXISTS govlink_rate_permits (
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    slot BIGINT NOT NULL,
    stamp DOUBLE PRECISION NOT NULL,
    holder TEXT,
    PRIMARY KEY (key, name, slot)
);

CREATE INDEX IF NOT EXISTS govlink_rate_permits_stamp ON govlink_rate_permits (key, name, stamp);
