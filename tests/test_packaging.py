"""The wheel carries the default theme, so an archive made with `briefings new` builds anywhere."""
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = out.glob("briefings-*.whl")
    target = out / "unpacked"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return target


def test_wheel_contains_theme_and_data(unpacked_wheel):
    theme = unpacked_wheel / "generator" / "theme"
    for name in ("templates/base.html", "templates/briefing.html", "static/style.css", "static/search.js"):
        assert (theme / name).is_file(), name
    assert (unpacked_wheel / "generator" / "data" / "countries.yaml").is_file()


def test_installed_package_builds_a_new_archive_outside_the_repository(unpacked_wheel, tmp_path):
    archive = tmp_path / "elsewhere"
    run = [sys.executable, "-I", "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
           "from generator.cli import main; sys.exit(main(sys.argv[2:]))", str(unpacked_wheel)]
    where = subprocess.run([sys.executable, "-I", "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                            "import generator.render as r; print(r.theme_dir())", str(unpacked_wheel)],
                           capture_output=True, text=True).stdout.strip()
    assert where == str(unpacked_wheel / "generator" / "theme")  # the packaged theme, not the checkout's
    assert subprocess.run(run + ["new", str(archive)], capture_output=True).returncode == 0
    (archive / "seeds" / "a.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    proc = subprocess.run(run + ["build"], cwd=archive, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    html = (archive / "site" / "officials" / "wang-yi" / "index.html").read_text(encoding="utf-8")
    assert "Wang Yi" in html and (archive / "site" / "static" / "style.css").is_file()
