"""The build store: all that one build keeps for the next, as rows of JSON in one SQLite file.

It has two kinds of entry, the two points where a build reuses earlier work:
  extractions  one seed's briefing, keyed by the digest of everything the extraction is made
               of (the seed's bytes and name, the extractor's source, the data files): its
               metadata, its texts (read only when its page is rendered) and its warnings;
  record       what the last build wrote: for every output file the digest of everything the
               page was made of (see digest.py) and the file's size and time, the digest of all
               inputs, and the problems it reported; and what the pages' contexts were made of
               (the frame: see build.py), with the context of each briefing's page, keyed by
               its digest (a build whose frame is unchanged plans the few pages whose texts
               changed from these, without making the site graph);
and the extractor's tables, keyed by the data files and the program they were made from.
Nothing in the store is trusted: every row carries an HMAC made with a key kept outside the
archive (in the user's state folder), so a store copied from someone else, or edited, is not
used; a row that does not verify, or holds values of the wrong shape, is a missing row; a file
that is not a store of this version is replaced. The worst a damaged store can do is cost a
full build. Rows are JSON, but for the pages' contexts (a page's context is read back in a
tenth of a millisecond) and the extractor's tables (a quarter of the time to make them), which
are pickled: each is read only when its HMAC verifies, and then by an unpickler that makes
nothing but their own classes (see KEPT_CLASSES).
"""
from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import pickle
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import Notice
from generator.model import Briefing, DataError, Interned, briefing_from_meta, meta_data, texts_data, texts_from_data

SCHEMA = 5  # bump when the tables or the JSON in them change shape
FILE = "store.sqlite"
FEW_KEYS = 200  # up to this many extractions are looked up by key; more are read in one pass
KEY_ENV = "BRIEFINGS_STORE_KEY"  # a file holding the key, instead of the default place


def key_file() -> Path:
    """Where this user's store key is kept: outside any archive, so a shared cache is never trusted."""
    if os.environ.get(KEY_ENV):
        return Path(os.environ[KEY_ENV])
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "briefings" / "store.key"


def _load_key() -> tuple[bytes, Notice | None]:
    """The user's key (made on first use); a fresh one, and a warning, when none can be kept."""
    path = key_file()
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data, None
    except OSError:
        pass
    key = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        return key, None
    except OSError as exc:
        return key, Notice(f"cannot keep the cache key ({exc.strerror}): every build is a full build; "
                           f"set {KEY_ENV} to a writable file", str(path))


def _os_error(method):
    """A write to the store that fails (disk full, read-only folder) is an OS failure naming the file."""
    def wrapped(self, *args):
        try:
            return method(self, *args)
        except sqlite3.OperationalError as exc:
            raise OSError(0, f"cannot write the build store: {exc}", str(self.path)) from exc
    wrapped.__doc__, wrapped.__name__ = method.__doc__, method.__name__
    return wrapped


def _digest(meta: str) -> str:
    return hashlib.sha1(meta.encode("utf-8", "surrogatepass")).hexdigest()


def safe_rel(rel) -> bool:
    """A path inside the output folder, as this program writes them: relative, '/'-separated,
    no '..', '.' or empty parts, no backslash or NUL."""
    if type(rel) is not str or not rel or rel[0] == "/" or "\\" in rel or "\0" in rel:
        return False
    wrapped = f"/{rel}/"
    return "//" not in wrapped and "/./" not in wrapped and "/../" not in wrapped


@dataclass
class Record:
    """What the last build wrote (empty when there is none that can be trusted)."""

    output: str | None = None
    inputs: str | None = None                     # digest of every input: equal digests, equal site
    files: dict[str, list] = field(default_factory=dict)  # rel -> [page digest or None, size, mtime_ns]
    problems: list = field(default_factory=list)  # [kind, class, message, path, line] (errors.to_rows)
    briefings: int = 0
    frame: str | None = None  # digest of all that every page's context is made of (build.frame_digest)
    common: str | None = None  # the part of it every page shares
    # seed name -> [store key, digest of its briefing's metadata or None, its problems]
    seeds: dict[str, list] = field(default_factory=dict)
    # seed name -> [its page (output file), the digest of the page's context, the briefing's date]
    # for every page that shows texts (Store.load_context gives the context)
    texts: dict[str, list] = field(default_factory=dict)
    stats: dict[str, str] = field(default_factory=dict)  # seed name -> stat signature and digest (gather.Inputs)

    @classmethod
    def from_data(cls, data) -> "Record":
        """The record a store row holds; an empty one when it is not of this shape."""
        try:
            files, seeds, texts, stats = data["files"], data["seeds"], data["texts"], data["stats"]
            ok = (type(data["output"]) is str and type(data["inputs"]) is str and type(files) is dict
                  and _problems_ok(data["problems"]) and type(data["briefings"]) is int
                  and type(data["frame"]) in (str, type(None)) and type(data["common"]) in (str, type(None))
                  and type(seeds) is dict and type(texts) is dict and type(stats) is dict)
            ok = ok and all(safe_rel(rel) and type(v) is list and len(v) == 3
                            and (v[0] is None or type(v[0]) is str) and type(v[1]) is int and type(v[2]) is int
                            for rel, v in files.items())
            ok = ok and all(type(v) is list and len(v) == 3 and type(v[0]) is str
                            and (v[1] is None or type(v[1]) is str) and _problems_ok(v[2]) for v in seeds.values())
            ok = ok and all(name in seeds and type(v) is list and len(v) == 3 and v[0] in files
                            and type(v[1]) is str and type(v[2]) is str for name, v in texts.items())
            ok = ok and all(type(v) is str and len(v) > 65 for v in stats.values())
            if ok:
                return cls(data["output"], data["inputs"], files, data["problems"], data["briefings"],
                           data["frame"], data["common"], seeds, texts, stats)
        except (TypeError, KeyError):
            pass
        return cls()

    def to_data(self) -> dict:
        return {"output": self.output, "inputs": self.inputs, "files": self.files, "problems": self.problems,
                "briefings": self.briefings, "frame": self.frame, "common": self.common, "seeds": self.seeds,
                "texts": self.texts, "stats": self.stats}


def _problems_ok(rows) -> bool:
    """Rows of errors.to_rows."""
    return type(rows) is list and all(
        type(p) is list and len(p) == 5 and p[0] in ("error", "notice") and type(p[1]) is str
        and type(p[2]) is str and (p[3] is None or type(p[3]) is str) and (p[4] is None or type(p[4]) is int)
        for p in rows)


def json_object(value: dict) -> str:
    """A dict as the store writes JSON."""
    return json.dumps(value, ensure_ascii=False)


def record_head(record: Record) -> str:
    """A record's first row (see Store.record): all of it but its files and inputs."""
    data = record.to_data()
    del data["files"], data["inputs"]
    return json_object(data)


def record_tail(inputs: str, files: dict[str, list]) -> str:
    """A record's last row: the inputs' digest and the files not in its 'files' row."""
    return json_object({"inputs": inputs, "files": files})


# what a kept object may be made of (a page's context, the extractor's tables): nothing else is ever
# made when one is read back, whatever the bytes say
KEPT_CLASSES = {
    ("generator.model", "Briefing"), ("generator.model", "Person"), ("generator.model", "Location"),
    ("generator.model", "Mention"), ("generator.model", "Statement"), ("datetime", "date"),
    ("generator.text", "Phrases"), ("generator.text", "TrieTable"), ("generator.registry", "OfficialInfo"),
}


class _KeptUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in KEPT_CLASSES:
            raise pickle.UnpicklingError(f"{module}.{name} is not a kind of value the store keeps")
        return super().find_class(module, name)


class Store:
    """One build's view of the store. Without a folder it lives in a temporary folder for the
    build alone (worker processes open the same file)."""

    def __init__(self, folder: Path | None):
        self._temp = None
        if folder is None:
            self._temp = tempfile.mkdtemp(prefix="briefings-store-")
            folder = Path(self._temp)
        self.folder = folder
        self.path = folder / FILE
        self.notices: list[Notice] = []
        key, notice = _load_key()
        self._key = key
        if notice:
            self.notices.append(notice)
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._owner = os.getpid()  # a forked worker never removes the temporary store

    # -- the file ----------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():  # a forked worker opens its own connection
            self._pid = os.getpid()
            self.folder.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-journal", "-wal", "-shm"):  # SQLite would write through a link
                if os.path.islink(str(self.path) + suffix):
                    os.unlink(str(self.path) + suffix)  # the link goes, never what it points to
            try:
                self._conn = self._open()
            except sqlite3.OperationalError as exc:  # locked or busy past the timeout: not a damaged file
                raise OSError(0, f"cannot open the build store: {exc}", str(self.path)) from exc
            except sqlite3.DatabaseError:  # not a store (damaged, or another program's file)
                self._discard()
                self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        # (the build keeps pages' contexts from a thread while Pagefind runs; one thread at a time)
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        try:
            # a cache, not a record: no fsync on every commit (a store damaged by a crash is discarded)
            conn.execute("PRAGMA synchronous = OFF")
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                conn.executescript(f"""
                    DROP TABLE IF EXISTS extractions; DROP TABLE IF EXISTS record; DROP TABLE IF EXISTS objects;
                    DROP TABLE IF EXISTS contexts;
                    CREATE TABLE extractions (key TEXT PRIMARY KEY, meta TEXT, texts TEXT, notices TEXT,
                                              meta_mac TEXT, texts_mac TEXT);
                    CREATE TABLE record (name TEXT PRIMARY KEY, data TEXT, mac TEXT);
                    CREATE TABLE objects (name TEXT PRIMARY KEY, key TEXT, data BLOB, mac TEXT);
                    CREATE TABLE contexts (key TEXT PRIMARY KEY, data BLOB, mac TEXT);
                    PRAGMA user_version = {SCHEMA};""")
                conn.commit()
        except BaseException:
            conn.close()
            raise
        return conn

    def _discard(self) -> None:
        """Remove a damaged store file (only the file names this class makes)."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except FileNotFoundError:
                pass
            except IsADirectoryError:
                shutil.rmtree(str(self.path) + suffix)

    def _rows(self, sql: str, args=()) -> list:
        """Rows of a query; a store found damaged now is discarded and gives none."""
        try:
            return self._db().execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:  # locked, busy, out of memory: not a damaged file
            raise OSError(0, f"cannot read the build store: {exc}", str(self.path)) from exc
        except sqlite3.DatabaseError:
            self.close()
            self._discard()
            return []

    def _mac(self, *parts: str) -> str:
        return hmac.digest(self._key, "\0".join(parts).encode("utf-8", "surrogatepass"), "sha256").hex()

    def _valid(self, mac, *parts) -> bool:
        return type(mac) is str and all(type(p) is str for p in parts) and hmac.compare_digest(mac, self._mac(*parts))

    @_os_error
    def clear(self) -> None:
        """Forget everything (a clean build)."""
        self._db().execute("DELETE FROM extractions")
        self._db().execute("DELETE FROM record")
        self._db().execute("DELETE FROM objects")
        self._db().execute("DELETE FROM contexts")

    # -- reuse point 1: extractions ----------------------------------------------------
    def briefings(self, keys: set[str]) -> dict[str, tuple[Briefing, list[Notice], str]]:
        """The kept extractions among `keys`: briefings without their texts, their warnings, and
        the digest of their metadata (all that a briefing without its texts is made of)."""
        sql, args = "SELECT key, meta, notices, meta_mac FROM extractions", ()
        if len(keys) <= FEW_KEYS:  # a few rows of many: looked up, not all read
            args = tuple(sorted(keys))
            sql += f" WHERE key IN ({','.join('?' * len(args))})"
        rows = [row for row in self._rows(sql, args) if row[0] in keys and self._valid(row[3], row[0], row[1], row[2])]
        try:  # one parse for all: the rows verified, so each is JSON this program wrote
            metas = json.loads("[" + ",".join([meta for _, meta, _, _ in rows]) + "]")
        except ValueError:
            metas = None
        if metas is None or len(metas) != len(rows):
            metas = [None] * len(rows)
        out, interned = {}, Interned()
        for (key, meta, notices, _), data in zip(rows, metas):
            try:
                found = [Notice(m, p, line) for m, p, line in json.loads(notices)] if notices != "[]" else []
                out[key] = (briefing_from_meta(json.loads(meta) if data is None else data, interned), found,
                            _digest(meta))
            except (DataError, ValueError, TypeError):
                continue  # not of this shape: extracted again
        return out

    def keys(self) -> set[str]:
        """The keys of every extraction the store has a row for (usable or not)."""
        return {key for (key,) in self._rows("SELECT key FROM extractions")}

    def pack(self, key: str, b: Briefing, notices: list[Notice]) -> tuple[Briefing, tuple, str]:
        """One extraction as a row for `put` (in a worker process, which spares the parent the
        work), the briefing without its texts, exactly as a later build will read it back, and
        the digest of its metadata."""
        meta = json.dumps(meta_data(b), ensure_ascii=False)
        texts = json.dumps(texts_data(b), ensure_ascii=False)
        said = json.dumps([[n.message, n.path, n.line] for n in notices], ensure_ascii=False)
        row = (key, meta, texts, said, self._mac(key, meta, said), self._mac(key, texts))
        return briefing_from_meta(json.loads(meta)), row, _digest(meta)

    @_os_error
    def put(self, row: tuple) -> None:
        """Keep one extraction that `pack` made."""
        self._db().execute("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?, ?)", row)

    def full(self, b: Briefing, key: str) -> Briefing:
        """The briefing with its texts, kept under `key`."""
        rows = self._rows("SELECT texts, texts_mac FROM extractions WHERE key = ?", (key,))
        if not rows or not self._valid(rows[0][1], key, rows[0][0]):
            raise LookupError(f"the text of {b.source} is missing from the build store; build with --clean")
        return replace(b, **texts_from_data(json.loads(rows[0][0])))

    @_os_error
    def prune(self, live: set[str]) -> None:
        """Drop the extractions no seed of this build has."""
        stale = [(k,) for (k,) in self._rows("SELECT key FROM extractions") if k not in live]
        self._db().executemany("DELETE FROM extractions WHERE key = ?", stale)

    # -- reuse point 2: the record of pages ----------------------------------------------
    RECORD_ROWS = ("head", "files", "tail")

    def record(self) -> Record:
        """What the last build wrote, or an empty record. It is kept in three rows written apart
        (see save_record_part): 'head' (Record.to_data but its files and inputs), 'files' and
        'tail' (the inputs' digest and the files written last); the HMAC on 'tail' covers all three."""
        rows = {name: (data, mac) for name, data, mac in
                self._rows("SELECT name, data, mac FROM record WHERE name IN ('head', 'files', 'tail')")}
        if set(rows) != set(self.RECORD_ROWS) or not all(type(data) is str for data, _ in rows.values()):
            return Record()
        signer = self.record_signer()
        for name in self.RECORD_ROWS:
            signer.update(rows[name][0].encode("utf-8", "surrogatepass"))
            signer.update(b"\0")
        mac = rows["tail"][1]
        if type(mac) is not str or not hmac.compare_digest(mac, signer.hexdigest()):
            return Record()
        try:
            data, files, tail = (json.loads(rows[name][0]) for name in self.RECORD_ROWS)
        except ValueError:
            return Record()
        if type(data) is not dict or type(files) is not dict or type(tail) is not dict or type(tail.get("files")) is not dict:
            return Record()
        files.update(tail["files"])
        data["files"], data["inputs"] = files, tail.get("inputs")
        return Record.from_data(data)

    def save_record(self, record: Record) -> None:
        signer = self.record_signer()
        self.save_record_part("head", record_head(record), signer)
        self.save_record_part("files", json_object(record.files), signer)
        self.save_record_part("tail", record_tail(record.inputs, {}), signer)

    def record_signer(self):
        """The HMAC of a record's rows, fed each in turn by save_record_part."""
        return hmac.new(self._key, b"build\0", "sha256")

    @_os_error
    def save_record_part(self, name: str, text: str, signer) -> None:
        """Keep one row of a record (RECORD_ROWS, in that order, in one transaction: a build writes
        the first two while Pagefind runs); the last carries the HMAC of all three."""
        signer.update(text.encode("utf-8", "surrogatepass"))
        signer.update(b"\0")
        self._db().execute("INSERT OR REPLACE INTO record VALUES (?, ?, ?)",
                           (name, text, signer.hexdigest() if name == "tail" else None))

    def _object_mac(self, name: str, key: str, data: bytes) -> str:
        return hmac.digest(self._key, f"object\0{name}\0{key}\0".encode() + data, "sha256").hex()

    @_os_error
    def save_object(self, name: str, key: str, value) -> None:
        """Keep `value` (one per name: the last) for whoever asks for it by `key`, the digest of
        all it was made of: the extractor's tables."""
        if self._temp is not None:
            return  # a store for one build: nobody would read it back
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._db().execute("INSERT OR REPLACE INTO objects VALUES (?, ?, ?, ?)",
                           (name, key, data, self._object_mac(name, key, data)))
        self.commit()  # a large write holds the file: worker processes reading texts must not wait on it

    def load_object(self, name: str, key: str):
        """The value `save_object` kept under `name` for `key`, or None."""
        for data, mac in self._rows("SELECT data, mac FROM objects WHERE name = ? AND key = ?", (name, key)):
            if type(data) is bytes:
                return self._unpickle(data, mac, self._object_mac(name, key, data))
        return None

    def _unpickle(self, data, mac, expected: str):
        """The value pickled in `data` when `mac` is its signature (`expected`), else None."""
        if type(data) is bytes and type(mac) is str and hmac.compare_digest(mac, expected):
            try:
                return _KeptUnpickler(io.BytesIO(data)).load()
            except Exception:  # noqa: BLE001 - a value this version cannot read is a missing one
                return None
        return None

    # -- the contexts of pages that show texts ----------------------------------------
    def _context_mac(self, key: str, data: bytes) -> str:
        return hmac.digest(self._key, f"context\0{key}\0".encode() + data, "sha256").hex()

    def context_keys(self) -> set[str]:
        """The digests of the contexts kept."""
        return {key for key, in self._rows("SELECT key FROM contexts")}

    @_os_error
    def save_contexts(self, contexts) -> None:
        """Keep each (digest of a page's context, that context) for a later build with that frame."""
        if self._temp is not None:
            return  # a store for one build: nobody would read them back
        db = self._db()
        for key, context in contexts:
            data = pickle.dumps(context, protocol=pickle.HIGHEST_PROTOCOL)
            db.execute("INSERT OR REPLACE INTO contexts VALUES (?, ?, ?)", (key, data, self._context_mac(key, data)))

    def load_context(self, key: str) -> dict | None:
        """The page context kept under its digest `key`, or None."""
        for data, mac in self._rows("SELECT data, mac FROM contexts WHERE key = ?", (key,)):
            if type(data) is bytes:
                value = self._unpickle(data, mac, self._context_mac(key, data))
                return value if type(value) is dict else None
        return None

    @_os_error
    def prune_contexts(self, keep: set[str]) -> None:
        """Forget the kept contexts not in `keep`."""
        gone = self.context_keys() - keep
        if gone:
            self._db().executemany("DELETE FROM contexts WHERE key = ?", [(key,) for key in gone])

    @_os_error
    def commit(self) -> None:
        """Make what was put durable (and visible to worker processes)."""
        if self._conn is not None and self._pid == os.getpid():
            self._conn.commit()

    def close(self) -> None:
        """Close this process's connection (what was not committed is dropped); a temporary store goes."""
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None
        if self._temp is not None and self._owner == os.getpid():
            shutil.rmtree(self._temp, ignore_errors=True)
