"""Content-hash cache for incremental builds: a corrupt or stale cache is an empty cache.

The files in the cache folder:
  briefings.pickle  {key: Briefing}, key = sha256(seed bytes) + seed name + registry + extractor version
                    (plus briefings.delta.pickle, the entries added since, and briefings.id, the base's id)
  pages.json        {"site": digest of everything the site depends on, "pages": {path: fingerprint},
                     "seeds": the stat index, "keys": {seed: key}, "snapshot": id of site.pickle}
  site.pickle       the last full build's site graph (briefings without their texts)
  registry.pickle   the built-in and archive data, parsed
  related.pickle    what the related-briefings lists were computed from
  texts.sqlite      the briefings' texts (see texts.TextStore)
The cache folder belongs to the archive, like its templates; nothing in it is needed to build,
and anything wrong with it only costs time.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path

FORMAT = 6  # bump when what is cached changes shape


def briefing_key(sha256: str, name: str, registry_fp: str, version: str) -> str:
    """The cache key of one seed's extraction."""
    return hashlib.sha256(f"{FORMAT}\0{sha256}\0{name}\0{registry_fp}\0{version}".encode()).hexdigest()


def _write_atomic(path: Path, write) -> None:
    """Write through `write(file)` into a temporary file, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load_pickle(path: Path, base: str | None = None) -> dict:
    with open(path, "rb") as fh:
        data = pickle.load(fh)
    if (isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("entries"), dict)
            and (base is None or data.get("base") == base)):
        return data
    raise ValueError("not a cache of this version")


class Cache:
    """Read once at the start of a build, written once at its end (never half-written).

    Extractions live in a base file plus a small delta: a build that extracted a few seeds
    writes only those, and the base is rewritten when the delta or the stale entries grow past
    a tenth of it (a 10,000-seed base is ~100 MB).
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.base_id: str | None = None
        self.base_keys: set = set()
        self.delta_size = 0

    def load_briefings(self) -> dict:
        """Cached extractions, or {} when there are none or they cannot be trusted."""
        if self.folder is None:
            return {}
        try:
            base = _load_pickle(self.folder / "briefings.pickle")
        except Exception:  # noqa: BLE001 - any damage means: rebuild from the seeds
            return {}
        entries = base["entries"]
        self.base_id, self.base_keys = base.get("id"), set(entries)
        try:
            delta = _load_pickle(self.folder / "briefings.delta.pickle", self.base_id)["entries"]
            self.delta_size = len(delta)
            entries = {**entries, **delta}
        except Exception:  # noqa: BLE001 - no delta, or one of another base: the base alone is right
            pass
        return entries

    def save_briefings(self, entries: dict) -> None:
        """Keep this build's extractions: as a delta when few are new, else as a new base."""
        if self.folder is None:
            return
        new = {k: v for k, v in entries.items() if k not in self.base_keys}
        stale = len(self.base_keys - entries.keys())
        if self.base_id and not new and not stale and self.delta_size == 0:
            return
        if self.base_id and (len(new) + stale) * 10 < max(len(entries), 1):
            _write_atomic(self.folder / "briefings.delta.pickle", lambda fh: pickle.dump(
                {"format": FORMAT, "base": self.base_id, "entries": new}, fh, protocol=pickle.HIGHEST_PROTOCOL))
            return
        base_id = hashlib.sha256(os.urandom(16)).hexdigest()
        # streamed: the base need not also sit in memory as bytes
        _write_atomic(self.folder / "briefings.pickle", lambda fh: pickle.dump(
            {"format": FORMAT, "id": base_id, "entries": entries}, fh, protocol=pickle.HIGHEST_PROTOCOL))
        (self.folder / "briefings.delta.pickle").unlink(missing_ok=True)
        _write_atomic(self.folder / "briefings.id", lambda fh: fh.write(base_id.encode()))

    def add_briefings(self, new: dict) -> None:
        """Add a few extractions to the delta without reading the base (whose id briefings.id gives)."""
        if self.folder is None or not new:
            return
        try:
            base_id = (self.folder / "briefings.id").read_text().strip()
        except OSError:
            return  # no base to add to: the next full build extracts these seeds again
        try:
            delta = _load_pickle(self.folder / "briefings.delta.pickle", base_id)["entries"]
        except Exception:  # noqa: BLE001 - no delta yet, or a stale one
            delta = {}
        delta.update(new)
        _write_atomic(self.folder / "briefings.delta.pickle", lambda fh: pickle.dump(
            {"format": FORMAT, "base": base_id, "entries": delta}, fh, protocol=pickle.HIGHEST_PROTOCOL))

    def load_site(self, snapshot: str | None):
        """The site graph the last full build saved under `snapshot`, or None."""
        if self.folder is None or not snapshot:
            return None
        try:
            with open(self.folder / "site.pickle", "rb") as fh:
                data = pickle.load(fh)
            if data.get("format") == FORMAT and data.get("id") == snapshot:
                return data["site"]
        except Exception:  # noqa: BLE001 - without it the site graph is built again
            pass
        return None

    def save_site(self, site) -> str | None:
        """Keep the site graph for builds that change only texts; returns its id."""
        if self.folder is None:
            return None
        snapshot = hashlib.sha256(os.urandom(16)).hexdigest()
        try:
            _write_atomic(self.folder / "site.pickle", lambda fh: pickle.dump(
                {"format": FORMAT, "id": snapshot, "site": site}, fh, protocol=pickle.HIGHEST_PROTOCOL))
        except (RecursionError, pickle.PicklingError):  # a graph pickle cannot hold: builds go the whole way
            return None
        return snapshot

    def registry(self, key: str, load):
        """The parsed registry for `key` (its data files and the code that reads them), else load()."""
        if self.folder is not None:
            try:
                with open(self.folder / "registry.pickle", "rb") as fh:
                    data = pickle.load(fh)
                if data.get("format") == FORMAT and data.get("key") == key:
                    return data["registry"]
            except Exception:  # noqa: BLE001 - parse the data files again
                pass
        reg = load()
        if self.folder is not None:
            _write_atomic(self.folder / "registry.pickle", lambda fh: pickle.dump(
                {"format": FORMAT, "key": key, "registry": reg}, fh, protocol=pickle.HIGHEST_PROTOCOL))
        return reg

    def load_related(self) -> dict | None:
        """The last build's related-briefings record (see site._related), or None."""
        if self.folder is not None:
            try:
                with open(self.folder / "related.pickle", "rb") as fh:
                    data = pickle.load(fh)
                if data.get("format") == FORMAT and isinstance(data.get("record"), dict):
                    return data["record"]
            except Exception:  # noqa: BLE001 - without it every list is computed afresh
                pass
        return None

    def save_related(self, record: dict) -> None:
        """Keep the related-briefings record for the next build."""
        if self.folder is not None:
            _write_atomic(self.folder / "related.pickle", lambda fh: pickle.dump(
                {"format": FORMAT, "record": record}, fh, protocol=pickle.HIGHEST_PROTOCOL))

    def load_pages(self) -> dict:
        """The last build's site digest and page fingerprints, or an empty record."""
        if self.folder is not None:
            try:
                data = json.loads((self.folder / "pages.json").read_text(encoding="utf-8"))
                if data.get("format") == FORMAT and isinstance(data.get("pages"), dict):
                    return data
            except Exception:  # noqa: BLE001
                pass
        return {"format": FORMAT, "site": None, "output": None, "pages": {}}

    def save_pages(self, record: dict) -> None:
        """Remember what this build wrote."""
        if self.folder is not None:
            data = json.dumps({**record, "format": FORMAT}).encode("utf-8")
            _write_atomic(self.folder / "pages.json", lambda fh: fh.write(data))
