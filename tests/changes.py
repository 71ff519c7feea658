"""Changes to an archive, for the tests that an incremental build equals a clean one.

Invented articles whose officials recur across seeds (so lists, co-participants and related
briefings matter), and one function per kind of change an editor makes: each takes the archive's
folder and a random.Random, changes files there and returns what it did (None when it cannot apply).
Only the archive's own files are touched: seeds/, site.yaml, templates/, static/, data/.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

THEME = Path(__file__).resolve().parents[1] / "templates"

# (nationality word, title, name, country code) of invented officials
PEOPLE = [
    ("Swedish", "Foreign Minister", "Astrid Lindqvist", "SE"),
    ("Chilean", "Foreign Minister", "Mateo Rojas", "CL"),
    ("Ghanaian", "President", "Kwame Asante", "GH"),
    ("Indonesian", "Trade Minister", "Dewi Santoso", "ID"),
    ("Polish", "Defence Minister", "Tomasz Nowak", "PL"),
    ("Canadian", "Prime Minister", "Emily Roy", "CA"),
]
TITLES = ["Foreign Minister", "Deputy Foreign Minister", "Trade Minister", "Defence Minister",
          "Prime Minister", "President", "Vice President", "Finance Minister"]
SURNAMES = ["Berglund", "Fuentes", "Mensah", "Wijaya", "Kowalski", "Tremblay"]
CITIES = ["Santiago", "Accra", "Stockholm", "Jakarta", "Warsaw", "Ottawa", "Geneva", "Nairobi"]
SUBJECTS = ["trade", "climate change", "maritime security", "renewable energy", "public health",
            "defence procurement", "copper exports"]
TOPICS = ["Trade", "Energy", "Climate change", "Security", "Health", "Mining"]
COUNTRIES = ["SE", "CL", "GH", "ID", "PL", "CA", "KE", "NO"]

SEEDS = {
    "lindqvist-rojas.txt": (
        " date 2023-03-14 Swedish Foreign Minister Astrid Lindqvist met Chilean Foreign Minister Mateo "
        "Rojas in Santiago on Tuesday to discuss lithium mining and climate change.\n\n"
        "\"Our countries share a commitment to clean energy,\" Lindqvist told reporters after the talks.\n\n"
        "Rojas said Chile would welcome more Swedish investment in its northern regions."),
    "asante-lindqvist.txt": (
        " date 2023-05-02 Ghanaian President Kwame Asante held talks with Swedish Foreign Minister Astrid "
        "Lindqvist in Accra on Tuesday about trade and security in West Africa.\n\n"
        "Asante said Ghana valued Sweden's support for the modernisation of its ports.\n\n"
        "Lindqvist said the two governments would sign an agreement on vocational training next year."),
    "rojas-santoso.txt": (
        " date 2023-07-19 Chilean Foreign Minister Mateo Rojas spoke by phone on Wednesday with Indonesian "
        "Trade Minister Dewi Santoso about nickel and copper exports.\n\n"
        "Santoso said Indonesia wanted closer trade ties with Latin America, the ministry said in a statement."),
    "nowak-lindqvist.txt": (
        " date 2023-09-08 Polish Defence Minister Tomasz Nowak visited Stockholm on Friday and met Swedish "
        "Foreign Minister Astrid Lindqvist for talks on Baltic security.\n\n"
        "\"The Baltic Sea must remain safe for shipping,\" Nowak said after the meeting.\n\n"
        "Lindqvist said both countries would increase their defence spending."),
    "roy-asante.txt": (
        " date 2024-01-22 Canadian Prime Minister Emily Roy met Ghanaian President Kwame Asante in Ottawa on "
        "Monday, and the two leaders agreed to expand cooperation on public health.\n\n"
        "Roy said Canada would fund new clinics in northern Ghana over the next three years."),
}


def article(rng, date: str) -> str:
    """A new invented article: two of PEOPLE meet in a city about a subject."""
    (adj_a, title_a, name_a, _), (adj_b, title_b, name_b, _) = rng.sample(PEOPLE, 2)
    city, subject = rng.choice(CITIES), rng.choice(SUBJECTS)
    return (f" date {date} {adj_a} {title_a} {name_a} met {adj_b} {title_b} {name_b} in {city} on "
            f"Thursday to discuss {subject}.\n\n"
            f"\"We have agreed on the next steps,\" {name_a.split()[-1]} told reporters after the talks.\n\n"
            f"{name_b.split()[-1]} said the two governments would meet again before the end of the year.")


def random_date(rng) -> str:
    return f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def write_archive(root: Path) -> None:
    """The starting archive: the invented seeds (site.yaml is the archive fixture's)."""
    for name, text in SEEDS.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")


# --- seeds ---------------------------------------------------------------------------------------

def _seeds(root: Path) -> list[Path]:
    return sorted((root / "seeds").glob("*.txt"))


def _split(text: str) -> tuple[str, str]:
    """(front matter without its fences, the article)."""
    if text.startswith("---\n"):
        front, _, rest = text[4:].partition("\n---\n")
        return front, rest
    return "", text


def _edit_seed(root: Path, rng, edit) -> str | None:
    """Apply edit(article text) -> new text or None to a randomly chosen seed that it fits."""
    for path in rng.sample(_seeds(root), len(_seeds(root))):
        front, text = _split(path.read_text(encoding="utf-8"))
        new = edit(text)
        if new is not None and new != text:
            path.write_text((f"---\n{front}\n---\n" if front else "") + new, encoding="utf-8")
            return path.name
    return None


def add_seed(root, rng):
    name = f"new-{rng.randrange(10**6):06d}.txt"
    (root / "seeds" / name).write_text(article(rng, random_date(rng)), encoding="utf-8")
    return f"add seed {name}"


def remove_seed(root, rng):
    seeds = _seeds(root)
    if len(seeds) <= 2:
        return None
    victim = rng.choice(seeds)
    victim.unlink()
    return f"remove seed {victim.name}"


def typo_in_body(root, rng):
    """Swap two letters of a lower-case word in the last paragraph: text only, no metadata."""
    def edit(text):
        paragraphs = text.split("\n\n")
        if len(paragraphs) < 2:
            return None
        words = [m for m in re.finditer(r"\b[a-z]{5,}\b", paragraphs[-1])]
        if not words:
            return None
        m = rng.choice(words)
        w = m.group()
        typo = w[0] + w[2] + w[1] + w[3:]
        paragraphs[-1] = paragraphs[-1][:m.start()] + typo + paragraphs[-1][m.end():]
        return "\n\n".join(paragraphs)
    name = _edit_seed(root, rng, edit)
    return name and f"typo in the body of {name}"


def edit_date(root, rng):
    date = random_date(rng)
    name = _edit_seed(root, rng, lambda text: re.sub(r"^ date \d{4}-\d\d-\d\d", f" date {date}", text))
    return name and f"date of {name} -> {date}"


def edit_title(root, rng):
    """An official's title as the article gives it."""
    pattern = re.compile("(" + "|".join(sorted(TITLES, key=len, reverse=True)) + ") (" +
                         "|".join(re.escape(p[2]) for p in PEOPLE) + ")")
    new = rng.choice(TITLES)

    def edit(text):
        found = list(pattern.finditer(text))
        if not found:
            return None
        m = rng.choice(found)
        return text[:m.start()] + f"{new} {m.group(2)}" + text[m.end():]
    name = _edit_seed(root, rng, edit)
    return name and f"an official's title in {name} -> {new}"


def edit_name(root, rng):
    """An official's surname, everywhere in one article."""
    new = rng.choice(SURNAMES)

    def edit(text):
        present = [p[2] for p in PEOPLE if p[2] in text]
        if not present:
            return None
        surname = rng.choice(present).split()[-1]
        return text.replace(surname, new)
    name = _edit_seed(root, rng, edit)
    return name and f"an official's surname in {name} -> {new}"


def edit_place(root, rng):
    city = rng.choice(CITIES)

    def edit(text):
        return re.sub(r"\b(in|visited) (" + "|".join(CITIES) + r")\b", lambda m: f"{m.group(1)} {city}", text,
                      count=1)
    name = _edit_seed(root, rng, edit)
    return name and f"place of {name} -> {city}"


def front_matter(root, rng):
    """Add, replace or remove a seed's YAML front matter (title, officials, topics)."""
    path = rng.choice(_seeds(root))
    front, text = _split(path.read_text(encoding="utf-8"))
    if front and rng.random() < 0.3:
        path.write_text(text, encoding="utf-8")
        return f"remove front matter of {path.name}"
    fields = {}
    if rng.random() < 0.6:
        fields["title"] = f"{rng.choice(['Talks', 'Meeting', 'Call'])} on {rng.choice(SUBJECTS)}"
    if rng.random() < 0.6:
        people = rng.sample(PEOPLE, rng.randint(1, 2))
        fields["officials"] = [{"name": p[2], "title": rng.choice(TITLES), "country": rng.choice(COUNTRIES)}
                               for p in people]
    if rng.random() < 0.6 or not fields:
        fields["topics"] = rng.sample(TOPICS, rng.randint(1, 2))
    dumped = yaml.safe_dump(fields, sort_keys=False).strip()
    path.write_text(f"---\n{dumped}\n---\n{text}", encoding="utf-8")
    return f"{'edit' if front else 'add'} front matter of {path.name}: {fields}"


# --- site.yaml -----------------------------------------------------------------------------------

def _site_yaml(root: Path, **changes) -> dict:
    path = root / "site.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    data.update(changes)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return changes


def site_text(root, rng):
    key = rng.choice(["title", "description"])
    value = f"{rng.choice(['Diplomatic', 'Foreign', 'World'])} {rng.choice(['Notes', 'Wire'])} {rng.randrange(100)}"
    return f"site.yaml {_site_yaml(root, **{key: value})}"


BASE_URLS = ["https://example.test/", "https://user.github.io/repo/", "/"]


def base_url(root, rng):
    current = (yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8")) or {}).get("base_url")
    value = rng.choice([u for u in BASE_URLS if u != current])
    return f"site.yaml {_site_yaml(root, base_url=value)}"


# --- template overrides --------------------------------------------------------------------------

# template -> (a line of the theme's file, a line inserted after it that prints more of the context)
OVERRIDES = {
    "_macros.html": ("class=\"item-title\"",
                     "<p class=\"x-people\">{% for p in b.officials %}{{ p.name }} ({{ p.title }}, {{ p.country }}); "
                     "{% endfor %}topics: {{ b.topics|join(', ') }}</p>"),
    "official.html": ("<h1>{{ o.name }}</h1>",
                      "<ul class=\"x-met\">{% for e, n in o.met %}<li>{{ e.name }} {{ e.country }} "
                      "{{ e.count }} briefings, met {{ n }} times</li>{% endfor %}</ul>"),
    "briefing.html": ("{{ b.title }}</h1>",
                      "<ul class=\"x-said\">{% for s in b.statements %}<li>{{ s.speaker }}: {{ s.text }}</li>"
                      "{% endfor %}"
                      "{% for r, rslug in related %}<li>{{ r.title }}: {{ r.summary }}</li>{% endfor %}</ul>"),
}


def override_text(name: str) -> str:
    """The theme's template with one line inserted after the first line holding the anchor."""
    anchor, extra = OVERRIDES[name]
    lines = (THEME / name).read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if anchor in line)
    return "".join(lines[:at + 1] + [extra + "\n"] + lines[at + 1:])


def _toggle_override(root: Path, name: str) -> str:
    path = root / "templates" / name
    if path.exists():
        path.unlink()
        return f"remove override templates/{name}"
    path.parent.mkdir(exist_ok=True)
    path.write_text(override_text(name), encoding="utf-8")
    return f"add override templates/{name}"


def override_macros(root, rng):
    return _toggle_override(root, "_macros.html")


def override_official(root, rng):
    return _toggle_override(root, "official.html")


def override_briefing(root, rng):
    return _toggle_override(root, "briefing.html")


# --- static files --------------------------------------------------------------------------------

def static_file(root, rng):
    """Add, change or remove a file of the archive's static/ (one of them overrides the theme's)."""
    folder = root / "static"
    name = rng.choice(["extra.css", "style.css", "img/logo.svg"])
    path = folder / name
    if path.exists() and rng.random() < 0.4:
        path.unlink()
        return f"remove static/{name}"
    verb = "change" if path.exists() else "add"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"/* {rng.randrange(10**6)} */\nbody {{ color: #{rng.randrange(16**6):06x}; }}\n",
                    encoding="utf-8")
    return f"{verb} static/{name}"


# --- data/officials.yaml -------------------------------------------------------------------------

def _officials_entry(root: Path, rng, make) -> str:
    """Add an entry made by make(person) for an official without one, or remove an entry."""
    path = root / "data" / "officials.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    covered = {e["name"] for e in entries} | {a for e in entries for a in e.get("aliases", ())}
    free = [p for p in PEOPLE if p[2] not in covered]
    if entries and (not free or rng.random() < 0.4):
        gone = entries.pop(rng.randrange(len(entries)))
        said = f"remove data/officials.yaml entry {gone}"
    else:
        entries.append(make(rng.choice(free)))
        said = f"add data/officials.yaml entry {entries[-1]}"
    if entries:
        path.parent.mkdir(exist_ok=True)
        path.write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    else:
        path.unlink()
    return said


def officials_alias(root, rng):
    """A canonical name with the article's spelling as an alias, or an alias of the same name."""
    def make(p):
        first, last = p[2].split()
        if rng.random() < 0.5:
            return {"name": f"{first} {rng.choice('BJMS')}. {last}", "aliases": [p[2]]}
        return {"name": p[2], "aliases": [f"{first[0]}. {last}"]}
    return _officials_entry(root, rng, make)


def officials_title(root, rng):
    return _officials_entry(root, rng, lambda p: {"name": p[2], "title": rng.choice(TITLES)})


def officials_country(root, rng):
    return _officials_entry(root, rng, lambda p: {"name": p[2], "country": rng.choice(COUNTRIES)})


CHANGES = {
    "add seed": add_seed, "remove seed": remove_seed, "typo in body": typo_in_body, "date": edit_date,
    "official's title": edit_title, "official's name": edit_name, "place": edit_place,
    "front matter": front_matter, "site title/description": site_text, "base_url": base_url,
    "_macros.html override": override_macros, "official.html override": override_official,
    "briefing.html override": override_briefing, "static file": static_file,
    "officials.yaml alias": officials_alias, "officials.yaml title": officials_title,
    "officials.yaml country": officials_country,
}


# --- comparing two built sites -------------------------------------------------------------------

def files_of(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def tree_difference(got: Path, want: Path, excerpt: int = 40) -> str | None:
    """None when both folders hold the same files with the same bytes; else the first difference,
    with a unified diff excerpt of the first file whose bytes differ."""
    a, b = files_of(got), files_of(want)
    if sorted(a) != sorted(b):
        return (f"file lists differ: only in {got}: {sorted(set(a) - set(b))[:10]}; "
                f"only in {want}: {sorted(set(b) - set(a))[:10]}")
    for rel in a:
        x, y = a[rel].read_bytes(), b[rel].read_bytes()
        if x != y:
            mine, theirs = x.decode("utf-8", "replace").splitlines(), y.decode("utf-8", "replace").splitlines()
            line = next((i for i, (m, t) in enumerate(zip(mine, theirs)) if m != t), min(len(mine), len(theirs)))
            m, t = (mine + [""])[line], (theirs + [""])[line]
            col = next((i for i, (p, q) in enumerate(zip(m, t)) if p != q), min(len(m), len(t)))
            start = max(0, col - 80)
            diff = difflib.unified_diff(theirs, mine, f"clean/{rel}", f"incremental/{rel}", n=1, lineterm="")
            shown = [d if len(d) < 200 else d[:200] + "..." for d in diff]
            return (f"first differing file: {rel}, line {line + 1}, column {col + 1}:\n"
                    f"  clean:       ...{t[start:col + 120]!r}\n  incremental: ...{m[start:col + 120]!r}\n"
                    + "\n".join(shown[:excerpt]))
    return None
