#!/usr/bin/env python3
"""How often each finder of officials fires, per corpus: the mentions each one adds; and, with
--ablate, what each rule of officials, their states and the parties earns.

    python bench/rule_counts.py [CORPUS_DIR ...]   (default: ../shared/corpus/wire and dev, tests/fiction;
                                                    of the wire corpus only the tuned part: 7 mod 8 is held)
    python bench/rule_counts.py --ablate           # each rule taken out in turn
    python bench/rule_counts.py --ablate --also /tmp/perturb/wire/name   # and on a perturbed variant

A finder that adds nothing on any real corpus is a candidate for removal; one that adds much on
one corpus only is one to check for over-fitting. Counts are mentions (one official may have
several), and articles where the finder added at least one.

--ablate takes each rule of ABLATE out (a stub that finds nothing in its place) and extracts the
tuned part of ../shared/corpus/wire (round 3: files not numbered 7 mod 8; the held part is never
read), the dev corpus and tests/fiction against their gold labels. Per set it prints the articles
whose errors (officials missed or extra, wrong state or title, states missed or extra) grow
without the rule (what the rule earns) and those whose errors shrink (what it costs). A rule that
earns one tuned article and nothing else is a candidate for removal or for a more general form.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.extract import people  # noqa: E402
from generator.extract.clean import parse_wire  # noqa: E402
from generator.extract.types import Paragraph  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.sources import read_seed  # noqa: E402

FINDERS = ("scan", "plural_officials", "known_officials", "possessed_officials",
           "notable_officials", "succession_officials")


def _held(path: Path) -> bool:
    """A file of the wire corpus's held part (round 3: numbered 7 mod 8): never read, not even counted."""
    import re
    m = re.match(r"[a-z]*(\d+)", path.name)
    return path.parent.name == "wire" and m is not None and int(m.group(1)) % 8 == 7


def count(folder: Path, reg) -> tuple[Counter, Counter, int]:
    mentions, articles, n = Counter(), Counter(), 0
    for path in sorted(folder.glob("*.txt")):
        if _held(path):
            continue
        try:
            raw = read_seed(path, folder)
            wire = parse_wire(raw.text, raw.path, raw.body_line, need_date=raw.front_matter.get("date") is None)
        except Exception:  # a seed the build would refuse: not counted
            continue
        n += 1
        paras = [Paragraph.of(t) for t in wire.captions + wire.paragraphs]
        fired = Counter()
        for i, p in enumerate(paras):
            f, _ = people.scan(p, i, reg)
            fired["scan"] += len(f)
            for name in FINDERS[1:]:
                finder = getattr(people, name)
                got = finder(p, i, reg, f, paras[:i]) if name == "plural_officials" else finder(p, i, reg, f)
                fired[name] += len(got)
                f += got
            sided = sum(1 for x in f if x.country is None)
            people.take_sides(p, f, reg)
            fired["take_sides"] += sided - sum(1 for x in f if x.country is None)
        mentions.update(fired)
        articles.update(k for k, v in fired.items() if v)
    return mentions, articles, n


# The rules --ablate takes out: (module, function, stub). A stub returns what the rule returns
# when it finds nothing.
_NONE, _FALSE, _EMPTY = (lambda *a, **k: None), (lambda *a, **k: False), (lambda *a, **k: [])
ABLATE = (
    ("people", "_mayor_place", _NONE), ("people", "_envoy_rank", _FALSE),
    ("people", "_second_office", lambda p, j, reg: j), ("people", "_ranks_before", lambda p, i, reg: i),
    ("people", "_domains_before", lambda p, i, reg: i), ("people", "_field_list_end", _NONE),
    ("people", "_relative_name", _NONE), ("people", "_apposed_end", lambda p, o, reg: o.j),
    ("people", "_portfolio", _NONE),
    ("people", "_earlier_destination", lambda *a: ""),
    ("people", "_department_served", _NONE), ("people", "_embassy_served", _NONE),
    ("people", "_principal_served", _NONE), ("people", "_series_member", _FALSE), ("people", "_accredited_to", _NONE),
    ("people", "_relative_state", _NONE),
    ("extract", "take_sides", _NONE), ("extract", "plural_officials", _EMPTY),
    ("extract", "possessed_officials", _EMPTY), ("extract", "notable_officials", _EMPTY),
    ("extract", "succession_officials", _EMPTY), ("resolve", "_predecessor_of", _NONE),
    ("extract", "delayed_official", lambda *a: []),
    ("extract", "anaphoric_titles", _NONE), ("extract", "fuller_names", _NONE),
    ("resolve", "_embassy_state", _NONE), ("resolve", "_escort_state", _NONE),
    ("resolve", "_nearby_country", _NONE), ("resolve", "_visitor_state", _NONE), ("resolve", "_notable", _NONE),
    ("extract", "protagonist_state", _NONE),
    ("parties", "_listed_topic", _FALSE), ("parties", "_planned", _FALSE),
    ("parties", "_on_agenda", _FALSE), ("parties", "_background", _FALSE), ("parties", "_judged", _FALSE),
    ("parties", "_wished", _FALSE), ("parties", "listed_states", _EMPTY), ("parties", "group_members", _EMPTY),
    ("parties", "_lead_end", lambda p: len(p.words)),
    # round 6 (families the perturbed variants of bench/perturb.py showed)
    ("people", "_particle_opens", _FALSE), ("resolve", "_first_surname", _FALSE),
    ("people", "_first_of_state", _NONE), ("resolve", "_represented_state", _NONE),
)


def _norm(text) -> str:
    import re
    import unicodedata
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(w for w in re.sub(r"[^\w\s]", " ", text.casefold()).split() if w not in {"the", "former"})


def _errors(b, label) -> int:
    """The scorer's misses of one article on officials, their states and titles, and the parties."""
    gold = {_norm(o["name"]): o for o in label.get("officials") or []}
    got = {_norm(p.name): p for p in b.officials}
    n = len(gold.keys() ^ got.keys())
    for key in gold.keys() & got.keys():
        n += str(got[key].country or "").upper() != str(gold[key].get("country") or "").upper()
        n += _norm(got[key].title) != _norm(gold[key].get("title"))
    return n + len({c.upper() for c in label.get("countries") or []} ^ {c.upper() for c in b.countries})


def _signature(b) -> tuple:
    """What the rules of officials and parties decide for one article: compared with and without a rule."""
    return (tuple(sorted((p.name, p.title or "", p.country or "") for p in b.officials)), tuple(sorted(b.countries)))


def ablate() -> None:
    import re
    import yaml
    import generator.extract as X
    from generator.extract import parties, resolve
    modules = {"people": people, "resolve": resolve, "parties": parties, "extract": X}
    reg = load_registry()
    sets = {"tuned": (ROOT.parent / "shared" / "corpus" / "wire", "wire.gold.yaml"),
            "dev": (ROOT.parent / "shared" / "corpus" / "dev", "../dev.gold.yaml"),
            "fiction": (ROOT / "tests" / "fiction", "gold.yaml")}
    # --also DIR: a folder of variants with its gold.yaml (bench/perturb.py writes them under /tmp/perturb)
    args = sys.argv[1:]
    for k, a in enumerate(args):
        if a == "--also" and k + 1 < len(args):
            folder = Path(args[k + 1])
            sets[f"{folder.parent.name}/{folder.name}"] = (folder, "gold.yaml")
    loaded = {}
    for name, (folder, gold) in sets.items():
        labels = yaml.safe_load((folder / gold).read_text(encoding="utf-8"))
        if name == "tuned":  # the held part (round 3: numbered 7 mod 8) is never read
            labels = {k: v for k, v in labels.items() if int(re.match(r"[a-z]*(\d+)", k).group(1)) % 8 != 7}
        loaded[name] = [(read_seed(folder / k, folder), v) for k, v in labels.items()]

    def run():
        out, outputs = {}, {}
        for name, items in loaded.items():
            briefs = [X.extract(raw, reg)[0] for raw, _ in items]
            out[name] = [_errors(b, label) for b, (_, label) in zip(briefs, items)]
            outputs[name] = [_signature(b) for b in briefs]
        return out, outputs
    base, base_out = run()
    print("base errors: " + "  ".join(f"{k} ({len(v)} articles): {sum(v)}" for k, v in base.items()))
    print("\n(fires: the articles whose officials, their states and titles or parties change at all without"
          " the rule, right or wrong)")
    print("\n| rule taken out | " + " | ".join(f"{k}: earns / costs / fires (articles)" for k in base) + " |")
    print("|---|" + "---:|" * len(base))
    for module, func, stub in ABLATE:
        m = modules[module]
        old = getattr(m, func)
        setattr(m, func, stub)
        try:
            now, now_out = run()
        finally:
            setattr(m, func, old)
        cells = []
        for k in base:
            earns = sum(a > b for a, b in zip(now[k], base[k]))
            costs = sum(a < b for a, b in zip(now[k], base[k]))
            fires = sum(a != b for a, b in zip(now_out[k], base_out[k]))
            cells.append(f"{earns} / {costs} / {fires}")
        print(f"| {module}.{func} | " + " | ".join(cells) + " |")


def main() -> None:
    if "--ablate" in sys.argv[1:]:
        return ablate()
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT.parent / "shared" / "corpus" / "wire",
                                                  ROOT.parent / "shared" / "corpus" / "dev", ROOT / "tests" / "fiction"]
    reg = load_registry()
    rows = {f.name: count(f, reg) for f in folders if f.is_dir()}
    names = (*FINDERS, "take_sides")
    print("| finder | " + " | ".join(f"{k} ({v[2]}): mentions / articles" for k, v in rows.items()) + " |")
    print("|---|" + "---:|" * len(rows))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{m[name]} / {a[name]}" for m, a, _ in rows.values()) + " |")


if __name__ == "__main__":
    main()
