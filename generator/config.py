"""site.yaml -> a frozen SiteConfig; every problem reported in one message."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from generator import yamlio
from generator.errors import ConfigError, Notice

PATH_KEYS = ("seeds", "output", "templates", "static", "data", "pages")
TOP_KEYS = ("title", "description", "base_url", "language", "paths", "per_page", "feed_size")


@dataclass(frozen=True)
class SiteConfig:
    """Settings of one archive; paths are absolute."""

    root: Path
    title: str = "Diplomatic Briefings"
    description: str = "A cross-linked archive of diplomatic news."
    base_url: str = "/"
    language: str = "en"
    seeds: Path = Path("seeds")
    output: Path = Path("site")
    templates: Path = Path("templates")
    static: Path = Path("static")
    data: Path = Path("data")
    pages: Path = Path("pages")  # the archive's own pages, in Markdown (pages.py)
    per_page: int = 50
    feed_size: int = 50
    notices: tuple[Notice, ...] = ()
    output_given: bool = False  # named by the user (--out), not by site.yaml: it may lie outside the archive

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, always ending in '/'."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    def with_overrides(self, **changes) -> "SiteConfig":
        """A copy with command-line overrides (None values are ignored)."""
        changes = {k: v for k, v in changes.items() if v is not None}
        if "base_url" in changes:
            changes["base_url"] = normalise_base_url(changes["base_url"], "--base-url")
            notices = [n for n in self.notices if not n.message.startswith(RELATIVE_BASE_URL)]
            changes["notices"] = tuple(notices) + base_url_notices(changes["base_url"], None)
        if "output" in changes:
            changes["output_given"] = True
        return replace(self, **changes)


RELATIVE_BASE_URL = "base_url is not an absolute URL"


def base_url_notices(base_url: str, path: Path | None) -> tuple[Notice, ...]:
    """One warning when the site's URL names no host: the feed, the sitemap and robots.txt need one."""
    if urlsplit(base_url).scheme:
        return ()
    return (Notice(f"{RELATIVE_BASE_URL} ({base_url!r}): the Atom feed, sitemap.xml and robots.txt need "
                   "one such as https://USER.github.io/REPO/ (set it in site.yaml or use --base-url)",
                   str(path) if path else None),)


def normalise_base_url(value: str, where: str) -> str:
    """Accept http(s) URLs and absolute paths; always end with '/'."""
    parts = urlsplit(value)
    if parts.scheme not in ("", "http", "https") or (parts.scheme and not parts.netloc):
        raise ConfigError(f"{where}: base_url must be an http(s) URL or a path starting with '/', not {value!r}")
    if not parts.scheme and not value.startswith("/"):
        raise ConfigError(f"{where}: base_url must be an http(s) URL or a path starting with '/', not {value!r}")
    return value if value.endswith("/") else value + "/"


def _nearest(key: str, known) -> str:
    match = difflib.get_close_matches(key, known, n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def load_config(path: Path | None, root: Path | None = None) -> SiteConfig:
    """Read site.yaml (or use defaults when there is none) into a SiteConfig."""
    root = (root or (path.parent if path else Path.cwd())).resolve()
    data: dict = {}
    if path is not None and path.exists():
        try:
            loaded = yamlio.load_file(path)
        except yamlio.YAMLProblem as exc:
            raise ConfigError(exc.message, path, exc.line) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot be read: {exc}", path) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError("must be a mapping of settings (key: value)", path)
        data = loaded or {}
    elif path is not None:
        raise ConfigError("configuration file not found", path)
    problems: list[str] = []
    notices = [Notice(f"unknown setting '{k}'{_nearest(str(k), TOP_KEYS)}", str(path))
               for k in data if k not in TOP_KEYS]
    values: dict = {}
    for key in ("title", "description", "language"):
        if key in data:
            if not isinstance(data[key], str) or not data[key].strip():
                problems.append(f"'{key}' must be non-empty text")
            else:
                values[key] = data[key].strip()
    if "base_url" in data:
        try:
            values["base_url"] = normalise_base_url(str(data["base_url"]), "'base_url'")
        except ConfigError as exc:
            problems.append(exc.message)
    for key in ("per_page", "feed_size"):
        if key in data:
            if not isinstance(data[key], int) or isinstance(data[key], bool) or data[key] < 1:
                problems.append(f"'{key}' must be a whole number of at least 1")
            else:
                values[key] = data[key]
    paths = data.get("paths") or {}
    if not isinstance(paths, dict):
        problems.append("'paths' must be a mapping (seeds: ..., output: ...)")
        paths = {}
    for key, value in paths.items():
        if key not in PATH_KEYS:
            notices.append(Notice(f"unknown path 'paths.{key}'{_nearest(str(key), PATH_KEYS)}", str(path)))
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"'paths.{key}' must be a folder name")
        else:
            values[key] = root / value
    if problems:
        raise ConfigError("; ".join(problems), path)
    for key in PATH_KEYS:
        values.setdefault(key, root / getattr(SiteConfig, key))
    notices += base_url_notices(values.get("base_url", SiteConfig.base_url),
                                path if path is not None and "base_url" in values else None)
    return SiteConfig(root=root, notices=tuple(notices), **values)
