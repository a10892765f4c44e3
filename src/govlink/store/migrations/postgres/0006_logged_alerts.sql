-- alerts only the log notifier had are 'logged'

ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;

ALTER TABLE alerts ADD CONSTRAINT alerts_status_check
    CHECK (status IN ('pending', 'sent', 'logged', 'failed', 'undeliverable'));
