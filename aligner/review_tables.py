"""The run store's review tables (``aligner serve``): a reviewer's decisions on findings and
corrections of links, created with the run's own tables (``store._SCHEMA``)."""

REVIEW_TABLES = """\
-- a reviewer's work (aligner serve): keyed by the pair's paths, not its row id, so that it
-- outlives a rerun that drops and redoes the pair; the texts' hashes tell when it went stale
CREATE TABLE IF NOT EXISTS decisions (
    src_path TEXT NOT NULL,
    tgt_path TEXT NOT NULL,
    finding TEXT NOT NULL,
    action TEXT NOT NULL,
    comment TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    src_sha TEXT NOT NULL,
    tgt_sha TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    rev INTEGER NOT NULL,
    PRIMARY KEY (src_path, tgt_path, finding)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    src_path TEXT NOT NULL,
    tgt_path TEXT NOT NULL,
    op TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    src_sha TEXT NOT NULL,
    tgt_sha TEXT NOT NULL
);
"""
