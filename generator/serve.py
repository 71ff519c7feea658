"""Live-reload preview: build, serve on localhost, rebuild and reload when inputs change."""
from __future__ import annotations

import sys

from generator.build import build
from generator.config import SiteConfig
from generator.errors import BriefingError


def serve(config: SiteConfig, host: str = "127.0.0.1", port: int = 8000, force: bool = False) -> int:
    """Serve config.output with livereload until interrupted; returns an exit status (`force`: the
    first build may take over an output folder briefings did not make)."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

    # livereload drops a reload that comes within 3 s of the previous one (or of start-up);
    # an editor saving twice would then be left looking at a stale page.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    preview = config.with_overrides(base_url=f"http://{host}:{port}/")

    def rebuild(force: bool = False) -> None:
        try:
            result = build(preview, cache_dir=config.root / ".briefings-cache", force=force)
        except BriefingError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return
        for problem in [*result.errors, *result.notices]:
            print(problem, file=sys.stderr)
        print(f"rebuilt {result.briefings} briefings, {result.pages} pages in {result.seconds:.2f} s", flush=True)

    rebuild(force)
    server = Server()
    for path in (config.seeds, config.templates, config.static, config.data):
        if path.exists():
            server.watch(str(path), rebuild)
    if config.root.joinpath("site.yaml").exists():
        server.watch(str(config.root / "site.yaml"), rebuild)
    print(f"serving {config.output} on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    server.serve(host=host, port=port, root=str(config.output), open_url_delay=None)
    return 0
