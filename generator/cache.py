"""Content-hash cache for incremental builds: a corrupt or stale cache is an empty cache.

Two files in the cache folder:
  briefings.pickle  {key: Briefing}, key = sha256(seed bytes) + seed name + registry + extractor version
  pages.json        {"site": digest of everything the site depends on, "pages": {path: fingerprint}}
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

FORMAT = 3  # bump when what is cached changes shape


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


class Cache:
    """Read once at the start of a build, written once at its end (never half-written)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def load_briefings(self) -> dict:
        """Cached extractions, or {} when there are none or they cannot be trusted."""
        if self.folder is None:
            return {}
        try:
            with open(self.folder / "briefings.pickle", "rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("entries"), dict):
                return data["entries"]
        except Exception:  # noqa: BLE001 - any damage means: rebuild from the seeds
            pass
        return {}

    def save_briefings(self, entries: dict) -> None:
        """Replace the cached extractions (only the entries of this build are kept)."""
        if self.folder is not None:
            # streamed: a 10,000-seed cache is ~100 MB, which need not also sit in memory as bytes
            _write_atomic(self.folder / "briefings.pickle", lambda fh: pickle.dump(
                {"format": FORMAT, "entries": entries}, fh, protocol=pickle.HIGHEST_PROTOCOL))

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
