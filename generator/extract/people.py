"""Layers 3-5: find officials by their titles, resolve short forms, attribute countries."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, count

from generator.extract.lexicon import (AL_PREFIX_RE, CONTRACTION_RE, HONORIFICS, MONTH_SURNAMES, NAME_SUFFIXES,
                                       PARTICLES, POST_NOMINALS, PRONOUN_SURNAMES,
                                       RANKS, ROMAN, STOP_NAME_WORDS, TRANSPARENT, honorifics_at, longest_match,
                                       longest_match_ending)
from generator.extract.types import Found, Paragraph, Ref
from generator.registry import Registry
from generator.text import fold, is_capitalised
from generator.words import (ARTICLES, COURTESY_EPITHETS, HEAD_OFFICES, NOT_NAME_NOUNS, POSSESSIVES, STATE_BODIES,
                             SUCCESSION_NOUNS, SUCCESSION_VERBS,
                             phrase_keys, phrase_set, words)

COUNTERPART = ("counterpart",)
FORMER_WORDS = words("former_words")
NAME_WORDS_WHEN_CAPITALISED = words("name_words_when_capitalised")
# Offices that serve another office ("Adviser to the President"): the office served is part of the title.
AIDE_WORDS = words("aide_words")
COMPANY_OFFICES = phrase_keys("company_offices")
PRIVATE_BODIES = words("private_bodies")
# Events that give a person an office ("on his appointment as ..."), and ordinal words before it ("the ninth")
OFFICE_EVENTS = words("office_events")
APPOINTING_VERBS = words("appointing_verbs")
ORDINAL_WORDS = words("ordinal_words")
# Ranks that stand between an office and its holder's name as forms of address ("Prime Minister
# Gen. X", "Minister Senator the Hon X"): the military ranks and those of data/words.yaml.
ADDRESS_RANKS = RANKS | phrase_set("address_ranks")
ENVOYS = words("envoy_words")
VISITOR_WORDS = words("visitor_words")
STATE_FORMS = words("state_forms")
DEPARTMENT_WORDS = words("department_words")
# Nouns for a state named before ("the country's foreign minister").
STATE_NOUNS = words("state_nouns")
# A consort's title and the monarch's it follows ("King X and Queen Y"): the consort holds no office.
CONSORT_TITLES = phrase_set("consort_titles")
# Titles that are also given names ("Amir", "Sultan"): right after another office, a name's first word.
GIVEN_NAME_TITLES = words("given_name_titles")
MONARCH_TITLES = phrase_set("reigning_titles")
UNDERTAKING_NOUNS = words("undertaking_nouns")


def _country_before(p: Paragraph, i: int, reg: Registry) -> tuple[str | None, int]:
    """A nationality word or "Country's" right before token i: (code, tokens used)."""
    n, codes = longest_match_ending(p.folded, i, reg.demonyms)
    if n:
        return codes[0], n
    if i >= 2 and p.folded[i - 1] == "'s":
        n, code = longest_match_ending(p.folded, i - 1, reg.country_names)
        if n:
            return code, n + 1
        # "Beijing's top envoy", "the Kremlin's spokesman": a state named by its seat of government
        n, code = longest_match_ending(p.folded, i - 1, reg.metonyms)
        if n and p.words[i - 1 - n][:1].isupper():
            return (code[0] if isinstance(code, tuple) else code), n + 1
        # "Olmert's spokesman": a well-known office holder's staff serve that holder's state
        n, code = longest_match_ending(p.folded, i - 1, reg.notables)
        if n and p.words[i - 1 - n][:1].isupper():
            return code, n + 1
    # "Barbados Prime Minister", "Pakistan Foreign Minister": the name used as an adjective
    n, code = longest_match_ending(p.folded, i, reg.country_names)
    if n and p.words[i - n][:1].isupper():
        return code, n
    return None, 0


def _address_at(p: Paragraph, k: int, reg: Registry) -> int:
    """Tokens of forms of address at token k, unless a well-known name of one word more starts
    there ("Sheikh Hasina" is her name; "Ayatollah Ali Khamenei" is Ali Khamenei)."""
    h = honorifics_at(p.folded, p.words, k)
    if h and p.folded[k] in reg.notables.trie and longest_match(p.folded, k, reg.notables)[0] == h + 1 \
            and not (k + h + 1 < len(p.words) and is_capitalised(p.words[k + h + 1])):
        return 0  # (but "Al-Sultan Abdullah Ri'ayatuddin ...": a longer name, after a form of address)
    return h


def _particle_opens(p: Paragraph, j: int) -> bool:
    """A lower-case particle ("van der", "de la") at j, then a capitalised name word: the start of a
    surname written without the given name ("Minister de la Cruz"); read only where a title or a
    form of address stands before it."""
    if p.folded[j] not in PARTICLES or not p.words[j][:1].islower():
        return False
    m = j + 1
    while m < len(p.words) and m - j < 3 and p.folded[m] in PARTICLES and p.words[m][:1].islower():
        m += 1
    return m < len(p.words) and is_capitalised(p.words[m]) and p.words[m][0].isalpha()


def _name_at(p: Paragraph, k: int, reg: Registry, after_title: bool) -> int:
    """End of a personal name starting at token k (k itself when there is none)."""
    return _name_span(p, k, reg, after_title)[1]


def _name_span(p: Paragraph, k: int, reg: Registry, after_title: bool) -> tuple[int, int]:
    """A personal name at token k: where it starts after its forms of address ("Dr", "H.E."),
    and where it ends (k itself when there is none, as _name_at says): the name's words
    (`_name_words_end`), less particles and generational suffixes at its end, unless the words
    name no one (`_names_no_one`)."""
    start = k
    k += _address_at(p, k, reg)
    j = _name_words_end(p, k, start, reg, after_title)
    while j > k and (p.folded[j - 1] in PARTICLES or j - k > 1 and p.folded[j - 1] in NAME_SUFFIXES):
        j -= 1  # "Locsin Jr.": a generational suffix is no part of the name reported
    if j == k:
        return k, start  # an honorific with no name after it
    if _names_no_one(p, k, j, reg, after_title):
        return k, k
    return k, j


def _name_words_end(p: Paragraph, k: int, start: int, reg: Registry, after_title: bool) -> int:
    """The end of the run of name words from token k (at most six, besides particles): capitalised
    words, Roman numerals, particles before a name word ("bin Zayed", "von der Leyen"), "al-"
    forms; it stops at a contraction, a stop word that is no name word here, a title or a state's
    name inside the run, and after a possessive."""
    n = len(p.words)
    j, parts = k, 0
    while j < n and parts < 6:
        w, f = p.words[j], p.folded[j]
        if parts and w in ROMAN:
            j, parts = j + 1, parts + 1
            continue
        if parts and f in PARTICLES:  # "bin Zayed", "von der Leyen": particles before a name word
            m = j + 1
            while m < n and m - j < 3 and p.folded[m] in PARTICLES:
                m += 1
            if m < n and is_capitalised(p.words[m]):
                j = m  # (particles are no parts: "Mohammed bin Salman bin Abdulaziz Al Saud")
                continue
        if not parts and (after_title or k > start) and _particle_opens(p, j):
            j += 1  # "Minister van der Berghe", "Mr. de Montclair": a surname that opens with its particle
            continue
        if parts and "-" in w and AL_PREFIX_RE.match(w):  # (the pattern needs a hyphen)
            j, parts = j + 1, parts + 1
            continue
        if not (is_capitalised(w) and w[0].isalpha()) or (("'" in w or "’" in w) and CONTRACTION_RE.search(w)):
            break
        if parts and w in POST_NOMINALS:
            break  # "Sir Peter Roe AK MC": honours after the name
        if f in STOP_NAME_WORDS and not _stop_word_in_name(p, j, k, parts, after_title):
            break
        if parts and (f in reg.titles.trie and longest_match(p.folded, j, reg.titles, 3)[0] or
                      f in reg.country_names.trie and longest_match(p.folded, j, reg.country_names, 2)[0]):
            break  # (a key's first word is in its table's trie: most words need no look-up)
        j, parts = j + 1, parts + 1
        if j < n and p.folded[j] == "'s":
            break
    return j


def _stop_word_in_name(p: Paragraph, j: int, k: int, parts: int, after_title: bool) -> bool:
    """Whether the capitalised stop word at token j (the name's run starts at k, `parts` words
    in) is a word of the name all the same:
    - a month that is also a surname, after a title ("Ambassador May"), not before a day;
    - "Ambassador He Wei": a pronoun that is also a surname, right after a title, before a name word;
    - "Nguyen Van An", "Kais Said": inside a name, some stop words are name words when
      capitalised (an article or a verb is capitalised only where a sentence starts); such a
      word also opens a name right after a title, before a name word or a particle ("Deputy
      Prime Minister Said bin X")."""
    n, w, f = len(p.words), p.words[j], p.folded[j]
    if f in MONTH_SURNAMES and after_title and (j == k or parts) and not (j + 1 < n and p.words[j + 1][:1].isdigit()):
        return True
    if f in PRONOUN_SURNAMES and after_title and j == k and j + 1 < n and is_capitalised(p.words[j + 1]) \
            and p.words[j + 1][0].isalpha() and p.folded[j + 1] not in STOP_NAME_WORDS:
        return True
    if not (f in NAME_WORDS_WHEN_CAPITALISED and w[0].isupper()):
        return False
    opens = (after_title and j == k and f not in ARTICLES and j + 1 < n and (p.folded[j + 1] in PARTICLES or is_capitalised(
        p.words[j + 1]) and p.words[j + 1][0].isalpha() and p.folded[j + 1] not in STOP_NAME_WORDS))
    return bool(parts or opens)


def _names_no_one(p: Paragraph, k: int, j: int, reg: Registry, after_title: bool) -> bool:
    """Whether the name words k..j name no person: "the President Hotel", "FM Radio Station" (a
    place or a body), "discussed with the Prime Minister NATO and ..." (an organisation), or one
    word that is a state's name, a nationality, a place or an office."""
    if after_title and p.folded[j - 1] in NOT_NAME_NOUNS:
        return True
    if after_title and p.folded[k] in reg.organisations.firsts and longest_match(p.folded, k, reg.organisations)[0]:
        return True
    if j - k == 1:
        one = (p.folded[k],)
        return (one in reg.country_names or one in reg.demonyms or one in reg.places or one in reg.titles
                or p.words[k].isupper() and p.folded[k] in reg.agencies)  # ("..., MENA quoted": an agency)
    return False


def _look_back(p: Paragraph, i: int, reg: Registry) -> tuple[str | None, bool, int]:
    """Country and former-ness written before a title at token i, and where that prefix starts."""
    while i > 0 and p.folded[i - 1] in TRANSPARENT:  # "Japan's new emperor"
        i -= 1
    code, used = _country_before(p, i, reg)
    if not used and i >= 3 and p.folded[i - 1] == "'s" and p.folded[i - 2] in STATE_NOUNS and p.folded[i - 3] == "the":
        used = 3  # "X, the country's foreign minister": the state named before (see resolve)
    start = i - used
    former = start > 0 and p.folded[start - 1] in FORMER_WORDS
    if former:
        start -= 1
    elif code is None and i > 0 and p.folded[i - 1] in FORMER_WORDS:
        former, start = True, i - 1
        code, used = _country_before(p, start, reg)
        start -= used
    return code, former, start


def _title_at(p: Paragraph, i: int, reg: Registry) -> tuple[int, str | None, int]:
    """End token and kind of a (possibly compound, "A and B") title at token i, and the length of
    the first title alone (the longest key of the titles at i), which _ranks_before reads too."""
    if p.folded[i] in COUNTERPART:
        return i + 1, "counterpart", 1
    tl, kind = longest_match(p.folded, i, reg.titles)
    if not tl:
        return i, None, 0
    j = _fields_after(p, i + tl, reg)
    while j + 1 < len(p.words) and p.folded[j] == "and":  # "Deputy Prime Minister and Minister of ..."
        dl, (tl2, kind2) = 0, longest_match(p.folded, j + 1, reg.titles)
        if not tl2:  # "... for Foreign Affairs and Climate Envoy X": a field before the second office
            dl = longest_match(p.folded, j + 1, reg.domains)[0]
            tl2, kind2 = longest_match(p.folded, j + 1 + dl, reg.titles) if dl else (0, None)
        if not tl2 or kind2 != "strong":
            break
        j = _fields_after(p, j + 1 + dl + tl2, reg)
    if kind == "strong" and j + 2 < len(p.words) and p.words[j] == ",":
        j = _second_office(p, j, reg)
    return j, kind, tl


def _envoy_rank(p: Paragraph, k: int, reg: Registry) -> bool:
    """"Ambassador" alone before a name of two words or more, after a comma that ends another
    office: a career diplomat's rank, written as a form of address, not an office of its own."""
    return (k + 2 < len(p.words) and p.folded[k] in ENVOYS  # (in small letters too: "..., ambassador X Y")
            and longest_match(p.folded, k, reg.titles)[0] == 1 and _name_at(p, k + 1, reg, True) - (k + 1) >= 2)


def _second_office(p: Paragraph, j: int, reg: Registry) -> int:
    """"Deputy Prime Minister, Foreign and Expatriates Minister X": a second office after a comma,
    itself followed by a name, is the same person's; where the joined title ends (j when none)."""
    n = len(p.words)
    if _envoy_rank(p, j + 1, reg):
        return j
    tl = longest_match(p.folded, j + 1, reg.titles, 3)[0]
    if tl > 1 and reg.titles.get((p.folded[j + tl],)) == "weak":
        return j  # "envoy, State Department official X": a description, no second office
    if tl and " ".join(p.folded[j + 1:j + 1 + tl]) in ADDRESS_RANKS:
        return j  # "military chief, Senior General X": a rank, written as a form of address
    for t in range(j + 1, min(j + 5, n)):
        if p.folded[t] not in reg.title_starts or _domains_before(p, t, reg) != j + 1 and t != j + 1:
            continue
        tl, kind = longest_match(p.folded, t, reg.titles)
        end = _fields_after(p, t + tl, reg) if tl else t
        if tl and kind == "strong" and end < n and p.words[end][:1].isupper() and p.words[end][0].isalpha() \
                and not longest_match(p.folded, end, reg.titles)[0] and p.folded[end] not in STOP_NAME_WORDS:
            return end
        if tl and kind == "strong" and end + 3 < n and p.words[end] == "," and t == j + 1 and j > 0 \
                and p.folded[_title_start(p, j)] == "the":
            last = _name_at(p, end + 1, reg, True)  # "The Minister of State, Minister of Foreign Affairs,
            if last - (end + 1) >= 2 and last < n and p.words[last] in (",", ".", ";"):  # X Y, received"
                return end
    return j


def _title_start(p: Paragraph, j: int) -> int:
    """The token before the capitalised words that end at token j (where an office written in
    capitals starts: "The Minister of State" before its comma)."""
    k = j - 1
    while k > 0 and (p.words[k][:1].isupper() or p.folded[k] in ("of", "for", "and")):
        k -= 1
    return k


def _fields_after(p: Paragraph, j: int, reg: Registry) -> int:
    """Where a title that ends before token j ends with the fields written after it: "Cabinet
    Secretary for Foreign Affairs", "... of Foreign Affairs and International Cooperation"."""
    if j + 1 < len(p.words) and p.folded[j] == "for":
        dl, _ = longest_match(p.folded, j + 1, reg.domains)
        j += 1 + dl if dl else 0
    return _more_domains(p, _portfolio_word(p, j, reg), reg)


def _portfolio_word(p: Paragraph, j: int, reg: Registry) -> int:
    """"Minister of State for Defence Affairs", "for Political and Security Affairs": after a field
    the table knows, a last word of a portfolio (capitalised) belongs to the title."""
    while j < len(p.words) and p.folded[j] in PORTFOLIO_ENDS and p.words[j][:1].isupper() \
            and longest_match_ending(p.folded, j, reg.domains)[0]:
        j += 1
    return j


def _more_domains(p: Paragraph, j: int, reg: Registry) -> int:
    """"Minister of Foreign Affairs and International Cooperation", "Minister for Foreign Affairs and
    Trade": a title that ends with a ministry's field goes on through the fields joined to it."""
    n = len(p.words)
    while j + 1 < n and p.folded[j] in ("and", ",") and longest_match_ending(p.folded, j, reg.domains)[0]:
        dl, _ = longest_match(p.folded, j + 1, reg.domains)
        # (a field in small letters continues a field in small letters: "minister of finance and
        # national planning"; after capitals only a capitalised one does)
        lower = p.words[j - 1][:1].islower()
        if not dl:  # "... of Foreign Affairs and Egyptian Expatriates": a field of the state's own people
            nl, _ = longest_match(p.folded, j + 1, reg.demonyms)
            fl = longest_match(p.folded, j + 1 + nl, reg.domains)[0] if nl else 0
            dl = nl + fl if fl else 0
        if dl and (p.words[j + 1][:1].isupper() or lower and p.words[j + dl][:1].islower()):
            if p.folded[j] == "," and not (j + 1 + dl < n and p.folded[j + 1 + dl] in ("and", ",")):
                break  # "Minister of Finance, Trade X": a comma joins fields only in a list
            if longest_match(p.folded, j + 1, reg.titles)[0] > dl or \
                    j + 1 + dl < n and p.folded[j + 1 + dl] in reg.title_starts and \
                    longest_match(p.folded, j + 1 + dl, reg.titles)[0]:
                break  # "... for Foreign Affairs and Climate Envoy X": a second office, not a field
            j = _portfolio_word(p, j + 1 + dl, reg)
            continue
        # "... of Foreign Affairs, African Cooperation and Moroccans Abroad, X": fields the table
        # does not know, in a list that ends with "and" its last field, then the holder's name
        end = _field_list_end(p, j, reg)
        if end is not None:
            j = end
        break
    return j


def _field_list_end(p: Paragraph, j: int, reg: Registry) -> int | None:
    """From a "," or "and" at token j after a ministry's field, the end of a list of more fields
    written with capitals ("A, B and C") when a comma and a name of two words or more follow its
    last field; None when the words there are no such list."""
    n, k = len(p.words), j
    while k < n and p.folded[k] in (",", "and"):
        m = k + 1
        while m < n and m - k <= 3 and p.words[m][:1].isupper() and p.words[m][0].isalpha() \
                and not (p.folded[m] in reg.title_starts and longest_match(p.folded, m, reg.titles)[0]):
            m += 1
        if m == k + 1:
            return None
        if p.folded[k] == "and":  # the list's last field
            return m if m + 2 < n and p.words[m] == "," and _name_at(p, m + 1, reg, True) - (m + 1) >= 2 else None
        k = m
    return None


def _domains_before(p: Paragraph, i: int, reg: Registry) -> int:
    """"Industry and Infrastructure Minister": where a title that starts with a field starts when
    other fields are joined before it."""
    if i < 2 or p.folded[i - 1] not in ("and", ","):
        return i  # (most titles: nothing joined before them, and the field need not be looked up)
    # ("Investment, Trade and Industry Minister": the field the title starts with may hold the "and")
    joined = "and" in p.folded[i:i + longest_match(p.folded, i, reg.domains)[0]]
    while i > 1 and (p.folded[i - 1] == "and" or p.folded[i - 1] == "," and joined) \
            and longest_match(p.folded, i, reg.domains)[0]:
        dl, _ = longest_match_ending(p.folded, i - 1, reg.domains)
        if not dl or not p.words[i - 1 - dl][:1].isupper():
            break
        i -= 1 + dl
        joined = True  # ("Trade, Industry and Energy Minister": a comma before the "and" of a list)
    return i


def _appositive_name(p: Paragraph, start: int, reg: Registry | None = None) -> tuple[int, int] | None:
    """The name in "Name, [the] <title>": its token span, ending at the comma before `start`
    (not an office or body written before the name: "NATO Secretary-General X, a former ...").
    The comma is found (`_apposition_comma`), the capitalised words before it read back
    (`_words_before`), forms of address and words before the name dropped (`_name_start`), and
    what names no one refused (`_no_name`)."""
    k = _apposition_comma(p, start, reg)
    if k < 2 or p.words[k - 1] not in (",", "("):  # ("Name (Minister of State)")
        return None
    end = k - 1
    if end - 1 > 0 and p.folded[end - 1] in NAME_SUFFIXES:  # "X Jr., Secretary of ..."
        end -= 1
    while end - 2 > 0 and p.words[end - 1] in POST_NOMINALS:  # "Sir X Y AK MC, Governor-General"
        end -= 1
    b = _name_start(p, _words_before(p, end, reg), end, reg)
    if _no_name(p, b, end):
        return None
    while end - b > 2 and reg is not None and (p.folded[b].endswith("ing") or (p.folded[b],) in reg.places
                                               or (p.folded[b],) in reg.country_names):
        b += 1
    if end - b == 1 and reg is not None and ((p.folded[b],) in reg.places or (p.folded[b],) in reg.country_names):
        return None  # "While in Tehran, the Chinese foreign minister ...": a place, no one's name
    return (b, end) if end > b else None


def _apposition_comma(p: Paragraph, start: int, reg: Registry | None) -> int:
    """The token after the comma (or bracket) that sets the title at `start` off from the name
    before it, over the words that may stand between: articles and possessives ("X, then
    Poland's ...", "X, her Italian counterpart"), whose office it is ("X, Mendes's chief
    adviser"), and a first office before "also" ("X, Chancellor of the University also former
    Ambassador to Y")."""
    k = start
    while k > 0 and (p.folded[k - 1] in ARTICLES or p.folded[k - 1] in POSSESSIVES or p.folded[k - 1] == "then"):
        k -= 1
    if k > 2 and p.folded[k - 1] == "'s" and p.words[k - 2][:1].isupper() and p.words[k - 3] == ",":
        k -= 2
    if reg is not None and k > 2 and p.folded[k - 1] == "also":
        c = k - 2
        while c > 0 and k - c < 16 and p.words[c] not in (",", ".", ";", "!", "?"):
            c -= 1
        t = c + 2 if c + 2 < k and p.folded[c + 1] in ARTICLES else c + 1
        if p.words[c] == "," and p.folded[t] in reg.title_starts and longest_match(p.folded, t, reg.titles)[0]:
            k = c + 1  # (the words between the comma and "also" are the first office)
    return k


def _words_before(p: Paragraph, end: int, reg: Registry | None) -> int:
    """Where the run of name words that ends at token `end` starts: capitalised words, particles,
    "al-" forms, "Dato' Sri" (a form of address with an apostrophe), seven at most; a place or a
    state of two words or more at its start is dropped ("received in Abu Dhabi X Y, Ambassador")."""
    b = end
    while b > 0 and (is_capitalised(p.words[b - 1]) and p.words[b - 1][0].isalpha()
                     or p.folded[b - 1] in PARTICLES or AL_PREFIX_RE.match(p.words[b - 1])
                     or p.words[b - 1] in ("'", "’") and b > 1 and p.folded[b - 2] in HONORIFICS) and end - b < 7:
        b -= 1
    while reg is not None and end - b > 2:  # (a particle is read before: the name keeps two words)
        size = max(longest_match(p.folded, b, reg.places, end - b - 2)[0],
                   longest_match(p.folded, b, reg.country_names, end - b - 2)[0])
        if not size:
            break
        b += size
    return b


def _name_start(p: Paragraph, b: int, end: int, reg: Registry | None) -> int:
    """The name's first token in the words b..end: after forms of address ("Samdech Techo",
    "Right Honourable", read as whole phrases), particles, stop words and ranks; with no form of
    address, after the last acronym or office word ("NATO", not initials like "L.K."), and a form
    of address after that ("Ambassador Shaikh X Y"). After a form of address, a word in
    capitals is the surname ("Mr. MOTEGI Toshimitsu")."""
    addressed = False
    while b < end:
        h = honorifics_at(p.folded, p.words, b)
        if not (h or p.folded[b] in PARTICLES or p.folded[b] in STOP_NAME_WORDS or p.folded[b] in RANKS):
            break
        addressed = addressed or h > 0
        b += min(max(h, 1), end - b)
    if reg is not None and not addressed:
        for k in range(end - 2, b - 1, -1):
            if p.words[k].isupper() and len(p.words[k]) > 1 and "." not in p.words[k] or (p.folded[k],) in reg.titles:
                b = k + 1
                b += min(honorifics_at(p.folded, p.words, b), end - b - 1)
                break
    return b


def _no_name(p: Paragraph, b: int, end: int) -> bool:
    """Whether the words b..end before the comma name no one: an office's field ("... for Foreign
    Affairs and Security Policy, Vice-President"), an adverb opening a sentence ("Finally, the
    Secretary said"), an undertaking ("On Operation X, the Minister said")."""
    if p.folded[end - 1] in PORTFOLIO_ENDS:
        return True
    if end - b == 1 and p.folded[b].endswith("ly") and (b == 0 or p.words[b - 1] in (".", "!", "?", '"', "“")):
        return True
    return p.folded[b] in UNDERTAKING_NOUNS or b > 0 and p.folded[b - 1] in UNDERTAKING_NOUNS


def _serves_organisation(p: Paragraph, i: int, j: int, reg: Registry) -> bool:
    """"World Bank President X", "a spokeswoman for the Texas Forum": not an office of a state."""
    k = i
    while k > 0 and p.folded[k - 1] in ("'s", "the"):
        k -= 1
    if longest_match_ending(p.folded, k, reg.organisations)[0]:
        return True
    if k > 0 and p.folded[k - 1].endswith("'s") and (p.folded[k - 1][:-2],) in reg.organisations:
        return True  # "CARICOM’S Secretary-General" (a possessive in capitals stays one token)
    if j + 1 < len(p.words) and p.folded[j] in ("for", "at", "of"):
        nxt = j + 2 if p.folded[j + 1] == "the" else j + 1
        if p.folded[j] == "at" and nxt < len(p.words) and p.words[nxt][:1].islower():
            return False  # "his counterpart at the time", "the minister at the talks": no body named
        if nxt < len(p.words) and p.folded[nxt] in PARTY_NOUNS:
            return False  # "a spokesman for the ministry", "... for the government": a body of the state
        k = nxt  # "Chancellor of the Moscow State University of Culture": a university's office
        while k < len(p.words) and k - nxt < 8 and (p.words[k][:1].isupper() or p.folded[k] in ("of", "and")):
            if p.folded[k] in PRIVATE_BODIES:
                return True
            k += 1
        while nxt < len(p.words) - 1 and p.folded[nxt] in COURTESY_EPITHETS:
            nxt += 1
        if longest_match(p.folded, nxt, reg.notables)[0] or p.folded[nxt] in STATE_FORMS:
            return False  # "a spokesman for Ramaphosa": for a well-known office holder; "of the Kingdom"
        if p.folded[j] in ("for", "of") and _portfolio_end(p, j) is not None:
            return False  # "Secretary of State for African Affairs", "Director of Bilateral Relations"
        if p.folded[j] == "of" and p.folded[j + 1] == "the" and longest_match(p.folded, j + 2, reg.titles)[0]:
            return False  # "Special Envoy of the President": an office that serves another
        if p.folded[j] in ("of", "at") and _body_end(p, j + 1, reg) is not None \
                or p.folded[j] == "of" and _chamber_end(p, j + 1) is not None:
            return False  # "Speaker of the National Assembly", "... at the Ministry of X", "speaker of the
            # lower house": a body of the state
        size = longest_match(p.folded, nxt, reg.demonyms)[0]
        if size and nxt + size < len(p.words) and p.folded[nxt + size] == "embassy":
            return False  # "Counsellor of the Maltese Embassy": a state's mission
        return not (longest_match(p.folded, nxt, reg.country_names)[0]
                    or longest_match(p.folded, nxt, reg.domains)[0]
                    or longest_match(p.folded, nxt, reg.metonyms)[0]
                    or longest_match(p.folded, nxt, reg.places)[0]  # "Ruler of Sharjah", "Governor of Aichi"
                    # "High Commissioner of Canadian to Ghana": an envoy's state as its nationality word
                    or not ENVOYS.isdisjoint(p.folded[i:j]) and longest_match(p.folded, nxt, reg.demonyms)[0])
    return False


def _body_end(p: Paragraph, j: int, reg: Registry) -> int | None:
    """After "of" at token j-1, the end of the name of a state's body ("the Amiri Diwan", "the
    Executive Committee of the Liberation Organization (LO)"): capitalised words, joined by "of",
    "the" and "and", up to the last that ends a body's name; None when there is none."""
    n, end, k = len(p.words), None, j
    while k < n and k - j < 12:
        w = p.words[k]
        if p.folded[k] in ("the", "of", "and", "on") and k + 1 < n and (p.words[k + 1][:1].isupper()
                                                                       or p.folded[k + 1] in ("the", "of")):
            k += 1  # ("of the Palestine Liberation Organization", "Council on Foreign Relations")
            continue
        if (p.folded[k] == "'s" or p.words[k] in ("'", "’") and p.folded[k - 1].endswith("s")) and k > j \
                and k + 1 < n and p.words[k + 1][:1].isupper():
            k += 1  # "the National People's Congress", "the Workers' Party": a possessive inside the name
            continue
        if not (w[:1].isupper() and w[0].isalpha()):
            break
        if longest_match(p.folded, k, reg.organisations)[0]:
            return None  # "the AU Commission": an international body's
        if p.folded[k] in STATE_BODIES:
            end = k + 1
        elif end == k - 1 and p.folded[k - 1] in ("of", "for", "on"):
            dl, _ = longest_match(p.folded, k, reg.domains)  # "the Ministry of Foreign Affairs"
            if dl:
                end = k = k + dl
                continue
        k += 1
    if end is not None and end < k < n and p.words[k] == "," and p.folded[end] == "of" \
            and all(p.words[t][:1].isupper() or p.folded[t] in ("the", "of", "and", "'s", "'", "’")
                    for t in range(end, k)) \
            and not _state_after(p, end + 1, reg, demonyms=False)[0]:  # (not "... Assembly of Kenya, X")
        end = k  # "the Presidency Council of the Government of National Accord, X": to the comma
    if end is not None and end + 2 < n and p.folded[end] == "of" and p.folded[end + 1] == "the" \
            and p.folded[end + 2] in reg.title_starts:
        hl = longest_match(p.folded, end + 2, reg.titles)[0]  # "the Office of the President": the
        if hl and tuple(p.folded[end + 2:end + 2 + hl]) in HEAD_OFFICES:  # head's own body
            end += 2 + hl
    if end is not None and end + 2 < n and p.words[end] == "(" and p.words[end + 2] == ")" \
            and p.words[end + 1].isupper():
        end += 3  # "(PLO)"
    return end


def _chamber_end(p: Paragraph, j: int) -> int | None:
    """After "of" at token j-1, the end of a chamber of the legislature written in small letters
    ("the lower house", "the upper chamber", "parliament", "the national assembly"), which
    `_body_end` does not read (it reads capitalised names); None when there is none."""
    n, k = len(p.words), j
    if k < n and p.folded[k] == "the":
        k += 1
    modified = k < n and p.folded[k] in CHAMBER_MODIFIERS and p.words[k].islower()
    k += modified
    if k < n and p.folded[k] in CHAMBER_NOUNS and p.words[k].islower() \
            and (modified or p.folded[k] not in ("house", "chamber")):
        return k + 1
    return None


CHAMBER_NOUNS = words("chamber_nouns")
CHAMBER_MODIFIERS = words("chamber_modifiers")


# Last words of a portfolio written after an office ("... for Political Affairs").
PORTFOLIO_ENDS = words("portfolio_ends")


def _portfolio_end(p: Paragraph, j: int) -> int | None:
    """After "for" at token j, the end of a capitalised portfolio ("for African Affairs"), or None."""
    n = len(p.words)
    first = j + 2 if j + 1 < n and p.folded[j + 1] == "the" else j + 1  # "for the Colombian Peace Process"
    if first + 1 >= n or not p.words[first][:1].isupper():
        return None
    # ("for European and International Affairs": capitalised words, "and" between them; the last
    # end of such a run: "for Foreign Affairs and Security Policy")
    end = None
    for k in range(first, min(first + 8, n)):
        if not (p.words[k][:1].isupper() or p.folded[k] == "and" and k > first):
            if k > first and (p.words[k] == "," or p.folded[k] in ("in", "at") and k + 1 < n
                              and p.folded[k + 1] == "the") and p.words[k - 1][:1].isupper() and end is None \
                    and k - first <= 3 and p.folded[j] == "for" and p.folded[j - 1] != "minister":
                end = k  # "the Secretary of State for Ibero-America, X": a region, closed by the comma
                # (or by the department the office is in: "for South America in the Ministry of ...")
            break
        if p.folded[k] in PORTFOLIO_ENDS:
            end = k + 1
    if end is None:  # "special envoy for North Korean human rights issues Julie Turner": words in
        for k in range(first, min(first + 8, n)):  # small letters too, when a name follows the last end
            if not p.words[k][:1].isalpha():
                break
            if p.folded[k] in PORTFOLIO_ENDS and k + 2 < n and p.words[k + 1][:1].isupper() \
                    and p.words[k + 2][:1].isupper() and p.folded[k + 1] not in STOP_NAME_WORDS:
                end = k + 1
                break
    return end


@dataclass
class _Office:
    """A title being read in a paragraph: tokens i..j, the prefix from `start`, what it says."""

    i: int               # first token of the title
    j: int               # token after the title (its "of X", portfolio and destination included)
    kind: str            # "strong", "weak" or "counterpart"
    code: str | None     # the state it serves
    former: bool
    start: int           # first token of the mention: nationality word, "former"
    title: str | None    # as the text writes it ("counterpart": None)
    body: bool = False   # the title names a state's body after "of" ("Chairman of the Senate")
    dest: str = ""       # a counterpart's destination ("his counterpart to Kenya")
    to: str | None = None  # the state an envoy is sent to ("Ambassador to Ghana"): not the envoy's own
    state_end: int = -1  # where an "of <state>" after the title, no part of it, ends


def _skipped(p: Paragraph, o: _Office, reg: Registry) -> bool:
    """Titles that name no official of a state here: someone else's office ("the president's
    daughter"), an organisation's ("World Bank President"), a weak word with no qualifier ("the
    leader said"), "counterpart" with no possessive before it."""
    i, j, n = o.i, o.j, len(p.words)
    if j < n and p.folded[j] == "'s":
        return True
    if _serves_organisation(p, i, j, reg):
        return True
    if j + 1 < n and p.folded[j] == "and" and any(tuple(p.folded[j + 1:j + 1 + len(c)]) == c for c in COMPANY_OFFICES):
        return True  # "X, President and CEO of Saudi Aramco": a company's office
    if o.kind == "weak" and not _qualified(p, o, reg):
        return True
    # ("his counterpart X", "Kyrgyz counterpart X": a possessive or a nationality word before it)
    return o.kind == "counterpart" and not (i > 0 and p.folded[o.start - 1] in POSSESSIVES
                                            or o.code is not None)


def _qualified(p: Paragraph, o: _Office, reg: Registry) -> bool:
    """A state or a qualifier ("opposition leader") stands before the title, or a state's body
    after it ("Chairman of the Presidency Council")."""
    if o.code is not None or o.body or o.kind == "weak" and p.folded[o.i] in reg.weak_qualifiers \
            or (o.i > 0 and p.folded[o.i - 1] in reg.weak_qualifiers):
        return True
    if o.j < len(p.words) and p.folded[o.j] in reg.notables.trie and longest_match(p.folded, o.j, reg.notables)[0]:
        return True  # "leader Kim Jong Un": a well-known holder's name says whose office it is
    if not (o.j + 1 < len(p.words) and p.folded[o.j] == "of"):
        return False
    if p.folded[o.j + 1] in reg.places.firsts and longest_match(p.folded, o.j + 1, reg.places)[0]:
        return True  # "Ruler of Sharjah", "Chairman of Tokyo": a city's or a province's
    size, _, possessive = _state_after(p, o.j + 1, reg, demonyms=False)  # "Head of Iran's Strategic Council"
    return _body_end(p, o.j + 1 + (size + 1 if possessive else 0), reg) is not None \
        or _chamber_end(p, o.j + 1) is not None  # "chairman of the upper chamber"


def _span_text(p: Paragraph, a: int, b: int) -> str:
    """The text of tokens a..b-1 as written."""
    return p.text[p.spans[a][0]:p.spans[b - 1][1]]


def _mayor_place(p: Paragraph, o: _Office, reg: Registry) -> None:
    """"London Mayor Sadiq Khan": the city is part of the title and gives the country."""
    if o.i > 0 and o.title and fold(o.title) == "mayor":
        pl, place = longest_match_ending(p.folded, o.i, reg.places)
        if pl:
            o.i, o.code = o.i - pl, o.code or place[1]
            o.title = _span_text(p, o.i, o.j)
            o.start = min(o.start, o.i)


def _state_at(p: Paragraph, j: int, reg: Registry, demonyms: bool = True) -> tuple[int, str | None]:
    """A state named at token j by its name ("New Zealand") or, with `demonyms`, its nationality
    word ("Canadian"): its tokens and its code (0, None: none)."""
    size, code = longest_match(p.folded, j, reg.country_names)
    if not size and demonyms:
        size, codes = longest_match(p.folded, j, reg.demonyms)
        code = codes[0] if size else None
    return size, code


def _state_after(p: Paragraph, j: int, reg: Registry, demonyms: bool = True) -> tuple[int, str | None, bool]:
    """A state named at token j ("the Republic of Guinea", "New Zealand", or, with `demonyms`,
    "Canadian"): its tokens, its code and whether it is a possessive ("Canada's foreign minister")."""
    n = len(p.words)
    skip = 1 if j < n and p.folded[j] == "the" else 0
    while j + skip < n and p.folded[j + skip] in COURTESY_EPITHETS:  # "of the sisterly Republic of X"
        skip += 1
    cl, code = _state_at(p, j + skip, reg, demonyms)
    if not cl and skip:  # "the (Federal) Republic of Somalia", "the State of Qatar": a form of state, "of", a state
        t = j + skip
        while t < n and t - (j + skip) < 3 and p.words[t][:1].isupper() and p.folded[t] not in STATE_NOUNS:
            t += 1
        if t + 2 < n and p.folded[t] in STATE_NOUNS and p.words[t][:1].isupper() and p.folded[t + 1] == "of":
            size, value = longest_match(p.folded, t + 2, reg.country_names)
            if size:
                cl, code = t + 2 + size - (j + skip), value
    if not cl and skip and j + skip < n and p.folded[j + skip] in STATE_FORMS and p.words[j + skip][:1].isupper() \
            and not (j + skip + 1 < n and p.folded[j + skip + 1] == "of"):
        cl, code = 1, None  # "the Ambassador of the Sultanate to X": a state, not said which
    if not cl:
        return 0, None, False
    end = j + skip + cl
    return end - j, code, end < n and p.folded[end] == "'s"


def _served_state(p: Paragraph, o: _Office, reg: Registry) -> None:
    """What follows the title about its state: "Ambassador to South Korea" (an envoy's destination,
    part of the title, not the envoy's state), "Minister of Foreign Affairs of Japan" (the state
    served), "Ambassador of Guinea to Ghana" (both: the title keeps only the destination).
    Read in turn: an office of an office (`_office_of_office`), a counterpart's state or
    destination (`_counterpart_state`), an envoy's post (`_envoy_post`), the state or body
    after "of"/"for" (`_of_state`)."""
    _office_of_office(p, o, reg)
    if o.kind == "counterpart" and _counterpart_state(p, o, reg):
        return
    if not o.title or o.j + 1 >= len(p.words):
        return
    envoy = not ENVOYS.isdisjoint(p.folded[o.i:o.j])  # ("Ambassador Extraordinary and Plenipotentiary")
    if envoy and _envoy_post(p, o, reg):
        return
    if p.folded[o.j] in ("of", "for"):
        _of_state(p, o, reg, envoy)


def _office_of_office(p: Paragraph, o: _Office, reg: Registry) -> None:
    """"Special Envoy of the President", "Adviser to the President", "Chief of Staff to the
    President": an aide's or envoy's office is of another office, which is part of the title."""
    n, j = len(p.words), o.j
    if o.title and j + 2 < n and p.folded[j] in ("to", "of") and p.folded[j + 1] == "the" \
            and (fold(o.title.split()[-1]) in AIDE_WORDS or fold(o.title.split()[-1]) in ENVOYS
                 or fold(o.title).endswith("of staff")):  # ("Chief of Staff to the President")
        tl, kind = longest_match(p.folded, j + 2, reg.titles)
        if tl and kind == "strong":  # "Special Envoy of the President (of X)", "Adviser to the President"
            o.j = j = j + 2 + tl
            o.title = _span_text(p, o.i, j)


def _counterpart_state(p: Paragraph, o: _Office, reg: Registry) -> bool:
    """A counterpart's state ("her counterpart from the Republic of Botswana, X") or an envoy
    counterpart's destination ("the Ethiopian counterpart to Kenya X"); whether "from", "of" or
    "to" follows it (nothing else is read of it then)."""
    n, j = len(p.words), o.j
    if j + 1 < n and p.folded[j] in ("from", "of"):
        size, code, possessive = _state_after(p, j + 1, reg, demonyms=False)
        if size and not possessive:  # "her counterpart from the Republic of Botswana, X"
            o.code, o.j = o.code or code, j + 1 + size
        return True
    if j + 1 < n and p.folded[j] == "to":
        size, _, possessive = _state_after(p, j + 1, reg, demonyms=False)
        if size and not possessive:  # "the Ethiopian counterpart to Kenya X": an envoy's, and where to
            o.dest, o.j = _span_text(p, j, j + 1 + size), j + 1 + size
        return True
    return False


def _envoy_post(p: Paragraph, o: _Office, reg: Registry) -> bool:
    """An envoy's destination ("Ambassador to South Korea", part of the title, not the envoy's
    state) or post ("the Venezuelan ambassador in Havana"); whether "to", "for" or "in" and a
    capital follows the title (nothing else is read of it then)."""
    j = o.j
    if p.folded[j] in ("to", "for"):
        size, to = _destination_at(p, j + 1, reg, demonyms=False)
        if size:
            o.j, o.to = j + 1 + size, to
            o.title = _span_text(p, o.i, o.j)
        return True
    if p.folded[j] == "in" and p.words[j + 1][:1].isupper():
        pl, place = longest_match(p.folded, j + 1, reg.places)
        size, code = (pl, place[1]) if pl else _state_after(p, j + 1, reg, demonyms=False)[:2]
        if size:  # "the Venezuelan ambassador in Havana, X": where the envoy serves
            o.j, o.to = j + 1 + size, code
            o.title = _span_text(p, o.i, o.j)
        return True
    return False


def _of_state(p: Paragraph, o: _Office, reg: Registry, envoy: bool) -> None:
    """After "of"/"for": the state served ("Minister of Foreign Affairs of Japan"), a city or
    province that is part of the office ("Governor of Tokyo"), a body that is part of the title
    ("Chief of the Amiri Diwan", "Commander of U.S. Central Command"), a state's body after its
    possessive ("the President of Cuba's Council of State"); and after the state, an envoy's
    destination ("Ambassador of Guinea to Ghana": the title keeps only the destination)."""
    n, j = len(p.words), o.j
    # (a nationality word after "of" only in an envoy's title: "High Commissioner of Canadian")
    size, code, possessive = _state_after(p, j + 1, reg, demonyms=envoy)
    if not size and p.folded[j] == "of" and p.folded[j + 1] in reg.places.firsts:
        pl, place = longest_match(p.folded, j + 1, reg.places)
        if pl and not (j + 1 + pl < n and p.words[j + 1 + pl] in ("'s", "’s")):
            # "Governor of Tokyo", "Deputy Ruler of Abu Dhabi": a city or province is part of the office
            o.j, o.title, o.code = j + 1 + pl, _span_text(p, o.i, j + 1 + pl), o.code or place[1]
            return
    if not size:
        end = (_body_end(p, j + 1, reg) or _chamber_end(p, j + 1)) if p.folded[j] == "of" else None
        if end is not None:  # "Chief of the Amiri Diwan": the body is part of the title
            o.j, o.title, o.body = end, _span_text(p, o.i, end), True
            o.code = o.code or _state_within(p, j + 1, end, reg)
            if end + 1 < n and p.folded[end] == "of":  # "... of the National Assembly of Kenya"
                size, code, possessive = _state_after(p, end + 1, reg, demonyms=False)
                after = end + 1 + size
                # (a capitalised word after the state is a name's only when a name of two words is
                # there: "of the Senate of Kazakhstan Bolat Nur", not "of the Assembly of Kenya Airways")
                if size and not possessive and not (after < n and p.words[after][:1].isupper()
                                                    and _name_at(p, after, reg, True) - after < 2):
                    o.code, o.j = o.code or code, end + 1 + size
        return
    o.code = o.code or code
    if possessive:
        end = _body_end(p, j + size + 2, reg)
        if end is not None:  # "the President of Cuba's Council of State, X": the state's body (the
            # state is the holder's, no part of the title: "President of Council of State"; so
            # "spokesperson for Azerbaijan's Foreign Ministry": "spokesperson for Foreign Ministry")
            o.title = f"{_span_text(p, o.i, j + 1)} {_span_text(p, j + size + 2, end)}"
            o.j, o.body = end, True
        return  # "a spokesman for Canada's foreign minister"
    if p.folded[j] == "of" and j + 1 + size < n and p.words[j + 1 + size][:1].isupper():
        end = _body_end(p, j + 1 + size, reg)
        if end is not None and any(p.folded[t] == "and" and p.folded[t + 1] in reg.title_starts
                                   for t in range(j + 1 + size, end - 1)):
            end = None  # "Ambassador of Moldova X and Ambassador of India Y": a list, no body's name
        if end is not None:  # "Commander of U.S. Central Command", "Secretary of the Russian Security
            o.j, o.title, o.body = end, _span_text(p, o.i, end), True  # Council": a state's body, as written
            return
    o.j = o.state_end = j + 1 + size
    k = o.j
    if envoy and k + 1 < n and p.folded[k] in ("to", "in"):
        # "Ambassador of Mauritania to Ghana": "Ambassador to Ghana"; "Permanent Representative of
        # X to the United Nations"
        size, to = _destination_at(p, k + 1, reg, demonyms=True, bodies=p.folded[k] == "to")
        if size:
            o.title = f"{o.title} {_span_text(p, k, k + 1 + size)}"
            o.j, o.to = k + 1 + size, to


def _destination_at(p: Paragraph, j: int, reg: Registry, demonyms: bool, bodies: bool = True
                    ) -> tuple[int, str | None]:
    """Where an envoy is sent, at token j after "to": a state ("Ghana", "the Court of St James")
    or a body of states ("the United Nations", with the city of its seat: "in New York"): its
    tokens and the state's code (None for a body)."""
    n = len(p.words)
    size, code, possessive = _state_after(p, j, reg, demonyms=demonyms)
    if possessive:
        return 0, None
    if size:
        return size, code
    if not bodies:
        return 0, None
    the = j < n and p.folded[j] == "the"
    size = longest_match(p.folded, j + the, reg.organisations)[0]
    if not size:
        return 0, None
    size += the
    if j + size + 1 < n and p.folded[j + size] == "in" and p.words[j + size + 1][:1].isupper():
        pl, _ = longest_match(p.folded, j + size + 1, reg.places)
        size += 1 + pl if pl else 0  # "to the United Nations in New York"
    return size, None


def _state_within(p: Paragraph, a: int, b: int, reg: Registry) -> str | None:
    """The first state named in tokens a..b-1 ("the Palestine Liberation Organization")."""
    for k in range(a, b):
        size, code, _ = _state_after(p, k, reg)
        if size and k + size <= b:
            return code
    return None


def _portfolio(p: Paragraph, o: _Office, reg: Registry) -> None:
    """"Assistant Secretary of State for African Affairs X", "Director General of Bilateral
    Relations at the Ministry of Foreign Affairs": the portfolio and the ministry it serves in are
    part of the title."""
    n = len(p.words)
    # (an aide's field follows "on", also after "to the Prime Minister": "Special Assistant to the
    # Prime Minister on X"; whether the office is an aide's is read only before an "on")
    if o.j < n and o.title and (p.folded[o.j] in ("for", "of") or p.folded[o.j] == "on"
                                and fold(o.title.split(" to ")[0].split()[-1]) in AIDE_WORDS):
        end = _portfolio_end(p, o.j)  # (an adviser "on National Security")
        if end is None and p.folded[o.j] == "for":
            end = _body_end(p, o.j + 1, reg)  # "spokesperson for Foreign Ministry": a state's body served
        if end is not None:  # ("High Representative of the European Union for ...": the state left out)
            o.title = f"{o.title} {_span_text(p, o.j, end)}" if o.state_end == o.j else _span_text(p, o.i, end)
            o.j = end
    if o.j + 2 < n and p.folded[o.j] in ("at", "in") and p.folded[o.j + 1] == "the" and o.title:
        end = _body_end(p, o.j + 1, reg)
        if end is None or "ministry" not in p.folded[o.j + 2:end]:
            # "Minister of State at the Foreign Office": a department named without "Ministry"
            k, end = o.j + 2, None  # (or "the Prime Minister's Department": a possessive inside its name;
            while k < n and k - o.j <= 6 and (p.words[k][:1].isupper() and p.words[k][0].isalpha()  # the
                                              or p.folded[k] == "'s" and k + 1 < n  # last department word
                                              and p.words[k + 1][:1].isupper()):  # ends it: a name may follow)
                k += 1
                end = k if p.folded[k - 1] in DEPARTMENT_WORDS else end
        if end is not None:  # (the department qualifies the office: its holder's name may follow a comma)
            o.j, o.title, o.body = end, _span_text(p, o.i, end), True


def _principal_served(p: Paragraph, o: _Office, reg: Registry) -> None:
    """"X, the press secretary to Ramaphosa", "a senior adviser to Lula": a staff office names the
    well-known holder it serves; the holder is part of the title and the holder's state the aide's."""
    n, j = len(p.words), o.j
    if o.kind != "strong" or not o.title or j + 1 >= n or p.folded[j] != "to" or not is_capitalised(p.words[j + 1]):
        return
    last = fold(o.title.split()[-1])
    if not (last in AIDE_WORDS or last == "secretary" and len(o.title.split()) > 1):
        return  # ("Ambassador to X" is an envoy's destination, _served_state's)
    k = j + 1 + longest_match(p.folded, j + 1, reg.titles, 3)[0]  # ("to President X": the holder's office)
    if k >= n or not is_capitalised(p.words[k]):
        return
    size, code = longest_match(p.folded, k, reg.notables)
    if not size and (k + 1 == n or not p.words[k + 1][:1].isalpha()):
        # the holder by surname alone ("to Lula"): the one well-known holder of that surname
        codes = {c for key, c in reg.notables.items() if key[-1] == p.folded[k]}
        size, code = (1, codes.pop()) if len(codes) == 1 else (0, None)
    if size:
        o.j = k + size
        o.title = _span_text(p, o.i, o.j)
        o.code = o.code or code


def _relative_state(p: Paragraph, k: int, reg: Registry) -> str | None:
    """"her counterpart, X, who is also the Swedish deputy prime minister": a relative clause right
    after the name that gives the holder a nationality word says whose official they are."""
    n = len(p.words)
    if not (k + 4 < n and p.words[k] == "," and p.folded[k + 1] == "who" and p.folded[k + 2] in ("is", "was")):
        return None
    t = k + 3 + (p.folded[k + 3] == "also")
    t += t < n and p.folded[t] == "the"
    size, codes = longest_match(p.folded, t, reg.demonyms)
    return codes[0] if size else None


BECOMING_VERBS = words("becoming_verbs")
INCUMBENCY_WORDS = words("incumbency_words")


def _first_of_state(p: Paragraph, k: int, o: _Office, reg: Registry) -> str | None:
    """"President X, who became the first sitting Ruritanian president to address the assembly ...":
    later in the sentence of the name, "became the first [sitting] <state> <the same office>" says
    whose holder X is."""
    if o.kind != "strong" or not o.title:
        return None
    office = [fold(w) for w in o.title.split()]
    n = len(p.words)
    for t in range(k, min(k + 20, n - 4)):
        if p.words[t] in (".", ";", "!", "?"):
            return None
        if p.folded[t] not in BECOMING_VERBS or p.folded[t + 1] != "the" or p.folded[t + 2] not in ORDINAL_WORDS:
            continue
        s = t + 3 + (p.folded[t + 3] in INCUMBENCY_WORDS)
        size, code = _state_at(p, s, reg)
        if size and p.folded[s + size:s + size + len(office)] == office:
            return code
        return None
    return None


def _accredited_to(p: Paragraph, k: int, reg: Registry) -> str | None:
    """"Ambassador X presented her credentials to the President of Chile": the state an envoy is
    accredited to, named in the same sentence as the presentation, is where the envoy is sent."""
    n = len(p.words)
    for t in range(k, min(k + 12, n - 2)):
        if p.words[t] in (".", ";", "!", "?"):
            return None
        if p.folded[t] in ("credentials", "credence") and p.folded[t + 1] == "to":
            for u in range(t + 2, min(t + 9, n)):
                if p.words[u] in (".", ";", ",", "!", "?"):
                    return None
                size, code = _state_at(p, u, reg)
                if size:
                    return code
            return None
    return None


def _embassy_served(p: Paragraph, o: _Office, reg: Registry) -> None:
    """"Counsellor of the Embassy of Norway in Sweden, X", "First Secretary at the Embassy of Peru":
    the embassy a diplomat serves in is part of the title, its state the diplomat's own (the state
    where it stands is where the diplomat is sent)."""
    n, j = len(p.words), o.j
    if o.kind != "strong" or not o.title or j + 2 >= n or p.folded[j] not in ("of", "at", "for") \
            or p.folded[j + 1] != "the":
        return
    k = j + 2
    size, codes = longest_match(p.folded, k, reg.demonyms)
    if size and k + size < n and p.folded[k + size] == "embassy":  # "of the Maltese Embassy"
        if p.folded[j] == "for":  # "a spokesman for the Maltese Embassy": the embassy's voice, of its state
            o.code = o.code or codes[0]
            return
        k, code = k + size + 1, codes[0]
    else:
        if k + 2 >= n or p.folded[k] != "embassy" or p.folded[k + 1] != "of" or p.folded[j] == "for":
            return
        size, code, possessive = _state_after(p, k + 2, reg, demonyms=False)
        if not size or possessive:
            return
        k += 2 + size
    o.title, o.j, o.body = f"{o.title} {p.words[j]} the Embassy", k, True
    o.code = o.code or code
    if k + 1 < n and p.folded[k] == "in" and p.words[k + 1][:1].isupper():
        size, to, possessive = _state_after(p, k + 1, reg, demonyms=False)
        if size and not possessive:
            o.title, o.j, o.to = f"{o.title} in {_span_text(p, k + 1, k + 1 + size)}", k + 1 + size, to


def _department_served(p: Paragraph, o: _Office, reg: Registry) -> None:
    """"X, Director (Africa) in Foreign Affairs Ministry", "X, spokesman of Chile's foreign ministry":
    the department an office serves in, named by its field and written without capitals, "the" or
    with the state's possessive, is part of the title (the state is the holder's, not the title's)."""
    n, j = len(p.words), o.j
    if o.kind != "strong" or not o.title or j >= n:
        return
    if p.words[j] == "(":  # a designation in brackets between the office and its department
        close = next((t for t in range(j + 2, min(j + 6, n)) if p.words[t] == ")"), None)
        if close is None or close + 1 >= n or not all(p.words[t][:1].isupper() for t in range(j + 1, close)):
            return
        j = close + 1
    if j + 2 >= n or p.folded[j] not in ("in", "of", "at"):
        return
    k = j + 1 + (p.folded[j + 1] == "the")
    code, size = None, 0
    if k + 1 < n and p.folded[k] not in DEPARTMENT_WORDS:
        size, code = longest_match(p.folded, k, reg.country_names)
        if size and k + size < n and p.folded[k + size] == "'s":
            size += 1  # "of Chile's foreign ministry": the state's possessive, no part of the title
        else:
            size, code = 0, None
    first = t = k + size
    while t < n and t - first < 4 and p.words[t][:1].isalpha() and p.folded[t] not in DEPARTMENT_WORDS:
        t += 1
    if t == first or t >= n or p.folded[t] not in ("ministry", "department") \
            or not (longest_match(p.folded, first, reg.domains)[0] or longest_match(p.folded, first, reg.demonyms)[0]):
        if j > o.j and p.folded[j] in ("in", "at") and p.folded[j + 1] == "the" and p.folded[j + 2] == "ministry":
            o.j, o.title = j, _span_text(p, o.i, j)  # "(East) in the Ministry of X": _portfolio reads on
        return  # ("of the ministry": no field named; the capitalised "Ministry of X" is _portfolio's)
    head = _span_text(p, o.i, j if j > o.j else o.j)
    o.title = f"{head} {p.words[j]} {_span_text(p, first, t + 1)}"
    o.j, o.body = t + 1, True
    if o.code is None:
        o.code = code


QUOTES = frozenset('"“”‘’\'')


def _name_after(p: Paragraph, o: _Office, reg: Registry) -> tuple[tuple[int, int] | None, int]:
    """The name the title presents: after it ("President X", "the President of X, Y"), or, when
    none follows, before it ("X, the foreign minister"); and the token where the name ends.
    After a comma the holder's own rank or description may come first (`_past_comma`); with no
    comma, a rank used as a form of address (`_rank_before_name`)."""
    n, j = len(p.words), o.j
    introduced = _introduced(p, o, reg)
    comma = j < n and p.words[j] == "," and (_qualified(p, o, reg) or o.kind == "counterpart"
                                             or (o.kind == "strong" and introduced))
    k = j
    if comma:
        k, comma = _past_comma(p, o, reg, introduced)
    if not comma and k < n and p.folded[k] in reg.title_starts and p.words[k][:1].isupper():
        rank = _rank_before_name(p, o, k, reg)
        if rank is None:
            return None, j  # "military leader Senior General X": the next title presents the name
        k += rank
    if comma and k + 1 < n and p.words[k] in QUOTES:  # the ambassador, "X Y"
        k += 1
    first, end = _name_span(p, k, reg, after_title=True)
    if k > j and end - k == 1:
        # "with X Y, the foreign minister, Z said": a full name before the title, a lone
        # surname after it: the title describes the person named before it
        before = _appositive_name(p, o.start, reg)
        if before and before[1] - before[0] >= 2:
            end = k
    if end > k:
        return (first, end), end
    return (_appositive_name(p, o.start, reg) or _relative_name(p, o.start, reg)
            or _named_to_office(p, o.start, reg) or _name_after_clause(p, o, reg)), end


def _introduced(p: Paragraph, o: _Office, reg: Registry) -> bool:
    """"the President of the Marshall Islands, X", "its foreign minister, X": whether a title that
    the country, or a determiner or possessive, introduces takes the name after the comma that
    follows it (read only when a comma follows the title: "Foreign Minister X" needs none of it)."""
    n, j = len(p.words), o.j
    if not (j < n and p.words[j] == ","):
        return False
    det = p.folded[o.start - 1] if o.start > 0 else ""
    return bool((det in ("the", "its", "his", "her", "their", "'s")
                 # "a government spokesman, X," (not "a spokesman for Y, X": whose the office is, unread)
                 or det in ("a", "an") and " for " not in (o.title or "")
                 or o.start == 0 or p.words[o.start - 1] in (".", "!", "?", ";", '"', "“")  # (a sentence's start)
                 or (det == "and" or det in LISTING_VERBS) and _series_member(p, j, reg)
                 # a list's next item: "X MP, Chief of Defence Staff, Lt. Gen. Y, ..."
                 or det == "," and (_series_member(p, j, reg) or _address_rank(p, j + 1, reg)))
                and j + 1 < n and (not longest_match(p.folded, j + 1, reg.titles, 3)[0] or _envoy_rank(p, j + 1, reg)
                                   or _address_rank(p, j + 1, reg)))


def _past_comma(p: Paragraph, o: _Office, reg: Registry, introduced: bool) -> tuple[int, bool]:
    """Where the name starts after the comma that follows the title, and whether the comma still
    stands between them: after a rank used as a form of address ("Chairman of the Sovereignty
    Council, General X"; "the Minister of Foreign Affairs, Ambassador X"), after a description
    of the holder ("the U.S. envoy, State Department official X"); when another title follows
    the comma, it presents the name ("its military chief, Senior General X")."""
    n, j = len(p.words), o.j
    k = j + 1
    rank = longest_match(p.folded, k, reg.titles, 3)[0] if k < n and p.folded[k] in reg.title_starts else 0
    if rank and (o.body or o.code or introduced) and " ".join(p.folded[k:k + rank]) in ADDRESS_RANKS \
            and _name_at(p, k + rank, reg, True) - (k + rank) >= 2:
        return k + rank, True
    if _envoy_rank(p, k, reg):
        return k + 1, True
    if rank > 1 and reg.titles.get((p.folded[k + rank - 1],)) == "weak" and o.kind == "strong" \
            and _name_at(p, k + rank, reg, True) - (k + rank) >= 2:
        return k + rank, True
    if longest_match(p.folded, j + 1, reg.titles, 3)[0]:
        return j, False
    return k, True


def _rank_before_name(p: Paragraph, o: _Office, k: int, reg: Registry) -> int | None:
    """At token k, right after the title and no comma: the tokens of a rank used as a form of
    address ("Prime Minister Gen. X", "Minister for Foreign Affairs Senator the Hon X",
    "Colonel General", "Rear Admiral"), 0 when the words are no rank ("Foreign Minister Amir Khan
    X", "Crown Prince Sultan bin Y": a given name; or no title at all), None when another title
    starts there and presents the name itself."""
    n = len(p.words)
    tl, _ = longest_match(p.folded, k, reg.titles, 3)
    while tl and k + tl < n and " ".join(p.folded[k:k + tl + 1]) in ADDRESS_RANKS:
        tl += 1  # ("Colonel General", "Rear Admiral": a rank of two words)
    if tl and (o.kind in ("strong", "counterpart") or o.body) and " ".join(p.folded[k:k + tl]) in ADDRESS_RANKS:
        return tl
    if tl == 1 and o.kind == "strong" and p.folded[k] in GIVEN_NAME_TITLES and _name_at(p, k + 1, reg, True) > k + 1:
        return 0
    return None if tl else 0


def _series_member(p: Paragraph, j: int, reg: Registry) -> bool:
    """"the Trade Minister, X, and Finance Minister, Y, arrived": after "and", an office set off from
    its holder by a comma, the holder's full name closed by a comma or the sentence's end."""
    n = len(p.words)
    if j + 2 >= n or p.words[j] != ",":
        return False
    end = _name_at(p, j + 1, reg, after_title=True)
    return end - (j + 1) >= 2 and (end == n or p.words[end] in (",", ".", ";", ")"))


def _name_after_clause(p: Paragraph, o: _Office, reg: Registry) -> tuple[int, int] | None:
    """"The presidential adviser who is also the head of the delegation, X Y, said": the name in
    apposition after a relative clause that describes the office's holder."""
    n, j = len(p.words), o.j
    if not (j + 3 < n and p.folded[j] in ("who", "whose") and o.start > 0
            and p.folded[max(o.start - 1, 0)] == "the"):
        return None
    for c in range(j + 2, min(j + 20, n - 2)):
        if p.words[c] in (".", ";", "!", "?"):
            return None
        if p.words[c] == ",":
            end = _name_at(p, c + 1, reg, after_title=True)
            if end - (c + 1) >= 2 and end < n and p.words[end] in (",", ")"):
                return c + 1 + _address_at(p, c + 1, reg), end
            return None
    return None


def _address_rank(p: Paragraph, k: int, reg: Registry) -> bool:
    """A rank used as a form of address at token k ("General", "Senator") before a name of two
    words or more: "The Minister for Foreign Affairs, Senator the Hon. X"."""
    rank = longest_match(p.folded, k, reg.titles, 3)[0] if p.folded[k] in reg.title_starts else 0
    return rank > 0 and " ".join(p.folded[k:k + rank]) in ADDRESS_RANKS \
        and _name_at(p, k + rank, reg, True) - (k + rank) >= 2


def _relative_name(p: Paragraph, start: int, reg: Registry) -> tuple[int, int] | None:
    """"X, who serves as Foreign Minister of Y", "X, who presented his credentials as Ambassador":
    the name before a relative clause whose "as" presents the title at `start`."""
    k = start
    while k > 0 and p.folded[k - 1] in ARTICLES:
        k -= 1
    if k < 4 or p.folded[k - 1] not in ("as", "is", "was"):  # ("X, who is Peru's foreign minister")
        return None
    for w in range(k - 2, max(k - 10, 1), -1):
        if p.words[w] in (".", ";", "!", "?", ","):
            return None
        if p.folded[w] == "who":
            return _appositive_name(p, w, reg)
    return None


def _named_to_office(p: Paragraph, start: int, reg: Registry) -> tuple[int, int] | None:
    """"X ... on his appointment as the ninth prime minister of Y", "congratulated X on her
    election as President", "the letters of X, accrediting him as Ambassador": the office a person
    was named, elected, accredited or sworn in to, at `start`, is that of the nearest name of two
    words or more before "his", "her" or "him" in the sentence."""
    k = start
    while k > 0 and (p.folded[k - 1] in ARTICLES or p.folded[k - 1] in ORDINAL_WORDS
                     or p.folded[k - 1] in TRANSPARENT):
        k -= 1
    if k < 4 or p.folded[k - 1] != "as" or not (p.folded[k - 2] in OFFICE_EVENTS and p.folded[k - 3] in POSSESSIVES
                                                or p.folded[k - 2] in ("him", "her")
                                                and p.folded[k - 3] in APPOINTING_VERBS):
        return None  # ("on his appointment as", "accrediting him as")
    for w in range(k - 4, max(k - 30, 0) - 1, -1):
        if p.words[w] in (".", ";", "!", "?"):
            return None
        if is_capitalised(p.words[w]) and (w == 0 or not is_capitalised(p.words[w - 1])):
            end = _name_at(p, w, reg, after_title=False)  # (forms of address before it are left out)
            if end - w - _address_at(p, w, reg) >= 2 and end <= k - 3:
                return w + _address_at(p, w, reg), end
    return None


def _apposed_end(p: Paragraph, o: _Office, reg: Registry) -> int:
    """Where scanning resumes after a skipped title: after an organisation's office, a rank and
    a name in apposition are that official's too ("the bloc's Secretary-General, Ambassador X")."""
    j = o.j
    if j + 1 < len(p.words) and p.words[j] == "," and _serves_organisation(p, o.i, j, reg):
        tl, _ = longest_match(p.folded, j + 1, reg.titles)
        if tl:
            return _name_at(p, j + 1 + tl, reg, after_title=True)
    return j


def _ranks_before(p: Paragraph, i: int, tl: int, reg: Registry) -> int:
    """"First Deputy Foreign Minister", "Senior Deputy Minister": where a title starts when more
    ranks stand before a ranked one (a capitalised word that ranks the same office as the rank
    after it: "First Foreign Minister" is a title as "Deputy Foreign Minister" is). `tl`: the
    length of the title at token i (_title_at)."""
    rest = tuple(p.folded[i + 1:i + tl])
    # (a word that starts no title cannot start one with the rest: one set look-up spares the two walks)
    while i > 0 and rest and p.words[i - 1][:1].isupper() and p.folded[i - 1] in reg.titles.firsts \
            and rest in reg.titles and (p.folded[i - 1],) + rest in reg.titles:
        i -= 1
    return i


def _body_before(p: Paragraph, i: int, reg: Registry) -> int:
    """Where the name of a state's body written before the office at token i starts ("National
    Assembly Speaker", "Security Council Secretary", "Lok Sabha Speaker"): capitalised words,
    the last of which ends a body's name, after a word in lower case, a sentence's start or a
    state ("Iran's Supreme National Security Council Secretary": the state stays the state's)."""
    if not (i > 0 and p.folded[i - 1] in STATE_BODIES and p.words[i - 1][:1].isupper()) \
            or longest_match_ending(p.folded, i, reg.country_names)[0]:  # ("Central African Republic")
        return i
    def state(t):
        return any((p.folded[t],) in table for table in (reg.country_names, reg.demonyms)) or p.folded[t] == "'s"
    k = i - 1
    while k > 0 and i - k < 6:  # ("Chamber of Deputies President": "of" between capitalised words)
        if k > 1 and p.folded[k - 1] == "of" and p.words[k - 2][:1].isupper() and not state(k - 2):
            k -= 1
        elif p.words[k - 1][:1].isupper() and p.words[k - 1][0].isalpha() and not state(k - 1):
            k -= 1
        else:
            break
    if p.folded[k] == "of":
        return i
    opens = k == 0 or p.words[k - 1] in (".", "!", "?", '"', "“", ",", "(") or not p.words[k - 1][:1].isupper()
    b = k - 1 if k > 0 and p.folded[k - 1] == "the" else k
    if b > 0 and p.folded[b - 1] in ("of", "to", "for"):
        return i  # "Chairman of the State Council Senior General X": the body is the office's before
    if not (opens or state(k - 1)) or any((p.folded[t],) in reg.titles or honorifics_at(p.folded, p.words, t)
                                          or longest_match(p.folded, t, reg.organisations)[0] for t in range(k, i)):
        return i  # ("President National Assembly ...", "UN Security Council President": not a state's body)
    return k


def _office_at(p: Paragraph, i: int, reg: Registry) -> _Office | None:
    """The title at token i with all the text says around it, or None when there is none."""
    j, kind, tl = _title_at(p, i, reg)
    if kind is None:
        return None
    if kind != "counterpart":
        i = _ranks_before(p, i, tl, reg)
        i = _domains_before(p, i, reg)
        dl, _ = longest_match_ending(p.folded, i, reg.domains)
        if dl and all(p.words[k][:1].isupper() for k in range(i - dl, i)):
            i -= dl  # "Foreign Affairs Principal Secretary": the field before a ranked office
        w = p.words[i - 1] if i else ""
        if 2 <= len(w) <= 5 and w.isalpha() and w.isupper() and not honorifics_at(p.folded, p.words, i - 1) \
                and not any((p.folded[i - 1],) in t for t in (reg.country_names, reg.demonyms, reg.organisations)):
            i -= 1  # "NSC Senior Director", "MFA Spokesperson": the body's acronym is part of the office
        i = _body_before(p, i, reg)
        if i > 1 and p.folded[i - 1] == "'s" and tuple(p.folded[i - 2:i - 1]) in HEAD_OFFICES \
                and fold(p.words[j - 1]) in AIDE_WORDS:
            i -= 2  # "the President's Senior Adviser": the office the aide serves is part of the title
    if kind == "weak" and i > 0 and p.folded[i - 1] in reg.weak_qualifiers:
        i -= 1  # "opposition leader", "top diplomat": the qualifier is part of the office
    code, former, start = _look_back(p, i, reg)
    title = None if kind == "counterpart" else _span_text(p, i, j)
    return _Office(i, j, kind, code, former, start, title)


def scan(p: Paragraph, pi: int, reg: Registry) -> tuple[list[Found], set[int]]:
    """Title-anchored mentions in one paragraph, and the tokens their country words used."""
    found, used = [], set()
    nxt = 0
    folded, trie, last = p.folded, reg.titles.trie, len(p.folded) - 1
    # the tokens a title (or "counterpart") starts with, found without a Python loop
    for i in list(compress(count(), map(reg.title_starts.__contains__, folded))):
        if i < nxt:
            continue
        node = trie.get(folded[i])  # (None for "counterpart")
        if node is not None and None not in node and (i == last or folded[i + 1] not in node):
            continue  # a title's first word, no title alone, that the next word does not go on with ("government")
        o = _office_at(p, i, reg)
        if o is None:
            continue
        if _skipped(p, o, reg):
            nxt = _apposed_end(p, o, reg)
            continue
        _mayor_place(p, o, reg)
        _served_state(p, o, reg)
        _embassy_served(p, o, reg)
        _principal_served(p, o, reg)
        _department_served(p, o, reg)
        _portfolio(p, o, reg)
        _second_office_joined(p, o, reg)
        _bracketed(p, o)
        _abbreviated_office(p, o, reg)
        span, end = _name_after(p, o, reg)
        nxt = o.j
        if span:
            a, b = span
            if o.code is None and b > o.j and b + 1 < len(p.words) and p.folded[b] == "of":
                # "President X of Iceland": the state after the name
                size, code, possessive = _state_after(p, b + 1, reg, demonyms=False)
                if not size:  # "Minister-Counsellor X of the Korean Embassy": a body of that state
                    size, code, possessive = _state_after(p, b + 1, reg)
                    body = b + 1 + size
                    size = size if size and body < len(p.words) and p.folded[body] in PARTY_NOUNS else 0
                if size and not possessive:
                    o.code, end = code, b + 1 + size
            used.update(range(o.start, o.i))
            # a city inside a title ("Permanent Representative to the United Nations in New York")
            # is neither where the event is nor whose the next official is
            used.update(t for t in range(o.i, o.j) if p.folded[t] in reg.places.firsts
                        and longest_match(p.folded, t, reg.places)[0])
            if o.code is None and b > o.j:
                o.code = _relative_state(p, b, reg) or _first_of_state(p, b, o, reg)
            if o.to is None and o.title and not ENVOYS.isdisjoint(p.folded[o.i:o.j]):
                o.to = _accredited_to(p, max(b, o.j), reg)
            if o.code is None and found and o.start > 2 and p.folded[o.start - 1] == "and" \
                    and p.words[o.start - 2] == "," and found[-1].end == p.spans[o.start - 3][1]:
                o.code = found[-1].country  # "X's Trade Minister, Y, and Finance Minister, Z": one state for the series
            found.append(Found(name=_span_text(p, a, b), title=o.title, country=o.code, former=o.former, para=pi,
                               start=p.spans[a][0], end=p.spans[b - 1][1],
                               weak=o.kind == "weak" or (o.title is not None and fold(o.title) in RANKS),
                               counterpart=o.kind == "counterpart", at=min(o.start, a), dest=o.dest,
                               to=o.to))
            nxt = max(end, o.j)
    return [f for f in found if not _consort(p, f, found)], used


def _bracketed(p: Paragraph, o: _Office) -> None:
    """"Secretary (East) X", "Secretary (Economic Relations) X": a designation in brackets after an
    office, before the holder's name, is part of the title."""
    j, n = o.j, len(p.words)
    if o.kind != "strong" or not o.title or j + 3 >= n or p.words[j] != "(":
        return
    close = next((t for t in range(j + 2, min(j + 6, n)) if p.words[t] == ")"), None)
    if close is None or close + 1 >= n or not all(p.words[t][:1].isupper() for t in range(j + 1, close)) \
            or not is_capitalised(p.words[close + 1]):
        return
    if all(p.folded[t] in RETIRED_WORDS for t in range(j + 1, close)):
        o.j, o.former = close + 1, True  # "General (retd) X": held the office, no part of the title
        return
    o.j, o.title = close + 1, _span_text(p, o.i, close + 1)


RETIRED_WORDS = words("retired_words") | {"."}


def _abbreviated_office(p: Paragraph, o: _Office, reg: Registry) -> None:
    """"the Minister of State (MoS) for External Affairs": the office's abbreviation in brackets
    between the office and its portfolio; both are part of the title, as written."""
    j, n = o.j, len(p.words)
    if not o.title or j + 4 >= n or p.words[j] != "(" or p.words[j + 2] != ")" or p.folded[j + 3] != "for":
        return
    abbreviation = p.words[j + 1]
    if not (abbreviation.isalpha() and sum(c.isupper() for c in abbreviation) >= 2):
        return
    end = _portfolio_end(p, j + 3)
    if end is not None:
        o.j, o.title = end, _span_text(p, o.i, end)


def _second_office_joined(p: Paragraph, o: _Office, reg: Registry) -> None:
    """"First Secretary of the Central Committee ... and President of the Republic, X", "Deputy
    Ruler of Abu Dhabi and National Security Advisor": after a body, a place or a portfolio that
    ends the first office, "and" joins a second office of the same holder."""
    n = len(p.words)
    if o.kind == "counterpart" or not o.title or not (o.j + 2 < n and p.folded[o.j] in ("and", ",")
                                                     and p.folded[o.j + 1] in reg.title_starts):
        return
    if p.folded[o.j] == ",":  # "X, High Representative for ..., Vice-President of the Commission.": a
        second = _office_at(p, o.j + 1, reg)  # second office after a comma, with no name of its own
        if second is None or second.i != o.j + 1 or second.kind != "strong" or not _appositive_name(p, o.start, reg):
            return
        _served_state(p, second, reg)
        _portfolio(p, second, reg)
        if second.j >= n or p.words[second.j] in (".", ";", "!", "?") or p.words[second.j] == "," and \
                _name_at(p, second.j + 1, reg, True) == second.j + 1:
            o.j, o.title = second.j, f"{o.title}, {_span_text(p, second.i, second.j)}"
        return
    second = _office_at(p, o.j + 1, reg)
    if second is None or second.i != o.j + 1 or second.kind == "counterpart" or \
            second.kind == "weak" and not _qualified(p, second, reg):
        return
    _served_state(p, second, reg)
    _portfolio(p, second, reg)
    o.j, o.title, o.code = second.j, _span_text(p, o.i, second.j), o.code or second.code


def _consort(p: Paragraph, f: Found, found: list[Found]) -> bool:
    """"King X and Queen Y", "the Emperor and Empress": a consort named with the monarch holds
    no office of state."""
    if not f.title or fold(f.title) not in CONSORT_TITLES:
        return False
    k = f.at
    while k > 0 and (p.folded[k - 1] in HONORIFICS or honorifics_at(p.folded, p.words, k - 1)):
        k -= 1  # ("and Her Majesty Queen Y")
    if k < 2 or p.folded[k - 1] != "and":
        return False
    b = k - 1  # the monarch's mention ends before "and", or its "of Bhutan"
    while b > 0 and k - 1 - b < 4 and (p.folded[b - 1] in ("of", "the") or p.words[b - 1][:1].isupper()):
        if any(g.end == p.spans[b - 1][1] and g.title and fold(g.title) in MONARCH_TITLES for g in found):
            return True
        b -= 1
    return False


def _taken(taken: list[Found], pi: int, start: int, stop: int) -> bool:
    """Whether a mention already found in paragraph pi overlaps the characters start..stop."""
    return any(f.para == pi and f.start < stop and start < f.end for f in taken)


def possessed_officials(p: Paragraph, pi: int, reg: Registry, taken: list[Found]) -> list[Found]:
    """"Germany's Angela Merkel": a state's possessive before a full personal name presents that
    person as one who acts for the state; the office is left unstated. A lone word ("Russia's
    Gazprom") is not a personal name, and what a title-anchored mention already took stays its."""
    out: list[Found] = []
    if "'s" not in p.vocab:  # most paragraphs: one set look-up
        return out
    for i in [k for k, f in enumerate(p.folded) if f == "'s" and 1 <= k < len(p.words) - 2]:
        n, code = longest_match_ending(p.folded, i, reg.country_names)
        if not n:
            continue
        end = _name_at(p, i + 1, reg, after_title=False)
        if end - (i + 1) < 2 or (end < len(p.words) and p.words[end][:1].isupper()):
            continue
        start, stop = p.spans[i + 1][0], p.spans[end - 1][1]
        if _taken(taken, pi, start, stop) or \
                longest_match(p.folded, i + 1, reg.organisations)[0] or \
                any(f in NOT_NAME_NOUNS for f in p.folded[i + 1:end]):
            continue
        out.append(Found(name=p.text[start:stop], title=None, country=code, former=False, para=pi,
                         start=start, end=stop, weak=True, at=i - n))
    return out


def delayed_official(paras: list[Paragraph], first: int, found: list[Found], reg: Registry) -> list[Found]:
    """The delayed identification of agency leads: "Vietnam's deputy foreign minister said Tuesday
    ..." and then "Phan Van Khiem, who arrived on Monday, said ...": an office of a state that opens
    the lead with no name names the person whose name opens the next paragraph."""
    if len(paras) < first + 2:
        return []
    lead, nxt = paras[first], paras[first + 1]
    i = next((i for i in range(min(6, len(lead.words))) if lead.folded[i] in reg.title_starts), None)
    o = _office_at(lead, i, reg) if i is not None else None
    if o is None or o.kind != "strong" or o.code is None or o.start > 1 or o.j >= len(lead.words) \
            or _name_at(lead, o.j, reg, True) > o.j or lead.words[o.j] == ",":
        return []  # (an office with its holder's name, or one in apposition: not this form)
    if any(f.para == first for f in found):
        return []  # the lead names someone: the office may be theirs
    b = _name_at(nxt, 0, reg, True)
    if b < 2 or b >= len(nxt.words) or not (nxt.words[b] == "," or nxt.words[b][:1].islower()):
        return []
    start, stop = nxt.spans[0][0], nxt.spans[b - 1][1]
    taken = next((f for f in found if f.para == first + 1 and f.start < stop and start < f.end), None)
    if taken is not None:
        if taken.title is None:
            taken.title, taken.country = o.title, taken.country or o.code
        return []
    return [Found(name=nxt.text[start:stop], title=o.title, country=o.code, former=o.former, para=first + 1,
                  start=start, end=stop, at=0)]


SUCCESSION_WORDS = SUCCESSION_NOUNS | SUCCESSION_VERBS


def succession_officials(p: Paragraph, pi: int, reg: Registry, taken: list[Found]) -> list[Found]:
    """"Han's predecessor Kim Boo-kyum", "his successor, X Y": a full name right after an
    official's predecessor or successor names one who held (or will hold) that office; the office
    and state are the other official's (resolve)."""
    out: list[Found] = []
    if SUCCESSION_WORDS.isdisjoint(p.vocab):  # (one cheap test: most paragraphs hold none)
        return out
    n = len(p.words)
    nouns = [t for t, f in enumerate(p.folded) if f in SUCCESSION_NOUNS]
    for t in nouns:
        k = t - 1
        while k > 0 and t - k <= 2 and p.words[k][:1].islower() and p.folded[k] not in POSSESSIVES:
            k -= 1  # ("far-right predecessor")
        if k < 0 or not (p.folded[k] in POSSESSIVES or p.folded[k] == "'s"):
            continue
        a = t + 1 + (t + 1 < n and p.words[t + 1] == ",")
        b = _name_at(p, a, reg, after_title=True)
        if b - a < 2:
            continue  # a full name only: "his predecessor Park" may be anyone's surname
        start, stop = p.spans[a][0], p.spans[b - 1][1]
        if _taken(taken, pi, start, stop):
            continue
        out.append(Found(name=p.text[start:stop], title=None, country=None, former=p.folded[t].startswith("pre"),
                         para=pi, start=start, end=stop, at=a))
    if not SUCCESSION_VERBS.isdisjoint(p.vocab):
        out += _succeeded_as(p, pi, reg, taken + out)
    return out


def _succeeded_as(p: Paragraph, pi: int, reg: Registry, taken: list[Found]) -> list[Found]:
    """"who succeeded Ariel X as prime minister", "X Y, whom the president dismissed as prime
    minister": the one the office passed from held it. A name not found yet is found with the
    office; one found without an office takes it."""
    out: list[Found] = []
    n = len(p.words)
    for v in [v for v, f in enumerate(p.folded) if f in SUCCESSION_VERBS]:
        whom = next((k for k in range(max(0, v - 5), v) if p.folded[k] == "whom"), None)
        if whom is not None:  # the name before ", whom" (or before ", the Hamas leader whom"): the office
            c = whom - 1  # is after the verb
            while c > max(0, whom - 7) and p.words[c] != ",":
                c -= 1
            a = c - 1 if p.words[c] == "," else whom - 1
            named = next((f for f in taken if f.para == pi and f.end == p.spans[a][1]), None) if a >= 0 else None
            if named is None and a >= 1:  # a name of two words or more, not found yet
                k = a
                while k > 0 and a - k < 5 and p.words[k - 1][:1].isupper() and p.words[k - 1][0].isalpha():
                    k -= 1
                if a - k >= 1 and _name_at(p, k, reg, True) == a + 1:
                    named = Found(name=_span_text(p, k, a + 1), title=None, country=None, former=True, para=pi,
                                  start=p.spans[k][0], end=p.spans[a][1], at=k)
                    out.append(named)
            a = b = v + 1
        else:
            named, a = None, v + 1
            b = _name_at(p, a, reg, after_title=True)
            if b - a < 2 and not any(f.para == pi and f.start == p.spans[a][0] for f in taken if a < n):
                continue
            b = max(b, a + 1)
        if not (b + 1 < n and p.folded[b] == "as"):
            continue
        k = b + 1 + (p.folded[b + 1] == "the")
        tl, kind = longest_match(p.folded, k, reg.titles)
        if not tl or kind == "counterpart":
            continue
        title = _span_text(p, k, _fields_after(p, k + tl, reg))
        if named is None and a < b:
            start, stop = p.spans[a][0], p.spans[b - 1][1]
            named = next((f for f in taken if f.para == pi and f.start < stop and start < f.end), None)
            if named is None:
                out.append(Found(name=p.text[start:stop], title=title, country=None, former=True, para=pi,
                                 start=start, end=stop, at=a))
                continue
        if named is not None and named.title is None:
            named.title = title
    return out


def _series(p: Paragraph, j: int, item, seps: tuple[str, ...] = (",", "and")) -> tuple[list, int]:
    """The values of a list "A, B and C" (also "A and B", "A, B, and C"; with `seps` holding ";",
    "A; B; and C") starting at token j, as `item(j) -> (tokens, value)` reads each, and the token
    after the last."""
    values, n = [], len(p.words)
    while True:
        size, value = item(j)
        if not size:
            return values, j
        values.append(value)
        end = j + size
        nxt = end + 1 if end < n and p.folded[end] in seps else end
        if nxt < n and p.folded[nxt] == "and" and p.folded[end] in (",", ";"):
            nxt += 1
        if nxt == end or not item(nxt)[0]:
            return values, end
        j = nxt


# Verbs after a plural office that open a roster of its holders ("The ambassadors are X from A, ...").
ROSTER_VERBS = words("roster_verbs")


def _singular(word: str) -> str:
    """"secretaries" -> "secretary", "Ministers" -> "Minister" (the plural of an office word)."""
    if word[-3:] in ("ies", "IES"):
        return word[:-3] + ("y" if word[-1] == "s" else "Y")
    return word[:-1] if word[-1:] in "sS" else word


_PLURALS: list = [None, frozenset()]  # the table they were made from, and the plurals


def _plurals(titles) -> frozenset[str]:
    """The plural forms of the last words of titles ("ministers", "secretaries"), made once per table."""
    if _PLURALS[0] is not titles:
        words = [w for w in titles.rtrie if w and w.isalpha()]
        plurals = [w + "s" for w in words] + [w[:-1] + "ies" for w in words if w.endswith("y")]
        suffixed = [w + x for w in plurals for x in OFFICE_SUFFIXES]
        _PLURALS[:] = [titles, frozenset(plurals + suffixed + ["counterparts"])]
    return _PLURALS[1]


# Endings joined to an office by a hyphen, which the plural does not take ("Ambassadors-Designate").
OFFICE_SUFFIXES = ("-designate", "-elect")


def _plural_office(p: Paragraph, t: int, reg: Registry) -> tuple[int, str] | None:
    """A plural office ending at token t ("Cabinet Secretaries", "presidents",
    "Ambassadors-Designate"): its first token and the singular title as written ("Cabinet
    Secretary", "Ambassador-Designate")."""
    f = p.folded[t]
    suffix = next((x for x in OFFICE_SUFFIXES if f.endswith(x)), "")
    if suffix:
        f = f[:-len(suffix)]
    if len(f) < 4 or f[-1] != "s" or not p.words[t][:1].isalpha():
        return None
    if f == "counterparts":  # the office of the official whose counterparts they are (resolve)
        return (t, None) if t and (p.folded[t - 1] in POSSESSIVES or
                                   longest_match_ending(p.folded, t, reg.demonyms)[0]) else None
    one = _singular(f)
    if one not in reg.titles.rtrie:
        return None
    window = p.folded[max(0, t - 4):t] + [one]
    size, kind = longest_match_ending(window, len(window), reg.titles)
    if not size or kind == "counterpart":
        return None
    a = t - size + 1
    word = p.words[t][:len(p.words[t]) - len(suffix)]
    return a, (_span_text(p, a, t) + " " if a < t else "") + _singular(word) + p.words[t][len(word):]


def _demonyms_before(p: Paragraph, k: int, reg: Registry) -> tuple[list[str], int]:
    """The states of a list of nationality words ending just before token k ("the Colombian and
    Ecuadorean"), in the order written, and where the list starts."""
    codes: list[str] = []
    while k > 0:
        size, value = longest_match_ending(p.folded, k, reg.demonyms)
        if not size:
            break
        codes.insert(0, value[0])
        k -= size
        if k > 1 and p.folded[k - 1] in (",", "and") and longest_match_ending(p.folded, k - 1, reg.demonyms)[0]:
            k -= 1
        elif k > 2 and p.folded[k - 1] == "and" and p.folded[k - 2] == "," and \
                longest_match_ending(p.folded, k - 2, reg.demonyms)[0]:
            k -= 2
        else:
            break
    return codes, k


def _destination(p: Paragraph, j: int, reg: Registry) -> tuple[int, str]:
    """"to China" at token j after an envoy's office: its tokens and text (0 when none)."""
    if j + 1 < len(p.words) and p.folded[j] == "to":
        size, _, possessive = _state_after(p, j + 1, reg, demonyms=False)
        if size and not possessive:
            return 1 + size, _span_text(p, j, j + 1 + size)
    return 0, ""


def _earlier_destination(paras: list[Paragraph], plural: str, reg: Registry) -> str:
    """The destination an earlier mention of a plural envoy office gave ("11 new ambassadors to
    China" before "The ambassadors are ..."): the roster's envoys hold the same office."""
    for q in paras:
        for t in [k for k, f in enumerate(q.folded) if f == plural]:
            size, text = _destination(q, t + 1, reg)
            if size:
                return text
    return ""


def _says_respectively(p: Paragraph, end: int) -> bool:
    """Whether "respectively" (after a comma or not) follows the list that ends at token `end`."""
    k = end + (end < len(p.words) and p.words[end] == ",")
    return k < len(p.words) and p.folded[k] == "respectively"


def plural_officials(p: Paragraph, pi: int, reg: Registry, taken: list[Found],
                     before: list[Paragraph] = ()) -> list[Found]:
    """Offices written in the plural before the list of their holders, each holding the office:
    - "Cabinet Secretaries X and Y", "Presidents X and Nigeria's Y": the names follow at once;
    - "the Colombian and Ecuadorean presidents, X and Y, respectively", "the foreign ministers
      of Chile and Peru, X and Y": states listed before or after the office pair with the names
      in order;
    - "The ambassadors are X from Norway, Y from Spain ...": a roster, each name with its state;
      the office is that of the plural's earlier mention ("new ambassadors to China").
    Each plural office is read by `_plural_holders`; a holder already found is not found again."""
    out: list[Found] = []
    plurals = _plurals(reg.titles)  # ("counterparts" among them)
    if plurals.isdisjoint(p.vocab):
        return out  # (most paragraphs: none, and the readers below need not be made)
    n = len(p.words)
    items = _ListItems(p, reg)
    for t in compress(count(), map(plurals.__contains__, p.folded)):
        if t >= n - 2:
            break
        office = _plural_office(p, t, reg)
        if office is None:
            continue
        for f in _plural_holders(p, pi, t, office, reg, items, before):
            if not _taken(taken + out, pi, f.start, f.end):
                out.append(f)
    return out


class _ListItems:
    """The readers of one item of a list after (or before) a plural office, for `_series`: each
    takes a token index and gives (tokens read, value), (0, None) when no item starts there."""

    __slots__ = ("p", "reg", "n")

    def __init__(self, p: Paragraph, reg: Registry) -> None:
        self.p, self.reg, self.n = p, reg, len(p.words)

    def name(self, j: int):  # a name of two words or more: (start, end, no state)
        end = _name_at(self.p, j, self.reg, after_title=True)
        return (end - j, (j, end, None)) if end - j >= 2 else (0, None)

    def owned_name(self, j: int):  # "Nigeria's Olusegun Obasanjo"
        p = self.p
        size, code = longest_match(p.folded, j, self.reg.country_names)
        if size and j + size < self.n and p.folded[j + size] == "'s":
            got, value = self.name(j + size + 1)
            return (size + 1 + got, (value[0], value[1], code)) if got else (0, None)
        return self.name(j)

    def country(self, j: int):  # a state's name: its code
        return longest_match(self.p.folded, j, self.reg.country_names)

    def portfolio(self, j: int):  # "Finance", "Foreign Affairs", "of Economy": a ministry's field as written
        p = self.p
        of = j + 1 < self.n and p.folded[j] == "of"
        size, _ = longest_match(p.folded, j + of, self.reg.domains)
        return (of + size, _span_text(p, j + of, j + of + size)) if size and p.words[j + of][:1].isupper() \
            else (0, None)

    def titled_name(self, j: int):  # "Algerian PM Ahmed Ouyahia" as an item of a list of counterparts
        p = self.p
        size, codes = longest_match(p.folded, j, self.reg.demonyms)
        tl, _ = longest_match(p.folded, j + size, self.reg.titles) if j + size < self.n else (0, None)
        if not tl or not p.words[j + size][:1].isupper():
            return 0, None
        got, value = self.name(j + size + tl)
        return (size + tl + got, (value[0], value[1], codes[0] if size else None)) if got else (0, None)

    def stated_name(self, j: int):  # "Nigeria's Olusegun Obasanjo", "Ivan Horvat of Croatia", "Ana Rojas (Peru)"
        p, n = self.p, self.n
        got, value = self.owned_name(j)
        if not got:
            return self.titled_name(j)
        if value[2] is None and j + got + 1 < n and p.folded[j + got] in ("of", "from", "("):
            size, code, possessive = _state_after(p, j + got + 1, self.reg, demonyms=False)
            closed = p.folded[j + got] != "(" or j + got + 1 + size < n and p.words[j + got + 1 + size] == ")"
            if size and not possessive and closed:
                return got + 1 + size + (p.folded[j + got] == "("), (value[0], value[1], code)
        return got, value

    def member(self, j: int):
        """"Geir Berg from Norway"; a name of one word too ("Sukarni from Indonesia"); after a form
        of address ("Dr. X of Y"); the state after a comma ("X, the Republic of Y", "X,
        representing Y")."""
        p, n = self.p, self.n
        k = j + _address_at(p, j, self.reg)
        end = _name_at(p, k, self.reg, after_title=True)
        if k > j and end - k < 2:  # ("Tun Lwin": a one-word name after what may be a form of address)
            k, end = j, _name_at(p, j, self.reg, after_title=True)
        if end <= k or end >= n:
            return 0, None
        at = end + 1
        if p.folded[end] == "," and at < n and p.folded[at] == "representing":
            at += 1
        elif p.folded[end] not in ("from", "of", ","):
            return 0, None
        size, code, possessive = _state_after(p, at, self.reg, demonyms=False)
        if not size or possessive:
            return 0, None
        if p.folded[end] == "," and at + size < n and p.folded[at + size] not in (";", ",", ".", "and"):
            return 0, None  # (after a comma, the state is all the item holds)
        return at + size - j, (k, end, code)


def _plural_holders(p: Paragraph, pi: int, t: int, office: tuple[int, str | None], reg: Registry,
                    items: _ListItems, before: list[Paragraph]) -> list[Found]:
    """The holders of the plural office at token t (its words start at office[0]), in the first of
    these forms that fits: the names before the office ("X and Y, the foreign ministers of A and
    B"), a ministry's fields paired with names ("the Ministers of Finance and Health, X and Y"),
    a roster ("are X from A, Y from B"), or the names after it."""
    n = len(p.words)
    a, title = office
    codes, first = _demonyms_before(p, a, reg)
    size, dest = _destination(p, t + 1, reg)
    j = t + 1 + size
    if j + 1 >= n:
        return []  # the paragraph ends with the office: no one is named
    portfolios: list[str] = []
    if p.folded[j] in ("of", "from") and not codes:  # "the foreign ministers of Chile and Peru"
        codes, portfolios, j = _states_or_fields(p, j, items)
    if j >= n:
        return []
    if codes and (first > 1 and p.words[first - 1] == ","
                  or first > 2 and p.folded[first - 1] == "the" and p.words[first - 2] == ","):
        named = _holders_before(p, pi, first, codes, title, items)
        if named is not None:
            return named
    if portfolios:
        return _holders_of_fields(p, pi, j, first, title, portfolios, items)
    if p.folded[j] in ROSTER_VERBS:
        k = j + 1 + honorifics_at(p.folded, p.words, j + 1)  # "are Their Excellencies, X of A; Y of B"
        k = k + 1 if k > j + 1 and k < n and p.words[k] == "," else j + 1  # (but "are Tun Lwin of A")
        listed, _ = _series(p, k, items.member, seps=(",", "and", ";"))
        dest = dest or _earlier_destination([*before, p], p.folded[t], reg)
    else:
        listed = _holders_after(p, j, codes, title, items)
    if len(listed) < 2:
        return []
    full = f"{title} {dest}" if dest and title else title
    # (counterparts are paired in order with the officials named before: `nth`)
    return [Found(name=p.text[p.spans[s][0]:p.spans[e - 1][1]], title=full, country=code, former=False, para=pi,
                  start=p.spans[s][0], end=p.spans[e - 1][1], at=min(first, s), counterpart=title is None,
                  nth=(k, len(listed)) if title is None else None)
            for k, (s, e, code) in enumerate(listed)]


def _states_or_fields(p: Paragraph, j: int, items: _ListItems) -> tuple[list[str], list[str], int]:
    """After "of"/"from" at token j: the states listed ("the foreign ministers of Chile and Peru"),
    or else a ministry's fields ("the Ministers of Finance and Health"), and the token after
    them; a group of states named before a comma ("counterparts from the Weimar Triangle, X of
    France and Y of Germany") is passed over to its members."""
    n = len(p.words)
    at = j + 1 + (p.folded[j + 1] == "the")
    portfolios: list[str] = []
    codes, j = _series(p, at, items.country)
    if not codes and p.folded[at - 1] == "of":
        portfolios, j = _series(p, at, items.portfolio)
    if not codes and not portfolios:
        k = at
        while k < n and k - at < 5 and p.words[k][0].isalpha():
            k += 1
        if at < k < n and p.words[k] == ",":
            j = k
    return codes, portfolios, j


def _holders_before(p: Paragraph, pi: int, first: int, codes: list[str], title: str | None,
                    items: _ListItems) -> list[Found] | None:
    """"Ana Rojas and Luis Soto, the foreign ministers of Peru and Chile": the names listed from
    the sentence's start to the comma before the office, one for each state; None when they
    do not fill the sentence up to it, or their number is not the states'."""
    comma = first - 1 if p.words[first - 1] == "," else first - 2
    s0 = comma
    while s0 > 0 and p.words[s0 - 1] not in (".", "!", "?", ";", ":"):
        s0 -= 1
    listed, stop = _series(p, s0, items.stated_name)
    if stop != comma or len(listed) != len(codes):
        return None
    return [Found(name=p.text[p.spans[s][0]:p.spans[e - 1][1]], title=title, country=code or state, former=False,
                  para=pi, start=p.spans[s][0], end=p.spans[e - 1][1], at=s, counterpart=title is None)
            for (s, e, code), state in zip(listed, codes)]


def _holders_of_fields(p: Paragraph, pi: int, j: int, first: int, title: str | None, portfolios: list[str],
                       items: _ListItems) -> list[Found]:
    """"the Ministers of Finance and Health, X and Y": each name holds the office of its field, in
    order ("their Ministers of Finance, X and Y": one field for all)."""
    listed, _ = _series(p, j + (p.words[j] in (",", ":")), items.stated_name)
    if len(portfolios) == 1 and len(listed) > 1:
        portfolios = portfolios * len(listed)
    if len(listed) != len(portfolios):
        return []
    return [Found(name=p.text[p.spans[s][0]:p.spans[e - 1][1]], title=f"{title} of {field}", country=code,
                  former=False, para=pi, start=p.spans[s][0], end=p.spans[e - 1][1], at=min(first, s))
            for (s, e, code), field in zip(listed, portfolios)]


def _holders_after(p: Paragraph, j: int, codes: list[str], title: str | None,
                   items: _ListItems) -> list[tuple[int, int, str | None]]:
    """The names listed after the office (at token j, after a comma or at once), each with its
    state: its own ("X of France"), else the one of the states listed, in order."""
    comma = p.words[j] == ","
    listed, end = _series(p, j + comma, items.stated_name)
    if comma and not (codes or _says_respectively(p, end) or len(listed) > 1 and all(c for *_, c in listed)):
        return []  # "the presidents, X and Y, met": names in apposition only with their states
        # (before the office, or after each name: "his counterparts, X of France and Y of Germany")
    if len(codes) == 1 and (title is None or not comma):
        codes = codes * len(listed)  # "their Australian counterparts, X and Y", "Lao Deputy
        # Prime Ministers X and Y": one state for all
    stateless = [k for k, (_, _, c) in enumerate(listed) if c is None]
    if codes and len(codes) != len(listed) and len(codes) == len(stateless):
        # "the presidents of Djibouti, X, Y of Tunisia and Z of Estonia": the states named before
        # go to the names that name none, in order
        given = dict(zip(stateless, codes))
        return [(s, e, c or given[k]) for k, (s, e, c) in enumerate(listed)]
    if codes and len(codes) != len(listed):
        return []
    return [(s, e, c or (codes[k] if codes else None)) for k, (s, e, c) in enumerate(listed)]


def take_sides(p: Paragraph, found: list[Found], reg: Registry) -> None:
    """"On the Palestinian side, it was attended by X and Y", "Also taking part on the Cuban side
    were ...", "The U.S. delegation consisted of X, Y and Z": officials named after a side's
    nationality word (or a delegation's, when a verb of listing follows it), to the end of its
    sentence, serve that side's state unless the text gives them another."""
    if SIDE_NOUNS.isdisjoint(p.vocab):
        return
    n = len(p.words)
    sides = [t for t, f in enumerate(p.folded) if f in SIDE_NOUNS]
    for k, nxt in zip(sides, sides[1:] + [n]):
        size, codes = longest_match_ending(p.folded, k, reg.demonyms)
        if not size:  # ("the U.S. delegation": a state's name as a nationality word)
            size, code = longest_match_ending(p.folded, k, reg.country_names)
            codes = (code,)
        if not size:
            continue
        listing = k + 1 + (k + 2 < n and p.folded[k + 1] == ",")  # ("the Kenyan delegation, including X")
        if p.folded[k] != "side" and not (listing < n and p.folded[listing] in LISTING_VERBS):
            continue  # "the Chinese delegation was received by X": X is not of it
        stops = (".", "!", "?", ";") if p.folded[k] == "side" else (".", "!", "?")  # (a list's items: ";")
        # to the sentence's end, or the next side's ("on the Chinese side by X and on the Russian side by Y")
        end = next((t for t in range(k + 1, nxt) if p.words[t] in stops), nxt)
        first, last = p.spans[k][1], p.spans[end - 1][1]
        for f in found:
            if f.country is None and first <= f.start < last:
                f.country = codes[0]


# Nouns of a side of talks, and the verbs that list its members after one ("the U.S. delegation
# consisted of ..."): officials listed there serve the side's state.
SIDE_NOUNS = words("side_nouns")
LISTING_VERBS = words("listing_verbs")
# Nouns after a name that make it the name of a thing ("the Obama administration").
ATTRIBUTIVE = words("attributive_nouns")
# Words of a clause after a name that presents the person as running for office.
CANDIDACY = words("candidacy_words")
# Nouns before a name that describe the person by no office of state.
NOT_OFFICES = words("not_offices")


def notable_officials(p: Paragraph, pi: int, reg: Registry, taken: list[Found]) -> list[Found]:
    """Office holders news names bare ("talks with Putin", "Merkel said"): the built-in list of
    well-known ones (data/notables.yaml) knows their country. The name stays as written and no
    office is given, since the text gives none; a name inside a longer one ("Ivanka Trump",
    "Trump Tower") is someone or something else."""
    table, out = reg.notables, []
    if not table:
        return out
    n = len(p.words)
    for i in p.caps:
        if p.folded[i] not in table.trie:
            continue
        size, code = longest_match(p.folded, i, table)
        if not size:
            continue
        end = i + size
        before = p.words[i - 1] if i else ""
        if before[:1].isupper() and before[0].isalpha() and p.folded[i - 1] not in STOP_NAME_WORDS \
                and p.folded[i - 1] not in HONORIFICS and not (  # ("Mr Putin": an address without its stop)
                longest_match_ending(p.folded, i, reg.titles)[0] or longest_match_ending(p.folded, i, reg.demonyms)[0]
                or longest_match_ending(p.folded, i, reg.country_names)[0]):
            continue
        if end < n and (p.words[end][:1].isupper() and p.words[end][0].isalpha() or p.folded[end] in ATTRIBUTIVE):
            continue  # "Trump Tower", "the Obama administration": a thing named after the person
        if i and (p.folded[i - 1] in NOT_OFFICES or i > 1 and p.words[i - 1] == "," and p.folded[i - 2] in NOT_OFFICES):
            continue  # "Conservative politician X", "his rival, X": described by no office
        if i > 1 and p.folded[i - 1] == "to" and (p.folded[i - 2] in AIDE_WORDS or p.folded[i - 2] == "secretary"):
            continue  # "a senior adviser to X": the holder served, part of the aide's title (_principal_served)
        if end < n and p.words[end] == "," and CANDIDACY & set(p.folded[end + 1:end + 10]):
            continue  # "X, who is seeking the nomination", "X, the front-runner": a candidate
        first = i + honorifics_at(p.folded, p.words, i)  # "Ayatollah Ali Khamenei": the name is Ali Khamenei
        if first >= end:
            continue
        start, stop = p.spans[first][0], p.spans[end - 1][1]
        if _taken(taken, pi, start, stop):
            continue
        out.append(Found(name=p.text[start:stop], title=None, country=code, former=False, para=pi,
                         start=start, end=stop, weak=True, at=i))
    return out


def known_officials(p: Paragraph, pi: int, reg: Registry, taken: list[Found]) -> list[Found]:
    """Officials the archive's data/officials.yaml names, wherever the text names them."""
    if not reg.official_keys:
        return []
    spans = [(f.start, f.end) for f in taken if f.para == pi]
    out, i = [], 0
    while i < len(p.words):
        n, info = longest_match(p.folded, i, reg.official_keys)
        if n and not any(s <= p.spans[i][0] < e for s, e in spans):
            start, end = p.spans[i][0], p.spans[i + n - 1][1]
            out.append(Found(name=info.name, title=info.title, country=info.country, former=False,
                             para=pi, start=start, end=end, at=i))
        i += n or 1
    return out


# Nouns for people or bodies that act for a state: a nationality word before one names a party.
PARTY_NOUNS = words("party_nouns")
LOCATIVE = words("locative_words")


def _country_word(word: str, reg: Registry) -> str | None:
    """The country a single word names or describes ("japan", "israeli"), if any."""
    key = (word,)
    if key in reg.country_names:
        return reg.country_names[key]
    if key in reg.demonyms:
        return reg.demonyms[key][0]
    return None


AMERICA_WORDS = words("america_words")
CONTINENT_PARTS = words("continent_parts")
# "the South China Sea", "the Gulf of Mexico": a feature of geography named after a state
GEOGRAPHIC_FEATURES = phrase_keys("geographic_features")
FEATURE_FIRSTS = frozenset(k[0] for k in GEOGRAPHIC_FEATURES)


def _features(p: Paragraph) -> set[int]:
    """The tokens of the seas, gulfs, straits and peninsulas named in a paragraph."""
    out: set[int] = set()
    if FEATURE_FIRSTS.isdisjoint(p.vocab):
        return out
    for i, f in enumerate(p.folded):
        if f in FEATURE_FIRSTS:
            for key in GEOGRAPHIC_FEATURES:
                if key[0] == f and tuple(p.folded[i:i + len(key)]) == key:
                    out.update(range(i, i + len(key)))
    return out


def country_refs(p: Paragraph, reg: Registry, skip: set[int]) -> list[Ref]:
    """Every country name, nationality word (also plural: "Palestinians"), metonym or place not used by a title."""
    tables = ((reg.country_names, "name"), (reg.demonyms, "demonym"), (reg.metonyms, "metonym"),
              (reg.places, "place"), (reg.regions, "region"))
    refs, n, nxt = [], len(p.words), 0
    firsts = reg.ref_firsts
    skip = skip | _features(p)
    if "-" in " ".join(p.folded):  # most paragraphs have no hyphenated word: one quick test
        for i, f in enumerate(p.folded):
            if "-" in f and i not in skip:  # "China-Japan relations", "Israeli-Palestinian talks": both are parties
                parts = [_country_word(part, reg) for part in f.split("-")]
                if len(parts) >= 2 and all(parts):
                    refs += [Ref(i, code, "compound", False) for code in dict.fromkeys(parts)]
    folded = p.folded
    candidates = [i for i in p.caps if folded[i] in firsts or (folded[i][-1:] == "s" and folded[i][:-1] in firsts)]
    for i in candidates:
        if i < nxt or i in skip:
            continue
        f = folded[i]
        if f in AMERICA_WORDS and i and folded[i - 1] in CONTINENT_PARTS:
            continue  # "Latin America", "Central American leaders": a region, not the United States
        if i + 1 < len(folded) and folded[i + 1] == "$":
            continue  # "US$25 billion": a currency
        for table, kind in tables:
            if f not in table.firsts and kind != "demonym":
                continue
            length, value = longest_match(p.folded, i, table)
            if not length and kind == "demonym" and p.folded[i].endswith("s"):
                value = table.get((p.folded[i][:-1],))
                length = 1 if value else 0
            if length:
                code = value[1] if kind == "place" else value[0] if isinstance(value, tuple) else value
                after = i + length
                describes = kind in ("demonym", "name") and after < n and (
                    p.folded[after] in PARTY_NOUNS or longest_match(p.folded, after, reg.titles, 3)[0] > 0)
                if kind == "name" and not describes and after + 2 < n and p.folded[after] == "'s":
                    # "Japan's minister is to meet X": the state of another official, the subject
                    size = longest_match(p.folded, after + 1, reg.titles, 3)[0]
                    describes = size > 0 and after + 1 + size < n and p.words[after + 1 + size].islower()
                locative = i > 0 and p.folded[i - 1] in LOCATIVE
                if kind == "name" and i > 1 and p.words[i - 1] == "," and not describes:
                    size, _ = longest_match_ending(p.folded, i - 1, reg.places)
                    if size and not longest_match_ending(p.folded, i - 1, reg.country_names)[0]:
                        # "in New York, USA": the state of the city, where, not who (not a list of
                        # states: "Saint Kitts and Nevis, Saint Vincent ...")
                        kind, locative = "place", i - 1 - size > 0 and p.folded[i - 2 - size] in LOCATIVE
                refs.append(Ref(i, code, kind, locative, describes,
                                after < n and p.folded[after] == "'s", p.folded[i - 1] if i else ""))
                nxt = after
                break
    refs.sort(key=lambda r: r.at)
    return refs
