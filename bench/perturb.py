#!/usr/bin/env python3
"""Label-preserving variants of the TUNED wire files (and the dev corpus), scored against the originals.

A rule that fits the language survives a change of what it must not depend on: which states take
part, what the officials are called, how the text is typeset. Each transformation rewrites every
article and its gold the same way, writes them to a folder under /tmp (never into the project:
corpus text is third-party writing), extracts them with the extractor of the current directory,
scores them with ../shared/tools/score_extraction.py and prints each field beside the originals'.

Only the tuned part of the wire corpus is read (round 3's split: files numbered 7 mod 8 are held,
and are never opened here), and the dev corpus with --corpus dev or both.

    python bench/perturb.py                       # every transformation, wire (tuned) and dev
    python bench/perturb.py --only state name     # some of them
    python bench/perturb.py --corpus wire --verbose state   # the scorer's misses of one

Transformations:
    state          each party state's every form (name, aliases, nationality words, capital, cities,
                   venues, metonyms of generator/data/countries.yaml) replaced, in the text and the
                   gold, by another state's from another region, the same one throughout an article
                   (a republic's by a republic's, a monarchy's by a monarchy's; the states with offices
                   of their own in titles.yaml, such as the US's Secretary of State, are kept); the
                   officials get invented names, since a notable's state is knowledge of the person
    name           each gold official's name (the full form and the parts the text uses alone)
                   replaced by an invented name of another naming tradition (the list below)
    curly / straight   straight quotes and apostrophes made curly, or curly ones straight
    dash-double / dash-em   every dash between words written " -- " or " — "
    mr-nodot / mr-dot   "Mr." -> "Mr" (also Mrs, Ms, Dr), or "Mr" -> "Mr."
    dateline-agency / dateline-daymonth / dateline-none
                   the first paragraph's dateline rewritten as "CITY, Month D (Agency) -- ",
                   "City, D Month -- ", or taken out (the gold's city where there was none)
    headline-add / headline-drop   a headline line put above the text, or a headline taken away
"""
from __future__ import annotations

import argparse, hashlib, json, os, re, shutil, subprocess, sys
import yaml

ROOT = os.getcwd()
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
WIRE = os.path.join(SHARED, "corpus", "wire")
DEV = os.path.join(SHARED, "corpus", "dev")
SCORER = os.path.join(SHARED, "tools", "score_extraction.py")
FIELDS = [("officials_f1", "officials"), ("official_country", "off.country"), ("official_title", "title"),
          ("countries_f1", "countries"), ("date", "date"), ("location", "location"), ("event_type", "event"),
          ("headline", "headline")]

# --- states -------------------------------------------------------------------------------------
REGION = {}
for region, codes in {
    "asia": "AF BD BT CN ID IN JP KH KP KR KZ KG LA LK MM MN MV MY NP PH PK SG TH TJ TL TM UZ VN",
    "mideast": "AE BH EG IL IQ IR JO KW LB LY OM PS QA SA SY TR YE",
    "africa": "AO BW CD CM DZ ET GH GM GN GW KE MA ML MR MZ NA NE NG RW SD SN TN TZ UG ZA ZM ZW",
    "americas": "AG AR BB BO BR BS BZ CA CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PY SR SV "
                "TT US UY VC VE",
    "europe": "AM AT AZ BE BG BY CH CZ DE DK EE ES FI FR GB GE GR HR HU IE IS IT LT LU LV MD NL NO PL PT RO "
              "RS RU SE SI SK UA",
    "oceania": "AU FJ NR NZ PG SB TO VU WS",
}.items():
    for c in codes.split():
        REGION[c] = region
# the states put in, of each region, whose names are no common word or person's name; a republic
# for a republic, a monarchy (or a realm: generator/data/titles.yaml's not_offices, no President)
# for a monarchy, so that the offices the text gives stay possible
POOL = {
    "asia": "VN MN NP LK UZ LA BD",
    "africa": "GH SN KE TZ ZM RW ML MZ BW",
    "americas": "CL PE UY EC PY CR BO HN",
    "europe": "FI CZ HU PT AT RO HR SK",
}
MONARCHY_POOL = {"asia": "TH KH BT", "africa": "LS SZ", "americas": "JM BS", "europe": "NO SE DK NL BE"}
MONTHS = "January February March April May June July August September October November December".split()


def seeded(key: str) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16)


def load_countries():
    data = yaml.safe_load(open(os.path.join(ROOT, "generator", "data", "countries.yaml"), encoding="utf-8"))
    return {e["code"]: e for e in data}


def forms_of(e):
    """(form, kind, index) of every way the data writes one state."""
    out = [(e["name"], "name", 0)]
    out += [(a, "alias", i) for i, a in enumerate(e.get("aliases") or [])]
    out += [(d, "demonym", i) for i, d in enumerate(e.get("demonyms") or [])]
    if e.get("capital"):
        out.append((e["capital"], "capital", 0))
    out += [(c, "city", i) for i, c in enumerate(e.get("cities") or [])]
    out += [(v, "venue", i) for i, v in enumerate(e.get("venues") or {})]
    out += [(m, "metonym", i) for i, m in enumerate(e.get("metonyms") or [])]
    out += [(d + "s", "demonyms", i) for i, d in enumerate(e.get("demonyms") or []) if d[-1] in "nir"]
    # an abbreviation ("US") counts; other two-letter forms would hit words
    return [(f, k, i) for f, k, i in out if f and (len(f) > 2 or f.isupper())]


def counterpart(e, kind, i):
    """The target state's form that stands where the source's form of this kind stood."""
    if kind == "name":
        return e["name"]
    if kind == "alias":
        al = [a for a in e.get("aliases") or [] if not a.isupper()]
        return al[i % len(al)] if al else e["name"]
    if kind == "demonym":
        return (e.get("demonyms") or [e["name"]])[0]
    if kind == "demonyms":  # the people: "Kenyans"
        d = (e.get("demonyms") or [e["name"]])[0]
        return d + "s" if d[-1] in "nir" else "people of " + e["name"]
    if kind in ("capital", "metonym"):
        return e.get("capital") or e["name"]
    if kind == "city":
        cities = e.get("cities") or [e.get("capital") or e["name"]]
        return cities[i % len(cities)]
    if kind == "venue":
        venues = list(e.get("venues") or {})
        return venues[i % len(venues)] if venues else e.get("capital") or e["name"]
    return e["name"]


def replacer(mapping: dict[str, str]):
    """One pass over a text: each form (longest first, whole words) becomes its replacement."""
    if not mapping:
        return lambda s: s
    keys = sorted(mapping, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")
    return lambda s: rx.sub(lambda m: mapping[m.group(0)], s) if isinstance(s, str) else s


def party_codes(g):
    codes = list(g.get("countries") or [])
    codes += [o.get("country") for o in g.get("officials") or []]
    if g.get("location"):
        codes.append(g["location"].get("country"))
    return list(dict.fromkeys(c for c in codes if c))


def load_titles():
    """The states with offices of their own (titles.yaml's only, home, institution_states: what
    "Secretary of State" or "the Kremlin" says is knowledge of that state, kept), and the
    monarchies (not_offices without President)."""
    t = yaml.safe_load(open(os.path.join(ROOT, "generator", "data", "titles.yaml"), encoding="utf-8"))
    own = set(t.get("only") or {}) | set(t.get("home") or {}) | set(t.get("institution_states") or {})
    kings = {c for c, offices in (t.get("not_offices") or {}).items() if "President" in offices}
    return own, kings


OWN_OFFICES, MONARCHIES = set(), set()


def swap_states(name, text, gold, countries):
    codes = [c for c in party_codes(gold) if c in countries and c in REGION and c not in OWN_OFFICES]
    taken = set(party_codes(gold))
    mapping, codemap = {}, {}
    for c in codes:
        pool = MONARCHY_POOL if c in MONARCHIES else POOL
        regions = [r for r in pool if r != REGION[c]]
        region = regions[seeded(name + c) % len(regions)]
        cands = [t for t in pool[region].split() if t not in taken and t in countries]
        # a state whose forms the text already holds would merge two parties
        cands = [t for t in cands if not any(re.search(r"\b" + re.escape(f) + r"\b", text)
                                             for f, _, _ in forms_of(countries[t]))]
        if not cands:
            continue
        t = cands[seeded(name + c + "t") % len(cands)]
        taken.add(t)
        codemap[c] = t
        for f, kind, i in forms_of(countries[c]):
            mapping.setdefault(f, counterpart(countries[t], kind, i))
            if kind in ("capital", "city", "name") and not f.isupper():  # "OTTAWA, April 1 --"
                mapping.setdefault(f.upper(), counterpart(countries[t], kind, i).upper())
    rep = replacer(mapping)
    g = json.loads(json.dumps(gold, default=str))
    g["countries"] = [codemap.get(c, c) for c in g.get("countries") or []]
    for o in g.get("officials") or []:
        o["country"] = codemap.get(o.get("country"), o.get("country"))
        o["title"] = rep(o.get("title"))
    if g.get("location"):
        loc = g["location"]
        old_city = loc.get("city")
        loc["country"] = codemap.get(loc.get("country"), loc.get("country"))
        loc["city"] = rep(old_city)
    if g.get("headline"):
        g["headline"] = rep(g["headline"])
    return rep(text), g


# --- names --------------------------------------------------------------------------------------
# Invented names (full form, the form the text uses alone), of several naming traditions; none is
# meant to be anyone's.
NAMES = [
    ("Tran Van Khoa", "Khoa"), ("Nguyen Thi Lanh", "Lanh"),                          # Vietnamese
    ("Faisal bin Hamdan Al-Rumaithi", "Al-Rumaithi"), ("Khalid bin Saeed al-Mazrou", "al-Mazrou"),  # Arabic
    ("Mariela de la Fuente Ortuño", "de la Fuente"), ("Jorge Luis Quintana Salcedo", "Quintana"),  # Spanish
    ("Kwabena Asamoah-Boateng", "Asamoah-Boateng"), ("Ousmane Ndiaye Sarr", "Sarr"),  # West African
    ("Chinedu Okafor-Eze", "Okafor-Eze"),
    ("Pavel Igorevich Zhdanovsky", "Zhdanovsky"), ("Olga Sergeyevna Kravtsova", "Kravtsova"),  # Russian
    ("Sutrisnowati", "Sutrisnowati"), ("Wirandoko", "Wirandoko"),                      # Indonesian single names
    ("Liang Weiming", "Liang"), ("Qiao Xiaodong", "Qiao"),                             # Chinese
    ("Jan-Willem van der Berghe", "van der Berghe"), ("Anne-Sophie de Montclair", "de Montclair"),  # particles
    ("Dimitrios Karavangelis", "Karavangelis"), ("Aroha Te Wharepapa", "Te Wharepapa"),
]


def load_notables():
    """Each notable's forms, and the same without accents ("Pinera" for "Pi\u00f1era"), as texts write them."""
    import unicodedata
    plain = lambda f: "".join(c for c in unicodedata.normalize("NFKD", f) if not unicodedata.combining(c))
    data = yaml.safe_load(open(os.path.join(ROOT, "generator", "data", "notables.yaml"), encoding="utf-8"))
    out = []
    for e in data:
        forms = [e["name"]] + list(e.get("also") or [])
        forms += [plain(f) for f in forms if plain(f) != f]
        forms += [f.split()[-1] for f in forms if len(f.split()) > 1 and plain(f.split()[-1]) != f.split()[-1]]
        out.append(list(dict.fromkeys(forms)))
    return out


def swap_names(name, text, gold, notables=()):
    """Gold officials renamed; with notables, every listed person the text names is renamed too
    (their states are knowledge of who they are, which a state swap must not keep)."""
    g = json.loads(json.dumps(gold, default=str))
    mapping, used = {}, set()
    officials = g.get("officials") or []
    renamed = {}  # a gold name and its parts -> the invented (full, short) put in for them
    for k, o in enumerate(officials):
        full = o["name"]
        j = seeded(name + full) % len(NAMES)
        while NAMES[j] in used:
            j = (j + 1) % len(NAMES)
        used.add(NAMES[j])
        new_full, new_short = NAMES[j]
        parts = full.split()
        renamed[full] = NAMES[j]
        if len(parts) == 1:
            mapping.setdefault(full, new_short)
            o["name"] = new_short
            continue
        mapping.setdefault(full, new_full)
        o["name"] = new_full
        rest = re.sub(r"(?<!\w)" + re.escape(full) + r"(?!\w)", " ", text)
        for part in (parts[-1], parts[0]):  # the parts the text uses alone ("Mr. Surname", "Xi")
            if len(part) > 1 and part[0].isupper() and re.search(r"(?<![\w-])" + re.escape(part) + r"(?![\w-])", rest):
                mapping.setdefault(part, new_short)
                renamed[part] = NAMES[j]
                break
    for forms in notables:  # (after the gold's: a notable the gold names is that official)
        if not any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text) for f in forms):
            continue
        same = next((renamed[f] for f in forms if f in renamed), None)
        if same is None:
            j = seeded(name + forms[0]) % len(NAMES)
            while NAMES[j] in used and len(used) < len(NAMES):
                j = (j + 1) % len(NAMES)
            used.add(NAMES[j])
            same = NAMES[j]
        for f in forms:
            mapping.setdefault(f, same[0] if len(f.split()) > 1 else same[1])
    rep = replacer(mapping)
    if g.get("headline"):
        g["headline"] = rep(g["headline"])
    for o in officials:  # "press secretary to <name>": a title may name another official
        o["title"] = rep(o.get("title"))
    return rep(text), g


# --- surface ------------------------------------------------------------------------------------
def curly(text):
    text = re.sub(r'(^|[\s(\[—–-])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(^|[\s(\[—–-])'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


def straight(text):
    return text.translate({0x201c: '"', 0x201d: '"', 0x2018: "'", 0x2019: "'"})


def dashes(text, dash):
    return re.sub(r"(?<=\S)(?:\s*(?:--|—|–)\s*|\s+-\s+)(?=\S)", dash, text)


def mr_nodot(text):
    return re.sub(r"\b(Mr|Mrs|Ms|Dr)\.(?= [A-Z])", r"\1", text)


def mr_dot(text):
    return re.sub(r"\b(Mr|Mrs|Ms|Dr)(?= [A-Z])", r"\1.", text)


HEADER_RE = re.compile(r"\A([ \t\ufeff]*date[ \t]+(\d{4})-(\d{2})-(\d{2})[ \t]*)")
AGENCIES = ["Reuters", "AFP", "AP"]  # international agencies: a national one says whose news it is


def split_head(text):
    m = HEADER_RE.match(text)
    return (m.group(1), text[m.end():], m) if m else ("", text, None)


def body_paragraphs(body):
    return re.split(r"(\n[ \t]*\n)", body)


def dateline(name, text, gold, form):
    """The dateline of the article's first paragraph (as the extractor reads the text: after its
    headline, captions and furniture) rewritten in another form, or taken out."""
    from generator.extract.clean import parse_wire
    head, body, m = split_head(text)
    wire = parse_wire(text, name)
    if not wire.paragraphs or not m:
        return text, gold
    first = wire.paragraphs[0][:40]
    pos = body.find(first)
    if pos < 0:
        return text, gold
    # the dateline is what stands between the paragraph's start (or a dateline's own line) and its text
    start = pos
    if wire.dateline:
        start = body.rfind(wire.dateline.split(",")[0].upper(), 0, pos)
        start = start if start >= 0 else body.lower().rfind(wire.dateline.split(",")[0].lower(), 0, pos)
    if start < 0 or "\n\n" in body[start:pos].strip() and not wire.dateline:
        return text, gold
    city = ((gold.get("location") or {}).get("city") or "")
    new = ""
    if form != "none" and city:
        month, day = MONTHS[int(m.group(3)) - 1], int(m.group(4))
        if form == "agency":
            new = f"{city.upper()}, {month} {day} ({AGENCIES[seeded(name) % len(AGENCIES)]}) -- "
        else:
            new = f"{city}, {day} {month} -- "
    return head + body[:start] + new + body[pos:], gold


def headline(name, text, gold, add):
    from generator.extract.clean import looks_like_headline
    head, body, _ = split_head(text)
    parts = body_paragraphs(body)
    paras = [i for i in range(0, len(parts), 2) if parts[i].strip()]
    has = len(paras) > 1 and looks_like_headline(parts[paras[0]].strip())
    g = json.loads(json.dumps(gold, default=str))
    if add and not has:
        offs = g.get("officials") or []
        city = (g.get("location") or {}).get("city")
        # the headline names the kind of event the gold gives, or none ("other", "statement")
        what = {"visit": "pays visit", "summit": "attends summit", "phone_call": "holds phone call",
                "talks": "holds talks", "meeting": "meets counterpart", "press_conference": "holds press conference",
                "joint_statement": "signs joint statement"}.get(g.get("event_type"), "speaks on relations")
        if offs:
            line = f"{offs[0].get('title') or ''} {offs[0]['name']} {what}".strip()  # (no office the gold has not)
        else:
            line = f"Officials {what}"
        line += f" in {city}" if city else ""
        g["headline"] = line
        return head + line + "\n\n" + body.lstrip(), g
    if not add and has:
        parts[paras[0]] = ""
        g.pop("headline", None)
        return head + "".join(parts).lstrip("\n"), g
    return text, g


NOTABLES: list = []
TRANSFORMS = {
    # a swapped state's officials get invented names: a notable's state is knowledge of the person
    "state": lambda n, t, g, c: swap_names(n, *swap_states(n, t, g, c), NOTABLES),
    "name": lambda n, t, g, c: swap_names(n, t, g),
    "curly": lambda n, t, g, c: (curly(t), g),
    "straight": lambda n, t, g, c: (straight(t), g),
    "dash-double": lambda n, t, g, c: (dashes(t, " -- "), g),
    "dash-em": lambda n, t, g, c: (dashes(t, " \u2014 "), g),
    "mr-nodot": lambda n, t, g, c: (mr_nodot(t), g),
    "mr-dot": lambda n, t, g, c: (mr_dot(t), g),
    "dateline-agency": lambda n, t, g, c: dateline(n, t, g, "agency"),
    "dateline-daymonth": lambda n, t, g, c: dateline(n, t, g, "daymonth"),
    "dateline-none": lambda n, t, g, c: dateline(n, t, g, "none"),
    "headline-add": lambda n, t, g, c: headline(n, t, g, True),
    "headline-drop": lambda n, t, g, c: headline(n, t, g, False),
}


def held(name):
    m = re.match(r"[a-z]*(\d+)", name)
    return bool(m) and int(m.group(1)) % 8 == 7


def corpus_items(which):
    """(file name, text, gold) of the tuned wire files or the dev corpus; held files are never opened."""
    if which == "wire":
        gold = yaml.safe_load(open(os.path.join(WIRE, "wire.gold.yaml"), encoding="utf-8"))
        names = sorted(n for n in gold if not held(n))
        folder = WIRE
    else:
        gold = yaml.safe_load(open(os.path.join(SHARED, "corpus", "dev.gold.yaml"), encoding="utf-8"))
        names = sorted(gold)
        folder = DEV
    for n in names:
        yield n, open(os.path.join(folder, n), encoding="utf-8").read(), gold[n]


def score(folder, verbose=False):
    env = {**os.environ, "PYTHONPATH": ROOT}
    out = subprocess.run([sys.executable, "-m", "generator", "extract", "--json", folder], env=env,
                         capture_output=True, text=True, check=True).stdout
    res = os.path.join(folder, "..", os.path.basename(folder) + ".result.json")
    open(res, "w", encoding="utf-8").write(out)
    r = subprocess.run([sys.executable, SCORER, os.path.join(folder, "gold.yaml"), res] +
                       (["--verbose"] if verbose else []), capture_output=True, text=True)
    lines = r.stdout.strip().splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("{"))
    if verbose:
        print("\n".join(lines[:start]))
    return json.loads("\n".join(lines[start:-1]))


def write(folder, items):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    gold = {}
    for n, t, g in items:
        open(os.path.join(folder, n), "w", encoding="utf-8").write(t)
        gold[n] = g
    yaml.safe_dump(json.loads(json.dumps(gold, default=str)), open(os.path.join(folder, "gold.yaml"), "w",
                                                                       encoding="utf-8"), allow_unicode=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("only", nargs="*", help="transformations (default: all)")
    ap.add_argument("--corpus", default="both", choices=["wire", "dev", "both"])
    ap.add_argument("--out", default="/tmp/perturb")
    ap.add_argument("--verbose", action="store_true", help="the scorer's misses of each variant")
    ap.add_argument("--changed", action="store_true", help="count the articles each transformation changed")
    args = ap.parse_args()
    names = args.only or list(TRANSFORMS)
    countries = load_countries()
    NOTABLES[:] = load_notables()
    own, kings = load_titles()
    OWN_OFFICES.update(own)
    MONARCHIES.update(kings)
    corpora = ["wire", "dev"] if args.corpus == "both" else [args.corpus]
    print("| corpus | variant | changed | " + " | ".join(label for _, label in FIELDS) + " |")
    print("|---|---|---:|" + "---:|" * len(FIELDS))
    for which in corpora:
        items = list(corpus_items(which))
        base_dir = os.path.join(args.out, which, "original")
        write(base_dir, items)
        base = score(base_dir)
        cells = [f"{base[k]:.3f}" if base.get(k) is not None else "-" for k, _ in FIELDS]
        print(f"| {which} | original | {len(items)} | " + " | ".join(cells) + " |")
        for t in names:
            out = [(n, *TRANSFORMS[t](n, text, g, countries)) for n, text, g in items]
            changed = sum(text != o[1] or json.dumps(g, default=str, sort_keys=True)
                          != json.dumps(o[2], default=str, sort_keys=True) for (n, text, g), o in zip(items, out))
            folder = os.path.join(args.out, which, t)
            write(folder, out)
            if args.verbose:
                print(f"--- {which} {t}")
            s = score(folder, args.verbose)
            cells = []
            for k, _ in FIELDS:
                if s.get(k) is None:
                    cells.append("-")
                    continue
                drop = s[k] - base[k] if base.get(k) is not None else 0.0
                cells.append(f"{s[k]:.3f}" + (f" ({drop:+.3f})" if abs(drop) >= 0.0005 else ""))
            print(f"| {which} | {t} | {changed} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
