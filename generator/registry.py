"""Built-in knowledge (generator/data/*.yaml) merged with the archive's data/*.yaml -> Registry."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import yamlio
from generator.errors import ConfigError
from generator.text import Phrases, TrieTable, fold, tokenize

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CountryInfo:
    """A state (or the EU) as the registry knows it."""

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    cities: tuple[str, ...]
    regions: tuple[str, ...]   # islands, provinces, disputed areas: a place, but not a city
    venues: tuple[tuple[str, str], ...]
    metonyms: tuple[str, ...]


@dataclass(frozen=True)
class OfficialInfo:
    """An official the archive's data/officials.yaml describes."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    title: str | None = None


class Registry:
    """Look-up tables the extractor needs, shared read-only. The country names are read at once
    (every page needs them); the other tables are built on first use, so a build that extracts
    nothing, or extracts in a worker process, never builds them in the main process."""

    countries: dict[str, CountryInfo]
    country_names: Phrases                         # folded tokens of a name or alias -> code
    demonyms: Phrases                              # folded tokens -> codes
    places: Phrases                                # folded tokens of a city or venue -> (city, code)
    regions: Phrases                               # folded tokens of a region -> code
    metonyms: Phrases
    titles: TrieTable                              # folded tokens -> "strong" | "weak"
    title_home: dict[tuple[str, ...], str]         # office -> the country it is first of all of ...
    title_only: dict[tuple[str, ...], str]         # ... and offices no other state has
    not_offices: dict[str, frozenset]              # code -> folded titles that state does not have
    weak_qualifiers: frozenset[str]
    organisations: Phrases                         # folded tokens of an international body
    domains: Phrases                               # folded tokens of a ministry's field ("foreign affairs")
    topics: tuple[str, ...]                        # topic names, in vocabulary order
    topic_keywords: Phrases                        # folded keyword tokens -> topic name
    officials: dict[str, OfficialInfo]             # folded name or alias -> info
    official_keys: Phrases                         # folded tokens of a name or alias -> info
    notables: Phrases                              # folded tokens of a well-known office holder's name -> code
    groups: Phrases                                # folded tokens of a group's name ("g7") -> member codes
    agencies: dict                                 # folded agency name ("yonhap") -> its country
    fingerprint: str

    def __init__(self, countries: dict[str, CountryInfo], officials: dict[str, OfficialInfo],
                 topic_items: list, fingerprint: str):
        self.countries, self.officials, self.fingerprint = countries, officials, fingerprint
        self._topic_items = topic_items
        self._ref_firsts: frozenset | None = None
        self._title_starts: frozenset | None = None

    def __getattr__(self, name: str):
        # called only for a table not built yet: build them all, once
        if name.startswith("__") or "_topic_items" not in self.__dict__ or "country_names" in self.__dict__:
            raise AttributeError(name)
        self.tables()
        return self.__dict__[name] if name in self.__dict__ else super().__getattribute__(name)

    def tables(self) -> dict:
        """The extractor's look-up tables, by attribute name (built now if not yet: a fifth of a
        second, which a build spares by keeping them: see gather.prepare_tables)."""
        if "_made" not in self.__dict__:
            self.take_tables(_tables(self.countries, self.officials, self._topic_items))
        return self.__dict__["_made"]

    def take_tables(self, tables: dict) -> None:
        """Use tables that `tables()` of a registry of this fingerprint (and program) gave."""
        self.__dict__["_made"] = tables
        self.__dict__.update(tables)

    @property
    def ref_firsts(self) -> frozenset:
        """First words of every country name, nationality word, metonym and place."""
        if self._ref_firsts is None:
            self._ref_firsts = (self.country_names.firsts | self.demonyms.firsts | self.metonyms.firsts
                                | self.places.firsts | self.regions.firsts)
        return self._ref_firsts

    @property
    def title_starts(self) -> frozenset:
        """First words of every title, and "counterpart" ("his counterpart"): the words the
        extractor's scan for officials starts from."""
        if self._title_starts is None:
            self._title_starts = self.titles.firsts | {"counterpart"}
        return self._title_starts

    def country_name(self, code: str | None) -> str:
        """Display name of a country code (the code itself when unknown)."""
        info = self.countries.get(code or "")
        return info.name if info else (code or "")


def _key(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for t, _, _ in tokenize(text))


def _read_yaml(path: Path):
    """A data file: the built-in ones are trusted and read fast, an archive's own are read carefully."""
    try:
        if path.parent == DATA:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return yamlio.load_file(path)
    except yamlio.YAMLProblem as exc:
        raise ConfigError(exc.message, path, exc.line) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot be read: {exc}", path) from None


def _countries(raw: list) -> dict[str, CountryInfo]:
    out = {}
    for item in raw:
        out[item["code"]] = CountryInfo(
            code=item["code"], name=item["name"], aliases=tuple(item.get("aliases") or ()),
            demonyms=tuple(item.get("demonyms") or ()), capital=item.get("capital"),
            cities=tuple(item.get("cities") or ()), regions=tuple(item.get("regions") or ()), venues=tuple((item.get("venues") or {}).items()),
            metonyms=tuple(item.get("metonyms") or ()))
    return out


def _stronger(a: str, b: str) -> str:
    return "strong" if "strong" in (a, b) else a


def _titles(raw: dict) -> tuple[TrieTable, dict, dict]:
    """Every title as its key (folded tokens) -> "strong" or "weak"; titles that belong to one
    state (-> its code) at home and anywhere. A title made of parts ("Minister" "of" "Foreign
    Affairs") is keyed as its parts' keys joined: what tokenizing the whole would give
    (tests/test_data_files.py checks it), for the 60,000 titles without tokenizing each."""
    keys = {part: _key(part) for part in (*(raw.get("domains") or ()), *(raw.get("cores") or ()),
                                          *(raw.get("of_cores") or ()), *(raw.get("institutions") or ()),
                                          *(raw.get("roles") or ()))}
    of = _key("of")
    base = {_key(p): "strong" for p in raw.get("standalone") or ()}
    for domain in raw.get("domains") or ():
        base.update((keys[domain] + keys[core], "strong") for core in raw.get("cores") or ())
        base.update((keys[core] + of + keys[domain], "strong") for core in raw.get("of_cores") or ())
    for inst in raw.get("institutions") or ():
        base.update((keys[inst] + keys[role], "strong") for role in raw.get("roles") or ())
    plain = dict(base)
    for weak in raw.get("weak") or ():
        plain.setdefault(_key(weak), "weak")
    # every modifier before every title ("Deputy", "Acting"), keeping that title's strength; a
    # title so made that is also listed as it stands is strong if either is
    titles = TrieTable.compose(plain, [_key(m) for m in raw.get("modifiers") or ()], _stronger)
    home = {_key(t): code for code, items in (raw.get("home") or {}).items() for t in items}
    only = {_key(t): code for code, items in (raw.get("only") or {}).items() for t in items}
    for code, insts in (raw.get("institution_states") or {}).items():  # "Kremlin foreign policy aide"
        only.update((_key(inst) + keys[role], code) for inst in insts for role in raw.get("roles") or ())
    return titles, home, only


def _officials(path: Path, countries: dict) -> dict[str, OfficialInfo]:
    raw = _read_yaml(path) or []
    if not isinstance(raw, list):
        raise ConfigError("must be a list of officials (- name: ...)", path)
    out: dict[str, OfficialInfo] = {}
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ConfigError(f"entry {i} needs a 'name'", path)
        country = item.get("country")
        if country is not None and str(country).upper() not in countries:
            raise ConfigError(f"entry {i} ({item['name']}): unknown country code {country!r}", path)
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            raise ConfigError(f"entry {i} ({item['name']}): 'aliases' must be a list", path)
        info = OfficialInfo(name=item["name"].strip(), aliases=tuple(str(a) for a in aliases),
                            country=str(country).upper() if country else None,
                            title=str(item["title"]) if item.get("title") else None)
        for form in (info.name, *info.aliases):
            out[fold(form)] = info
    return out


def _notables(raw: list, countries: dict) -> dict[tuple[str, ...], str]:
    """Every way a well-known office holder is written -> their country; a form two people of
    different countries share names neither."""
    out: dict[tuple[str, ...], str] = {}
    clashes = set()
    for item in raw or ():
        code = str(item["country"]).upper()
        if code not in countries:
            continue
        for form in (item["name"], *(item.get("also") or ())):
            key = _key(str(form))
            if out.setdefault(key, code) != code:
                clashes.add(key)
    return {key: code for key, code in out.items() if key not in clashes}


def registry_fingerprint(data_dir: Path | None = None) -> str:
    """Digest of every data file the registry is made from: equal digests, equal registries."""
    digest = hashlib.sha256()
    # every built-in data file, those the registry reads and the word lists the rules load
    # (generator/words.py): a new file is covered the day it is added
    sources = sorted(DATA.glob("*.yaml"))
    if data_dir:
        sources += [q for q in (data_dir / "officials.yaml", data_dir / "topics.yaml") if q.exists()]
    for p in sources:
        digest.update(str(p.name).encode() + b"\0" + p.read_bytes())
    return digest.hexdigest()


def registry_code() -> str:
    """Digest of the code that turns data files into a Registry: a parsed registry kept by the
    cache is reused only with the same code."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("registry.py", "text.py", "yamlio.py", "model.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def load_registry(data_dir: Path | None = None) -> Registry:
    """The built-in data, plus the archive's data/officials.yaml and data/topics.yaml if present
    (read and checked now; the extractor's tables are built on first use)."""
    user_officials = data_dir / "officials.yaml" if data_dir else None
    user_topics = data_dir / "topics.yaml" if data_dir else None
    countries = _countries(_read_yaml(DATA / "countries.yaml"))
    topic_items = list(_read_yaml(DATA / "topics.yaml"))
    if user_topics and user_topics.exists():
        extra = _read_yaml(user_topics) or []
        if not isinstance(extra, list) or not all(isinstance(t, dict) and t.get("name") and
                                                  isinstance(t.get("keywords"), list) for t in extra):
            raise ConfigError("must be a list of topics (- name: ..., keywords: [...])", user_topics)
        topic_items += extra
    officials = _officials(user_officials, countries) if user_officials and user_officials.exists() else {}
    return Registry(countries, officials, topic_items, registry_fingerprint(data_dir))


def _tables(countries: dict[str, CountryInfo], officials: dict[str, OfficialInfo], topic_items: list) -> dict:
    """The extractor's look-up tables, by Registry attribute."""
    title_data = _read_yaml(DATA / "titles.yaml")
    titles, home, only = _titles(title_data)
    keywords = {}
    for t in topic_items:
        for k in t["keywords"]:
            keywords.setdefault(_key(str(k)), t["name"])
    names, dems, places, mets, regions = {}, {}, {}, {}, {}
    for c in countries.values():
        for n in (c.name, *c.aliases):
            names.setdefault(_key(n), c.code)
        for d in c.demonyms:
            dems[_key(d)] = dems.get(_key(d), ()) + (c.code,)
        for city in ((c.capital,) if c.capital else ()) + c.cities:
            places.setdefault(_key(city), (city, c.code))
        for venue, city in c.venues:
            places.setdefault(_key(venue), (city, c.code))
        for m in c.metonyms:
            mets.setdefault(_key(m), c.code)
        for r in c.regions:
            regions.setdefault(_key(r), c.code)
    groups = {_key(n): tuple(g["members"]) for g in _read_yaml(DATA / "groups.yaml") for n in g["names"]}
    agencies = {fold(str(n)): a["country"] for a in _read_yaml(DATA / "agencies.yaml") for n in a["names"]}
    return dict(
        country_names=Phrases(names), demonyms=Phrases(dems), places=Phrases(places),
        regions=Phrases(regions),
        metonyms=Phrases(mets), titles=titles, title_home=home, title_only=only,
        not_offices={code: frozenset(_key(t) for t in items)
                     for code, items in (title_data.get("not_offices") or {}).items()},
        organisations=Phrases((_key(o), o) for o in title_data.get("organisations") or ()),
        domains=Phrases((_key(d), d) for d in title_data.get("domains") or ()),
        weak_qualifiers=frozenset(fold(q) for q in title_data.get("weak_qualifiers") or ()),
        topics=tuple(dict.fromkeys(t["name"] for t in topic_items)), topic_keywords=Phrases(keywords),
        groups=Phrases(groups), agencies=agencies,
        notables=Phrases(_notables(_read_yaml(DATA / "notables.yaml"), countries)),
        official_keys=Phrases((_key(f), info) for info in officials.values() for f in (info.name, *info.aliases)))
