"""Briefings' texts kept out of memory: the site graph needs only their metadata.

A build holds 10,000 briefings at once; their bodies, original texts, mentions and statements
are most of the memory and are needed only while that briefing's own page is rendered. They
are kept in a SQLite file in the cache folder (or in memory when there is no cache folder) and
fetched by cache key when the page is rendered, in whichever process renders it.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
from dataclasses import replace
from pathlib import Path

from generator.model import Briefing

FIELDS = ("body", "mentions", "statements", "original")
EMPTY = {"body": (), "mentions": (), "statements": (), "original": ""}


def split(key: str, b: Briefing) -> tuple[Briefing, bytes]:
    """The briefing without its texts (which it finds again under `key`), and the texts packed."""
    data = pickle.dumps(tuple(getattr(b, f) for f in FIELDS), protocol=pickle.HIGHEST_PROTOCOL)
    return replace(b, **EMPTY, text_key=key), data


class TextStore:
    """put() strips a briefing's texts and keeps them; full() gives them back."""

    def __init__(self, path: Path | None):
        self.path = path
        self.memory: dict[str, bytes] | None = {} if path is None else None
        self._conn: sqlite3.Connection | None = None
        self._pid = 0

    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():  # a forked worker opens its own connection
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._conn = self._open()
            except sqlite3.DatabaseError:  # a damaged store is an empty store
                self.path.unlink(missing_ok=True)
                self._conn = self._open()
            self._pid = os.getpid()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path)
        # a cache, not a record: no fsync on every commit (a store damaged by a crash is discarded)
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("CREATE TABLE IF NOT EXISTS texts (key TEXT PRIMARY KEY, data BLOB)")
        return conn

    def keys(self) -> set[str]:
        """The keys whose texts are kept (a damaged store keeps none)."""
        if self.memory is not None:
            return set(self.memory)
        try:
            return {row[0] for row in self._db().execute("SELECT key FROM texts")}
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            self._conn = None
            return set()

    def put(self, key: str, b: Briefing) -> Briefing:
        """Keep the briefing's texts under `key`; returns the briefing without them."""
        slim, data = split(key, b)
        self.put_packed(key, data)
        return slim

    def put_packed(self, key: str, data: bytes) -> None:
        """Keep texts that split() packed (in a worker process, which spares the parent the work)."""
        if self.memory is not None:
            self.memory[key] = data
        else:
            self._db().execute("INSERT OR REPLACE INTO texts VALUES (?, ?)", (key, data))

    def full(self, b: Briefing) -> Briefing:
        """The briefing with its texts."""
        if b.text_key is None:
            return b
        if self.memory is not None:
            data = self.memory[b.text_key]
        else:
            row = self._db().execute("SELECT data FROM texts WHERE key = ?", (b.text_key,)).fetchone()
            if row is None:
                raise KeyError(f"the text of {b.source} is missing from the cache; build with --clean")
            data = row[0]
        return replace(b, **dict(zip(FIELDS, pickle.loads(data))), text_key=None)

    def commit(self, live: set[str] | None = None) -> None:
        """Make the kept texts durable; with `live`, drop the texts of briefings no longer built."""
        if self.memory is not None:
            return
        db = self._db()
        if live is not None:
            stale = self.keys() - live
            db.executemany("DELETE FROM texts WHERE key = ?", ((k,) for k in stale))
        db.commit()

    def close(self) -> None:
        """Close this process's connection; texts not committed are dropped."""
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None
