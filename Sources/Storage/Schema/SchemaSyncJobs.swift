extension SchemaStep {
    /// Syncs become leased jobs (issue #11): `sync_runs` gains the queue, the owner and the lease, and the database
    /// itself allows one live (queued or running) job per integration; schedules, the staging table of the fetch
    /// phase and the shared rate limiter's buckets get tables of their own.
    ///
    /// SQLite cannot change a CHECK constraint in place, so `sync_runs` is rebuilt. A run a previous version left
    /// `running` can only be dead (that version had no leases): it becomes `abandoned`. PostgreSQL alters it in place.
    static let syncJobs = SchemaStep(
        id: "v2-sync-jobs",
        sqlite: """
            CREATE TABLE sync_jobs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                integration_id INTEGER NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
                status TEXT NOT NULL
                    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'abandoned')),
                trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule')),
                requested_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
                queued_at DATETIME NOT NULL,
                due_at DATETIME,
                owner TEXT,
                lease_expires_at DATETIME,
                cancel_requested_at DATETIME,
                started_at DATETIME,
                finished_at DATETIME,
                created INTEGER NOT NULL DEFAULT 0,
                updated INTEGER NOT NULL DEFAULT 0,
                unchanged INTEGER NOT NULL DEFAULT 0,
                removed INTEGER NOT NULL DEFAULT 0,
                duration_ms INTEGER,
                error TEXT
            );
            INSERT INTO sync_jobs (
                id, integration_id, status, trigger, queued_at, started_at, finished_at,
                created, updated, unchanged, removed, duration_ms, error
            )
            SELECT id, integration_id, CASE status WHEN 'running' THEN 'abandoned' ELSE status END, 'manual',
                started_at, started_at, finished_at, created, updated, unchanged, removed, duration_ms,
                CASE status WHEN 'running' THEN 'the process running it stopped before this upgrade' ELSE error END
            FROM sync_runs;
            DROP TABLE sync_runs;
            ALTER TABLE sync_jobs RENAME TO sync_runs;
            CREATE INDEX sync_runs_by_integration ON sync_runs(integration_id, id);
            -- The one-live-job rule lives here, so it holds across every process (PostgreSQL: the same index).
            CREATE UNIQUE INDEX sync_runs_one_live_job ON sync_runs(integration_id)
                WHERE status IN ('queued', 'running');
            CREATE INDEX sync_runs_queue ON sync_runs(id) WHERE status = 'queued';
            CREATE INDEX sync_runs_leases ON sync_runs(lease_expires_at) WHERE status = 'running';

            CREATE TABLE sync_schedules (
                integration_id INTEGER PRIMARY KEY REFERENCES integrations(id) ON DELETE CASCADE,
                interval_seconds INTEGER NOT NULL CHECK (interval_seconds >= 1),
                next_sync_at DATETIME NOT NULL,
                failures INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX sync_schedules_by_due_time ON sync_schedules(next_sync_at);

            -- `seq` keeps the provider's order, so new networks get ids in listing order as before.
            CREATE TABLE sync_staging (
                seq INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
                external_id TEXT NOT NULL,
                name TEXT NOT NULL,
                organization_id TEXT,
                config TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                UNIQUE (run_id, external_id)
            );

            -- Shared rate budgets: each bucket's theoretical arrival time, in nanoseconds since 1970.
            CREATE TABLE rate_buckets (
                key TEXT PRIMARY KEY,
                theoretical_arrival INTEGER NOT NULL
            ) WITHOUT ROWID;
            """,
        postgres: """
            -- PostgreSQL changes the table in place.
            ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_status_check;
            UPDATE sync_runs SET status = 'abandoned', error = 'the process running it stopped before this upgrade'
            WHERE status = 'running';
            ALTER TABLE sync_runs
                ADD CONSTRAINT sync_runs_status_check
                    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'abandoned')),
                ADD COLUMN trigger TEXT NOT NULL DEFAULT 'manual' CHECK (trigger IN ('manual', 'schedule')),
                ADD COLUMN requested_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
                ADD COLUMN queued_at TIMESTAMPTZ,
                ADD COLUMN due_at TIMESTAMPTZ,
                ADD COLUMN owner TEXT,
                ADD COLUMN lease_expires_at TIMESTAMPTZ,
                ADD COLUMN cancel_requested_at TIMESTAMPTZ,
                ALTER COLUMN started_at DROP NOT NULL;
            UPDATE sync_runs SET queued_at = started_at;
            ALTER TABLE sync_runs ALTER COLUMN queued_at SET NOT NULL, ALTER COLUMN trigger DROP DEFAULT;
            CREATE UNIQUE INDEX sync_runs_one_live_job ON sync_runs(integration_id) WHERE status IN ('queued', 'running');
            CREATE INDEX sync_runs_queue ON sync_runs(id) WHERE status = 'queued';
            CREATE INDEX sync_runs_leases ON sync_runs(lease_expires_at) WHERE status = 'running';

            CREATE TABLE sync_schedules (
                integration_id BIGINT PRIMARY KEY REFERENCES integrations(id) ON DELETE CASCADE,
                interval_seconds INTEGER NOT NULL CHECK (interval_seconds >= 1),
                next_sync_at TIMESTAMPTZ NOT NULL,
                failures INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX sync_schedules_by_due_time ON sync_schedules(next_sync_at);

            -- Unlogged: staged pages are worth nothing after a crash (the job is abandoned), so they skip the WAL.
            CREATE UNLOGGED TABLE sync_staging (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                run_id BIGINT NOT NULL,
                external_id TEXT NOT NULL,
                name TEXT NOT NULL,
                organization_id TEXT,
                config TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                UNIQUE (run_id, external_id)
            );

            CREATE TABLE rate_buckets (
                key TEXT PRIMARY KEY,
                theoretical_arrival BIGINT NOT NULL
            );
            """
    )
}
