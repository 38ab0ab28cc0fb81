"""The run store: one SQLite database (WAL mode) per output directory holding everything a corpus
run has learnt, so that a run killed at any moment resumes where it stopped.

Documents, segments, pairs, links and findings live here; every output (``pairs.json``, the
per-pair reports, the corpus exports, the HTML pages) is derived from the store at the end of a
run. Each document and each aligned pair is written in its own transaction, so a kill loses at
most the work in flight and never leaves a half-written pair or a duplicated row.
"""

from __future__ import annotations

import fcntl
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from aligner.read import GUESSED_ENCODINGS
from aligner.records import AlignerError, Document, Finding, Link, Report, Segment, Side
from aligner.review_tables import REVIEW_TABLES

STORE_NAME = "run.sqlite"
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT,
    lang TEXT,
    encoding TEXT,
    text TEXT,
    error TEXT
);
CREATE TABLE IF NOT EXISTS cleaning (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    folded INTEGER NOT NULL,
    dropped INTEGER NOT NULL,
    html_refs INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS page_urls (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    url TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS segments (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS input_errors (
    source TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    error TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pairs (
    id INTEGER PRIMARY KEY,
    src_doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    tgt_doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    src_sha TEXT NOT NULL,
    tgt_sha TEXT NOT NULL,
    origin TEXT NOT NULL,
    score REAL,
    evidence TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    error TEXT,
    signature TEXT,
    checked INTEGER,
    share REAL,
    UNIQUE (src_doc, tgt_doc)
);
CREATE TABLE IF NOT EXISTS links (
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (pair_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings (
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (pair_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unpaired (path TEXT PRIMARY KEY, reason TEXT NOT NULL);
""" + REVIEW_TABLES


@dataclass(frozen=True)
class DocRow:
    """What the store knows about one input file."""

    id: int
    path: str
    sha256: str | None
    lang: str | None
    error: str | None


@dataclass(frozen=True)
class Cleaned:
    """How much of one document's text was cleaned as it was read (see ``Document``)."""

    path: str
    folded: int
    dropped: int
    references: int


@dataclass(frozen=True)
class PairRow:
    """One document pair and where it stands (``pending``, ``done`` or ``error``)."""

    id: int
    src_path: str
    tgt_path: str
    origin: str  # "pairing" | "manifest"
    score: float | None
    evidence: dict[str, Any]
    status: str
    error: str | None
    links: int
    findings: int | None
    translated_share: float | None = None  # of a done pair (``pairing.translated_share``)


@dataclass(frozen=True)
class WantedPair:
    """A pair the current inputs call for, as handed to ``sync_pairs``."""

    src_path: str
    tgt_path: str
    origin: str
    score: float | None
    evidence: dict[str, Any]


class RunStore:
    """A connection to ``OUT/run.sqlite``; only the run's driver process writes to it."""

    def __init__(self, out_dir: str | Path) -> None:
        self.path = Path(out_dir) / STORE_NAME
        self._lock: IO[bytes] | None = None
        db: sqlite3.Connection | None = None
        try:
            db = self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.executescript(_SCHEMA)
            if "share" not in {row[1] for row in db.execute("PRAGMA table_info(pairs)")}:
                db.execute("ALTER TABLE pairs ADD COLUMN share REAL")  # a store of 0.1.0
            with self.transaction():
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except sqlite3.DatabaseError as exc:  # a damaged or foreign file, a read-only folder
            if db is not None:
                db.close()
            raise _store_error(self.path, exc) from exc

    def close(self) -> None:
        self.db.close()
        if self._lock:
            self._lock.close()

    def lock(self) -> None:
        """Claim the output directory for one run; the kernel frees it if the run is killed."""
        self._lock = open(self.path.with_suffix(".lock"), "wb")  # noqa: SIM115 (held open)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.close()
            raise AlignerError(str(self.path.parent), "another 'aligner run' is using this "
                                                      "output directory") from None

    def __enter__(self) -> RunStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> _Transaction:
        """``with store.transaction():`` — BEGIN … COMMIT, or ROLLBACK on error."""
        return _Transaction(self.db, self.path)

    # -- meta ---------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def reset_results(self) -> None:
        """Forget every pair result (settings changed); documents and segments stay valid."""
        with self.transaction():
            self.db.execute("DELETE FROM pairs")
            self.db.execute("DELETE FROM unpaired")
            self.db.execute("DELETE FROM meta WHERE key IN ('pairing_key', 'pairing')")

    # -- documents ----------------------------------------------------------------------------

    def documents(self) -> dict[str, DocRow]:
        rows = self.db.execute("SELECT id, path, sha256, lang, error FROM documents")
        return {r[1]: DocRow(*r) for r in rows}

    def forget_documents(self, keep: Iterable[str]) -> int:
        """Delete documents (and their pairs) that are no longer among the inputs."""
        gone = set(self.documents()) - set(keep)
        with self.transaction():
            for path in sorted(gone):
                self.db.execute("DELETE FROM documents WHERE path = ?", (path,))
        return len(gone)

    def save_document(self, path: str, sha256: str | None, side: Side | None,
                      error: str | None = None) -> None:
        """Record a read and segmented document, or the error that stopped it."""
        doc = side.document if side else None
        with self.transaction():
            self.db.execute(
                "INSERT INTO documents (path, sha256, lang, encoding, text, error) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET sha256=excluded.sha256,"
                " lang=excluded.lang, encoding=excluded.encoding, text=excluded.text,"
                " error=excluded.error",
                (path, sha256, doc.lang if doc else None, doc.encoding if doc else None,
                 doc.text if doc else None, error))
            doc_id = self.db.execute("SELECT id FROM documents WHERE path = ?",
                                     (path,)).fetchone()[0]
            self.db.execute("DELETE FROM segments WHERE doc_id = ?", (doc_id,))
            self.db.execute("DELETE FROM cleaning WHERE doc_id = ?", (doc_id,))
            if doc and (doc.folded or doc.dropped or doc.references):
                self.db.execute("INSERT INTO cleaning VALUES (?, ?, ?, ?)",
                                (doc_id, doc.folded, doc.dropped, doc.references))
            self.db.execute("DELETE FROM page_urls WHERE doc_id = ?", (doc_id,))
            if doc and doc.url:
                self.db.execute("INSERT INTO page_urls VALUES (?, ?)", (doc_id, doc.url))
            if side:
                self.db.executemany(
                    "INSERT INTO segments VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(doc_id, n, s.text, s.start, s.end, s.paragraph, s.kind)
                     for n, s in enumerate(side.segments)])

    def side(self, path: str) -> Side:
        doc_id, lang, encoding, text, folded, dropped, refs = self.db.execute(
            "SELECT id, lang, encoding, text, IFNULL(folded, 0), IFNULL(dropped, 0), "
            "IFNULL(html_refs, 0) FROM documents LEFT JOIN cleaning ON doc_id = id "
            "WHERE path = ?", (path,)).fetchone()
        segs = tuple(Segment(text=t, start=a, end=b, paragraph=p, kind=k) for t, a, b, p, k in
                     self.db.execute('SELECT text, start, "end", paragraph, kind FROM segments '
                                     "WHERE doc_id = ? ORDER BY idx", (doc_id,)))
        url = self.db.execute("SELECT url FROM page_urls WHERE doc_id = ?",
                              (doc_id,)).fetchone()
        return Side(Document(path, lang, text, encoding, folded, dropped, refs,
                             url[0] if url else ""), segs)

    def cleaned(self) -> list[Cleaned]:
        """The documents whose text was cleaned as it was read (``Document.folded``,
        ``dropped``, ``references``), by path."""
        return [Cleaned(*row) for row in self.db.execute(
            "SELECT path, folded, dropped, html_refs FROM cleaning JOIN documents ON id = doc_id "
            "WHERE error IS NULL ORDER BY path")]

    def pages(self) -> list[tuple[str, str]]:
        """(path, canonical URL or "") of the documents read as web pages, by path."""
        return list(self.db.execute(
            "SELECT path, IFNULL(url, '') FROM documents LEFT JOIN page_urls ON id = doc_id "
            "WHERE error IS NULL AND encoding = 'html' ORDER BY path"))

    def set_input_errors(self, errors: Sequence[tuple[str, str, str]]) -> None:
        """Replace the manifest-level problems (source, path, error) found by this run."""
        with self.transaction():
            self.db.execute("DELETE FROM input_errors")
            self.db.executemany("INSERT OR REPLACE INTO input_errors VALUES (?, ?, ?)", errors)

    def failures(self) -> list[tuple[str, str]]:
        """Every input that failed: manifest problems, unreadable documents, failed pairs."""
        out = [(f"{source} ({path})" if path else source, error) for source, path, error
               in self.db.execute("SELECT source, path, error FROM input_errors ORDER BY source")]
        out += list(self.db.execute(
            "SELECT path, error FROM documents WHERE error IS NOT NULL ORDER BY path"))
        out += [(f"{a} ↔ {b}", e) for a, b, e in self.db.execute(
            "SELECT s.path, t.path, p.error FROM pairs p JOIN documents s ON s.id = p.src_doc "
            "JOIN documents t ON t.id = p.tgt_doc WHERE p.status = 'error' ORDER BY s.path")]
        return out

    # -- pairs --------------------------------------------------------------------------------

    def sync_pairs(self, wanted: Sequence[WantedPair], unpaired: Sequence[tuple[str, str]]) -> None:
        """Make the pair table match ``wanted``: keep finished pairs whose documents are
        unchanged, drop pairs no longer wanted, add new ones as pending — one transaction."""
        docs = self.documents()
        current = {(s, t): (pid, ss, ts) for pid, s, t, ss, ts in self.db.execute(
            "SELECT p.id, s.path, t.path, p.src_sha, p.tgt_sha FROM pairs p "
            "JOIN documents s ON s.id = p.src_doc JOIN documents t ON t.id = p.tgt_doc")}
        with self.transaction():
            keep: set[int] = set()
            for w in wanted:
                src, tgt = docs[w.src_path], docs[w.tgt_path]
                evidence = json.dumps(w.evidence, ensure_ascii=False, sort_keys=True)
                old = current.get((w.src_path, w.tgt_path))
                if old and (old[1], old[2]) == (src.sha256, tgt.sha256):
                    keep.add(old[0])
                    self.db.execute("UPDATE pairs SET origin = ?, score = ?, evidence = ? "
                                    "WHERE id = ?", (w.origin, w.score, evidence, old[0]))
                    continue
                if old:
                    self.db.execute("DELETE FROM pairs WHERE id = ?", (old[0],))
                cur = self.db.execute(
                    "INSERT INTO pairs (src_doc, tgt_doc, src_sha, tgt_sha, origin, score, "
                    "evidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (src.id, tgt.id, src.sha256, tgt.sha256, w.origin, w.score, evidence))
                keep.add(int(cur.lastrowid or 0))
            for pid, _, _ in current.values():
                if pid not in keep:
                    self.db.execute("DELETE FROM pairs WHERE id = ?", (pid,))
            self.db.execute("DELETE FROM unpaired")
            self.db.executemany("INSERT OR REPLACE INTO unpaired VALUES (?, ?)", unpaired)

    def pending_pairs(self) -> list[tuple[int, str, str]]:
        """(pair id, src path, tgt path) of every pair not yet aligned (errors are retried)."""
        return list(self.db.execute(
            "SELECT p.id, s.path, t.path FROM pairs p JOIN documents s ON s.id = p.src_doc "
            "JOIN documents t ON t.id = p.tgt_doc WHERE p.status != 'done' ORDER BY p.id"))

    def save_result(self, pair_id: int, signature: dict[str, Any], links: Sequence[Link],
                    findings: Sequence[Finding] | None, share: float) -> None:
        """Store one aligned pair — links, findings, ``translated_share`` and status — in a
        single transaction."""
        with self.transaction():
            self.db.execute("DELETE FROM links WHERE pair_id = ?", (pair_id,))
            self.db.execute("DELETE FROM findings WHERE pair_id = ?", (pair_id,))
            self.db.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?)", [
                (pair_id, n, json.dumps(list(x.src)), json.dumps(list(x.tgt)), float(x.score))
                for n, x in enumerate(links)])
            self.db.executemany("INSERT INTO findings VALUES (?, ?, ?)", [
                (pair_id, n, json.dumps(f.to_json(), ensure_ascii=False))
                for n, f in enumerate(findings or [])])
            self.db.execute(
                "UPDATE pairs SET status = 'done', error = NULL, signature = ?, checked = ?, "
                "share = ? WHERE id = ?", (json.dumps(signature, ensure_ascii=False),
                                           findings is not None, share, pair_id))

    def save_share(self, pair_id: int, share: float) -> None:
        """Keep the ``translated_share`` of a pair done before the store had it."""
        with self.transaction():
            self.db.execute("UPDATE pairs SET share = ? WHERE id = ?", (share, pair_id))

    def save_error(self, pair_id: int, error: str) -> None:
        with self.transaction():
            self.db.execute("UPDATE pairs SET status = 'error', error = ? WHERE id = ?",
                            (error, pair_id))

    def pairs(self) -> list[PairRow]:
        """Every pair, sorted by source then target path (the order of every derived output)."""
        rows = self.db.execute(
            "SELECT p.id, s.path, t.path, p.origin, p.score, p.evidence, p.status, p.error, "
            "(SELECT COUNT(*) FROM links l WHERE l.pair_id = p.id), "
            "(SELECT COUNT(*) FROM findings f WHERE f.pair_id = p.id), p.checked, "
            "p.share FROM pairs p JOIN documents s ON s.id = p.src_doc "
            "JOIN documents t ON t.id = p.tgt_doc ORDER BY s.path, t.path")
        out = []
        for (pid, src, tgt, origin, score, evidence, status, error, n_links, n_find, chk,
             share) in rows:
            out.append(PairRow(pid, src, tgt, origin, score, json.loads(evidence), status,
                               error, n_links, n_find if chk else None, share))
        return out

    def report(self, pair: PairRow) -> Report:
        """Rebuild a finished pair's full report from the store."""
        sig_json, checked = self.db.execute("SELECT signature, checked FROM pairs WHERE id = ?",
                                            (pair.id,)).fetchone()
        links = [Link(tuple(json.loads(s)), tuple(json.loads(t)), score) for s, t, score in
                 self.db.execute("SELECT src, tgt, score FROM links WHERE pair_id = ? "
                                 "ORDER BY idx", (pair.id,))]
        findings = [Finding.from_json(json.loads(d)) for (d,) in self.db.execute(
            "SELECT data FROM findings WHERE pair_id = ? ORDER BY idx", (pair.id,))]
        signature = json.loads(sig_json)
        src, tgt = self.side(pair.src_path), self.side(pair.tgt_path)
        given = signature.get("languages") or {}  # --src-lang / --tgt-lang of the run
        if given:
            src = replace(src, document=replace(src.document, lang=given["src"]))
            tgt = replace(tgt, document=replace(tgt.document, lang=given["tgt"]))
        return Report(signature=signature, src=src, tgt=tgt, links=links,
                      findings=findings if checked else None)

    def legacy_encoded(self) -> list[tuple[str, str]]:
        """(path, encoding) of the documents whose encoding was guessed (``GUESSED_ENCODINGS``:
        legacy Windows Arabic), not UTF-8 nor declared by a BOM."""
        marks = ", ".join("?" * len(GUESSED_ENCODINGS))
        return list(self.db.execute(
            f"SELECT path, encoding FROM documents WHERE error IS NULL AND encoding IN ({marks}) "
            "ORDER BY path", GUESSED_ENCODINGS))

    def unpaired(self) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT path, reason FROM unpaired ORDER BY path"))

    def counts(self) -> dict[str, int]:
        """Row counts per table: what tests use to prove nothing was duplicated."""
        tables = ("documents", "segments", "pairs", "links", "findings", "unpaired")
        return {t: int(self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
                for t in tables}


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT; nested use joins the outer transaction. A database error
    (a full disk, most often at COMMIT) leaves as one clear error naming the store."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db, self.path = db, path
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        self.outer = not self.db.in_transaction
        if self.outer:
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                raise _store_error(self.path, exc) from exc
        return self.db

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> None:
        if not self.outer:
            return
        try:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        except sqlite3.DatabaseError as err:
            raise _store_error(self.path, err) from err
        if isinstance(exc, sqlite3.DatabaseError):
            raise _store_error(self.path, exc) from exc


def _store_error(path: Path, exc: sqlite3.DatabaseError) -> AlignerError:
    """What went wrong with the run store, and how to go on: a full disk keeps finished pairs
    (run again to resume); a damaged or foreign file does not."""
    if "full" in str(exc):
        return AlignerError(str(path), f"cannot write the run store ({exc}); free some space "
                                       "and run the same command again to resume")
    return AlignerError(str(path), f"run store unusable ({exc}); move it away to start over, "
                                   "or use another --out")

