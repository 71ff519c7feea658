"""Live preview: build into a folder of its own, serve it, rebuild and reload when an input changes.

- The preview is built into `.briefings-cache/preview/site` with the preview's own base URL
  (http://HOST:PORT/) and its own store (`.briefings-cache/preview/cache`), as `publish` builds into
  `.briefings-cache/publish/`: `build` and `publish` never see it, and it never writes `site/`.
- Changes are found by `watchfiles` (the operating system's notifications, through Rust's
  `notify`), not by walking every file: an idle preview of 10,000 seeds costs next to nothing. A
  burst of changes (a checkout, an editor saving several files) becomes one rebuild and one reload.
- Builds run in one thread of their own, in this process (the program, its templates and imports
  stay loaded); Tornado's I/O loop keeps serving pages meanwhile. livereload's handlers serve the
  websocket and `livereload.js`, and send the reload.
- Every HTML page served (the 404 page too) gets two scripts before `</head>`: livereload's and
  `/__preview/preview.js`. The latter reads `/__preview/state.json` (the build number, the
  problems of the last build with file and line, old URL -> new URL of briefings whose address
  changed) and decides what a reload does: follow the open page to its new address, show a notice
  naming file and line while the last build has problems (the page shown stays as it was when its
  source is refused), and reload only when the site changed.
- Search does not hold the reload up: a preview build leaves the search bundle as it was
  (`build(defer_search=True)`), the browser reloads, and then the same thread brings the bundle
  up to date (`search.catch_up`), unless more changes came; the state says `search_behind` meanwhile.
"""
from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import urls
from generator.config import SiteConfig
from generator.errors import BriefingError

PREVIEW_JS = Path(__file__).with_name("preview.js")
STATE_PATH = "/__preview/state.json"
SCRIPT_PATH = "/__preview/preview.js"
HEAD_END = b"</head>"
DEBOUNCE_MS = 1600  # the longest a steady stream of changes is gathered before a rebuild
STEP_MS = 50        # a burst ends after this long without a change


def preview_folder(config: SiteConfig) -> Path:
    """Where the preview lives: its site and its store, under the archive's cache folder."""
    return config.root / ".briefings-cache" / "preview"


def preview_config(config: SiteConfig, base_url: str) -> SiteConfig:
    """The settings of the preview build: its own output folder and the URL it is served at."""
    return config.with_overrides(output=preview_folder(config) / "site", base_url=base_url)


def is_loopback(host: str) -> bool:
    """Whether `host` can be reached only from this machine."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except OSError:
            return False
        return bool(infos) and all(ipaddress.ip_address(i[4][0].split("%")[0]).is_loopback for i in infos)


def base_url_for(host: str, port: int) -> str:
    """The URL a browser reaches the preview at (a wildcard address is reached by this machine's name)."""
    bare = host.strip("[]")
    if bare in ("", "0.0.0.0", "::"):
        bare = socket.gethostname() or "localhost"
    if ":" in bare:
        bare = f"[{bare}]"
    return f"http://{bare}:{port}/"


def problem_record(problem: BriefingError, root: Path) -> dict:
    """A problem as the page shows it: the file (relative to the archive), the line, the message."""
    path = problem.path
    if path:
        try:
            path = str(Path(path).resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return {"file": path, "line": problem.line, "message": problem.message}


@dataclass
class State:
    """What the pages are told: see preview.js."""

    build: int = 0          # builds finished (whatever their outcome)
    site: int = 0           # builds that changed the site: a page reloads when this moves
    building: bool = False
    errors: list[dict] = field(default_factory=list)
    warnings: int = 0
    moved: dict[str, str] = field(default_factory=dict)  # old URL path -> new URL path
    seconds: float = 0.0
    search_behind: bool = False  # the search bundle is not yet of the pages shown

    def to_json(self) -> bytes:
        return json.dumps({"build": self.build, "site": self.site, "building": self.building,
                           "errors": self.errors, "warnings": self.warnings, "moved": self.moved,
                           "seconds": round(self.seconds, 3), "search_behind": self.search_behind},
                          ensure_ascii=False).encode("utf-8")


def follow_moves(moved: dict[str, str], old: dict[str, str], new: dict[str, str]) -> dict[str, str]:
    """The map old URL -> new URL after a build: `old` and `new` are each seed's briefing URL before and
    after it. Moves chain (a page moved twice leads to where it is now); an address that is a page
    again is not redirected."""
    changed = {old[s]: new[s] for s in old.keys() & new.keys() if old[s] != new[s]}
    out = {k: changed.get(v, v) for k, v in moved.items()}
    out.update(changed)
    live = set(new.values())
    return {k: v for k, v in out.items() if k not in live and k != v}


class Preview:
    """The preview's builds and what they left: the state pages read."""

    def __init__(self, load: Callable[[], SiteConfig], base_url: str, say: Callable[[str], None]):
        self.load, self.base_url, self.say = load, base_url, say
        self.config = load()
        self.cache = preview_folder(self.config) / "cache"
        self.state = State()
        self.state_json = self.state.to_json()
        self.urls: dict[str, str] | None = None  # seed source -> its briefing's URL path
        self.config_stale = False  # site.yaml changed and has not been read since
        self.search_pending = None  # the search step the last build left (search.Pending)
        self.lock = threading.Lock()
        self.changes: set[str] = set()
        self.wake = threading.Event()
        self.stop = threading.Event()

    @property
    def output(self) -> Path:
        return preview_config(self.config, self.base_url).output

    # ------------------------------------------------------------------ building
    def rebuild(self, reload_config: bool = False) -> bool:
        """One build; returns whether the site changed. Never raises for a problem of the archive."""
        from generator.build import build
        with self.lock:
            self.state.building = True
            self.state_json = self.state.to_json()
        start = time.perf_counter()
        changed, errors, warnings = False, [], 0
        try:
            self.config_stale |= reload_config
            if self.config_stale:  # read again until it reads: a broken site.yaml stays reported
                folders = self._folders()
                self.config = self.load()
                self.config_stale = False
                if self._folders() != folders:
                    self.say("note: site.yaml names other folders now; restart serve to watch them")
            config = preview_config(self.config, self.base_url)
            result = build(config, cache_dir=self.cache, defer_search=True)
            self.search_pending = result.search
            errors = [problem_record(e, self.config.root) for e in result.errors]
            warnings = len(result.notices)
            changed = not result.unchanged
            new_urls = self._urls(result.site) if result.site is not None else None
            if new_urls is None and self.urls is None:  # nothing to do, and so no site graph: from the store
                try:
                    new_urls = self._urls_from_store(config)
                except Exception as exc:  # noqa: BLE001 - moves are then followed from the next build on
                    self.say(f"note: moved pages are followed from the next build on ({exc})")
            if new_urls is not None:
                moved = (follow_moves(self.state.moved, self.urls, new_urls) if self.urls is not None
                         else self.state.moved)
                self.urls = new_urls
            else:
                moved = self.state.moved
            for problem in [*result.errors, *result.notices]:
                self.say(str(problem))
            done = "nothing changed" if result.unchanged else f"{result.rendered} rendered"
            self.say(f"built {result.briefings} briefings, {result.pages} pages ({done}), {len(result.errors)} "
                     f"errors, {warnings} warnings in {result.seconds:.2f} s")
        except BriefingError as exc:  # the whole build failed (a template, site.yaml): the last site stays
            errors, moved = [problem_record(exc, self.config.root)], self.state.moved
            self.say(f"error: {exc} (the preview shows the last site that built)")
        except Exception as exc:  # noqa: BLE001 - the preview must outlive any failure of one build
            errors, moved = [{"file": None, "line": None,
                              "message": f"internal error: {exc.__class__.__name__}: {exc}"}], self.state.moved
            self.say(f"internal error: {exc.__class__.__name__}: {exc}\n{traceback.format_exc()}")
        with self.lock:
            s = self.state
            s.build += 1
            s.site += changed
            s.building, s.errors, s.warnings, s.moved = False, errors, warnings, moved
            s.seconds = time.perf_counter() - start
            s.search_behind = self.search_pending is not None
            self.state_json = s.to_json()
        return changed

    def update_search(self) -> None:
        """Bring the search bundle the last build left behind up to date (after the reload); stops
        between two Pagefind runs when a change comes, for the build that change asks for."""
        from generator import search
        start = time.perf_counter()
        try:
            done = search.catch_up(self.search_pending, stop=self.wake.is_set)
        except BriefingError as exc:
            done = False
            self.say(f"error: {exc} (search shows the last index that built)")
        except Exception as exc:  # noqa: BLE001 - the preview must outlive any failure
            done = False
            self.say(f"internal error: search: {exc.__class__.__name__}: {exc}\n{traceback.format_exc()}")
        if done:
            self.say(f"search index brought up to date in {time.perf_counter() - start:.2f} s")
        if not self.wake.is_set():  # done, failed, or made useless by another build: nothing to retry
            self.search_pending = None
        with self.lock:
            self.state.search_behind = not done
            self.state_json = self.state.to_json()

    def _folders(self) -> tuple[Path, ...]:
        return self.config.seeds, self.config.templates, self.config.static, self.config.data, self.config.pages

    def _urls(self, site) -> dict[str, str]:
        base = preview_config(self.config, self.base_url).base_path
        return {source: urls.href(base, urls.page("briefings", slug)) for source, slug in site.slugs.items()}

    def _urls_from_store(self, config: SiteConfig) -> dict[str, str] | None:
        """Each seed's briefing URL when the first build had nothing to do (and so made no site graph):
        from the preview's own store, which holds every extraction."""
        from generator import guard
        from generator.gather import extract_inputs, read_inputs
        from generator.registry import load_registry, registry_fingerprint
        from generator.site import build_site
        from generator.store import Store
        with guard.build_lock(self.cache):
            store = Store(self.cache)
            try:
                reg = load_registry(config.data)
                seeds = read_inputs(config.seeds, config.root, registry_fingerprint(config.data))
                gathered = extract_inputs(seeds, reg, store)
                return self._urls(build_site(gathered.briefings, reg))
            finally:
                store.close()

    def changed(self, paths: set[str]) -> None:
        """Called by the watchers (any thread): these files changed."""
        with self.lock:
            self.changes |= paths
        self.wake.set()

    def run_builds(self, config_file: Path | None, reload: Callable[[], None]) -> None:
        """The build thread: one build at a time; changes that come during a build make one more build,
        and the browser reloads once, after the last."""
        config_file = str(config_file.resolve()) if config_file else None
        while True:
            if self.search_pending is not None and not self.wake.is_set():
                self.update_search()  # after the reload, before waiting for more changes
            self.wake.wait()
            if self.stop.is_set():
                return
            self.wake.clear()
            with self.lock:
                paths, self.changes = self.changes, set()
            if not paths:
                continue
            shown = ", ".join(sorted(self._rel(p) for p in paths)[:3]) + (" ..." if len(paths) > 3 else "")
            self.say(f"changed: {shown}")
            self.rebuild(reload_config=config_file in paths)
            if self.wake.is_set():  # more changes already: build again before reloading
                continue
            reload()  # pages fetch the state: they reload only when the site changed since they were served

    def _rel(self, path: str) -> str:
        try:
            return str(Path(path).relative_to(self.config.root))
        except ValueError:
            return path


# ---------------------------------------------------------------------- watching
def watch(preview: Preview, folders: list[Path], config_file: Path | None) -> list[threading.Thread]:
    """Threads that feed preview.changed() from watchfiles: the input folders, recursively; the settings
    file, through its folder (an editor that saves by writing a new file and renaming it over the old
    one is seen), and input folders that do not exist yet, which are watched from when they appear."""
    import watchfiles

    threads: list[threading.Thread] = []

    def run(paths, recursive, keep, seen):
        try:
            for changes in watchfiles.watch(*paths, recursive=recursive, debounce=DEBOUNCE_MS, step=STEP_MS,
                                            stop_event=preview.stop, watch_filter=keep, raise_interrupt=False,
                                            ignore_permission_denied=True):
                seen({path for _, path in changes})
        except Exception as exc:  # noqa: BLE001 - say so rather than silently stop reloading
            preview.say(f"error: watching {', '.join(map(str, paths))} stopped: {exc} (restart serve)")

    def start(paths, recursive, keep, seen=preview.changed):
        t = threading.Thread(target=run, args=(paths, recursive, keep, seen), name="preview-watch", daemon=True)
        threads.append(t)
        t.start()

    missing = {str(f.resolve()) for f in folders if not f.is_dir()}
    existing = [str(f.resolve()) for f in folders if f.is_dir()]
    if existing:
        start(existing, True, watchfiles.DefaultFilter())
    wanted = missing | ({str(config_file.resolve())} if config_file is not None else set())

    def top_level(paths: set[str]) -> None:
        for path in sorted(paths & missing):
            if Path(path).is_dir():
                missing.discard(path)
                start([path], True, watchfiles.DefaultFilter())
        preview.changed(paths)

    if wanted:
        start(sorted({str(Path(p).parent) for p in wanted if Path(p).parent.is_dir()}), False,
              lambda _, path: path in wanted, top_level)
    return threads


# ---------------------------------------------------------------------- serving
def application(preview: Preview):
    """The Tornado application: the preview's files, livereload's websocket and script, the state."""
    from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
    from livereload.watcher import Watcher
    from tornado import web

    # livereload drops a reload that comes within 3 s of the previous one; an editor saving twice
    # would then be left looking at a stale page. Its watcher is never started (watchfiles watches):
    # reload_waiters only logs its `filepath`.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    LiveReloadHandler.watcher = Watcher()
    LiveReloadHandler.live_css = False

    live_script = (b'<script>(function(){var s=document.createElement("script");'
                   b'var port=window.location.port||(window.location.protocol=="https:"?443:80);'
                   b's.src="//"+window.location.hostname+":"+port+"/livereload.js?port="+port;'
                   b'document.head.appendChild(s);})();</script>')

    class Injector(web.OutputTransform):
        """Both scripts into every HTML page, before </head>; the page learns which site it shows."""

        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            if "html" in headers.get("Content-Type", "") and HEAD_END in chunk:
                script = (f'<script src="{SCRIPT_PATH}" data-site="{preview.state.site}"></script>'.encode()
                          + live_script)
                chunk = chunk.replace(HEAD_END, script + HEAD_END, 1)
                if "Content-Length" in headers:
                    headers["Content-Length"] = str(len(chunk))
            return status_code, headers, chunk

    class Files(StaticFileHandler):
        """The preview's files; a missing page is the site's own 404 page, with the scripts."""

        def set_extra_headers(self, path):
            self.set_header("Cache-Control", "no-cache")

        def write_error(self, status_code, **kwargs):
            page = preview.output / "404.html"
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.set_header("Cache-Control", "no-cache")
            try:
                self.finish(page.read_bytes() if status_code == 404 else b"")
            except OSError:  # no site yet (the first build failed): a page that still carries the scripts
                self.finish(b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            b"<title>Preview</title></head><body><main><h1>No page here yet</h1></main></body></html>")

    class StateHandler(web.RequestHandler):
        def get(self):
            self.set_header("Content-Type", "application/json; charset=UTF-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(preview.state_json)

    class ScriptHandler(web.RequestHandler):
        def get(self):
            self.set_header("Content-Type", "application/javascript; charset=UTF-8")
            self.set_header("Cache-Control", "no-cache")
            self.finish(PREVIEW_JS.read_bytes())

    preview.output.mkdir(parents=True, exist_ok=True)
    return web.Application(
        handlers=[(r"/livereload", LiveReloadHandler), (r"/livereload.js", LiveReloadJSHandler),
                  (STATE_PATH.replace(".", r"\."), StateHandler), (SCRIPT_PATH.replace(".", r"\."), ScriptHandler),
                  (r"/(.*)", Files, {"path": str(preview.output), "default_filename": "index.html"})],
        transforms=[Injector])


def serve(load: Callable[[], SiteConfig], config_file: Path | None = None, host: str = "127.0.0.1",
          port: int = 8000, open_browser: bool = False, say: Callable[[str], None] = lambda m: None) -> int:
    """Build the preview, serve it until interrupted, rebuild and reload on every change.
    `load` reads the settings (again when the settings file changes); returns an exit status."""
    import logging

    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    logging.getLogger("tornado.access").setLevel(logging.ERROR)
    url = base_url_for(host, port)
    preview = Preview(load, url, say)
    if not is_loopback(host):
        say(f"warning: serving on {host}, not this machine's loopback address: anyone who can reach it on "
            f"the network can read the preview, drafts included (the default is --host 127.0.0.1)")
    preview.rebuild()
    loop = IOLoop.current()
    app = application(preview)
    server = app.listen(port, address=host)
    c = preview.config
    watchers = watch(preview, list(preview._folders()), config_file)
    builder = threading.Thread(target=preview.run_builds, name="preview-build", daemon=True,
                               args=(config_file, lambda: loop.add_callback(LiveReloadHandler.reload_waiters,
                                                                            "/__preview/build")))
    builder.start()
    say(f"serving the preview of {c.root} on {url} from {preview.output} (Ctrl+C to stop)")
    if open_browser:
        import webbrowser
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    try:
        loop.start()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop.set()
        preview.wake.set()
        server.stop()
        builder.join(30)  # a build under way ends before the process does
        for t in watchers:
            t.join(1)
    return 0
