#!/usr/bin/env python3
"""Writes a synthetic dossier of N raw articles, and optionally the same
articles as a Hugo site, for bench/run.

    python3 bench/generate.py N DIR [--hugo HUGO_DIR]

DIR gets content/dossier.yml, content/raw/NNNNN.txt (N articles of about
4 KB each, wrapped in web chrome like copies from news sites: a breadcrumb,
the headline twice, a byline with outlet and date, share buttons, a "Related
Articles" list and a copyright line), content/entities/*.md (N/10 entities,
kinds mixed, each with a name and one or two aliases) and content/claims/*.md
(max(5, N/100) claims, each with a `quotes` phrase that some articles carry
and a `disputed_by` phrase that a few carry).

Each article mentions about twenty distinct entities, drawn from a Zipf-like
distribution (a few entities appear everywhere, most in a few articles);
every name and alias of every entity appears somewhere, so the build warns
about none. About one article in ten reprints a paragraph of an earlier
article from another outlet (wire copy, for shared passages), and sentences
carry figures (numbers with what they count). Dates span 2015 to 2018.

HUGO_DIR gets a Hugo site of the same articles: bench/hugo/ (configuration
and templates) copied, and content/articles/NNNNN.md holding each article's
text as Markdown with front matter title, date, outlet and the taxonomies
`entities` and `claims` (the names of the entities and claims it mentions,
known here because the generator put them there).

Everything comes from one fixed-seed generator implemented here (not
Python's `random`, whose algorithms may change between versions), so the
same N gives the same bytes on every run and machine.
"""
import argparse, os, shutil

MASK = (1 << 64) - 1


class Rng:
    """SplitMix64: small, fast, and the same everywhere."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def chance(self, p):
        return self.next() < p * (1 << 64)

    def pick(self, items):
        return items[self.below(len(items))]

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)


# Lower-case words for body text. None of them is a word the ingest rules
# look for (share, print, comment, copyright, newsletter, related, ...).
VOCABULARY = """
the a an of in on at to for from with after before during against between over under about across along
government officials forces army ministry council committee delegation talks agreement ceasefire offensive
province region city town village border river valley district capital coast mountains desert road bridge
said says told added warned denied confirmed announced reported claimed insisted noted stressed argued
military political economic humanitarian diplomatic regional international local national senior former
new old recent previous final first second third last next early late major minor heavy light
attack strike raid operation campaign mission assault advance retreat withdrawal deployment patrol convoy
aid supplies food water fuel medicine shelter camps refugees residents civilians families fighters troops
soldiers rebels militants observers monitors envoys diplomats ministers leaders spokesman analysts
week month year day night morning evening weekend season period decade
control territory ground positions lines front area zone corridor route checkpoint base airport port
statement briefing meeting conference session vote resolution proposal plan framework process stage
talks negotiations dialogue mediation pressure sanctions support funding training equipment weapons
increase decrease rise fall growth decline change shift turn return move push effort attempt
and but while as because although since when where which that who whose this these those its their
has have had was were is are be been being will would could should may might must can
not also still already again only just even nearly almost more most less least very much many several
widely largely partly fully quickly slowly openly quietly sharply steadily firmly briefly
""".split()

# Nouns figures count: "12 civilians", "about 40 percent of the province".
COUNTED = ["civilians", "fighters", "soldiers", "refugees", "sorties", "strikes", "villages", "trucks",
           "families", "detainees", "kilometres", "tonnes", "casualties", "residents"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty"]
QUALIFIERS = ["", "", "at least ", "more than ", "about ", "nearly ", "up to "]

# Entity names are built from syllables, one root word per entity, unique by
# construction (its index written in base len(SYLLABLES), at least 3 digits).
SYLLABLES = ["ka", "lo", "mir", "tesh", "van", "dor", "quil", "zel", "pra", "nok", "ust", "rha", "bel", "gim",
             "sor", "tav", "ell", "obri", "fen", "jar"]
FIRST_NAMES = ["Anna", "Omar", "Lena", "Yusuf", "Mara", "Tomas", "Nadia", "Karim", "Ines", "Pavel", "Salma",
               "Jonas", "Leila", "Viktor", "Hana", "Rafael"]
KINDS = ["person", "person", "organization", "place", "group", "place", "organization", "other"]
ORG_SUFFIXES = [("Ministry", "Ministry of {r}"), ("Institute", "{r} Institute of Studies"),
                ("Holdings", "{r} Group"), ("Council", "High Council of {r}")]
GROUP_SUFFIXES = [("Front", "{r} Brigades"), ("Movement", "{r} Movement for Change")]
PLACE_SUFFIXES = [("", "{r} Province"), ("", "{r} Valley"), ("", "Port {r}")]
OTHER_SUFFIXES = [("Accord", "{r} Agreement"), ("Pipeline", "{r} Line")]

# Claim phrases are built from words the body vocabulary never uses, so a
# phrase occurs only where the generator put it.
CLAIM_WORDS = ["amber", "basalt", "cedar", "delta", "ember", "falcon", "granite", "harbor", "indigo", "juniper",
               "kestrel", "lantern", "meridian", "nimbus", "orchid", "pinnacle", "quartz", "raven", "saffron",
               "tundra", "umber", "vesper", "willow", "xenon", "yarrow", "zephyr", "alder", "birch", "cobalt",
               "dune"]

OUTLETS = ["AFP", "Reuters", "AP", "The Daily Ledger", "Northern Courier", "Global Wire Review",
           "Eastern Herald", "Capital Observer", "Morning Dispatch", "Harbor Times"]
AUTHORS = ["Sam Ortiz", "Maria Lopez", "Daniel Reyes", "Aisha Rahman", "Peter Novak", "Clara Weiss",
           "Hassan Ali", "Julia Berg", "Tom Keller", "Sofia Marin", "Ivan Petrov", "Nora Quinn"]
SECTIONS = ["World", "Middle East", "Politics", "Europe", "Conflict", "Analysis"]
DATELINES = ["BEIRUT", "GENEVA", "MOSCOW", "DAMASCUS", "ISTANBUL", "AMMAN", "BAGHDAD", "CAIRO"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
RELATED = ["{e} officials hold talks on border crossings", "Aid convoys reach {e} after weeks of delay",
           "What the {e} agreement means for the region", "Fighting resumes near {e}",
           "Envoys meet in {e} as pressure mounts"]


def root_word(index, digits):
    parts = []
    for _ in range(digits):
        parts.append(SYLLABLES[index % len(SYLLABLES)])
        index //= len(SYLLABLES)
    word = "".join(reversed(parts))
    return word[0].upper() + word[1:]


def make_entities(count):
    digits = 3
    while len(SYLLABLES) ** digits < count:
        digits += 1
    rng = Rng(7)
    entities = []
    for i in range(count):
        root = root_word(i * 7919 % (len(SYLLABLES) ** digits), digits)  # spread, still unique
        kind = KINDS[i % len(KINDS)]
        if kind == "person":
            name = f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {root}"
            aliases = [root] if i % 3 else [root, f"General {root}"]
        elif kind == "organization":
            suffix, alias = ORG_SUFFIXES[i % len(ORG_SUFFIXES)]
            name = f"{root} {suffix}"
            aliases = [alias.format(r=root)]
        elif kind == "group":
            suffix, alias = GROUP_SUFFIXES[i % len(GROUP_SUFFIXES)]
            name = f"{root} {suffix}"
            aliases = [alias.format(r=root)] + ([f"{root} fighters"] if i % 2 else [])
        elif kind == "place":
            _, alias = PLACE_SUFFIXES[i % len(PLACE_SUFFIXES)]
            name = root
            aliases = [alias.format(r=root)]
        else:
            suffix, alias = OTHER_SUFFIXES[i % len(OTHER_SUFFIXES)]
            name = f"{root} {suffix}"
            aliases = [alias.format(r=root)]
        slug = name.lower().replace(" ", "-")
        entities.append({"slug": slug, "name": name, "kind": kind, "aliases": aliases,
                         "forms": [name] + aliases, "description": f"A {kind} of the synthetic dossier ({rng.below(1000)})."})
    return entities


def make_claims(count, entities):
    people = [e for e in entities if e["kind"] == "person"]
    claims = []
    for c in range(count):
        w = []  # the digits of c in base len(CLAIM_WORDS), each shifted by the first: unique, and varied
        n = c
        for _ in range(2 if count <= len(CLAIM_WORDS) ** 2 else 3):
            w.append(n % len(CLAIM_WORDS))
            n //= len(CLAIM_WORDS)
        w = [CLAIM_WORDS[(d + (w[0] + 1 if k else 0)) % len(CLAIM_WORDS)] for k, d in enumerate(w)]
        key = " ".join(w)
        claims.append({
            "slug": f"claim-{c + 1:04d}",
            "claim": f"The {key} accord was signed and holds",
            "claimant": people[c % len(people)]["slug"] if people else None,
            "quotes": f"the {key} accord was signed",
            "disputed_by": f"no {key} accord was ever signed",
        })
    return claims


class Zipf:
    def __init__(self, n, exponent=1.0):
        self.cumulative = []
        total = 0.0
        for rank in range(n):
            total += 1.0 / (rank + 1) ** exponent
            self.cumulative.append(total)
        self.total = total

    def sample(self, rng):
        x = rng.next() / float(1 << 64) * self.total
        lo, hi = 0, len(self.cumulative) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cumulative[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return lo


def sentence(rng, words):
    """A sentence of `words` vocabulary words (a figure sometimes), as a list of tokens."""
    tokens = [rng.pick(VOCABULARY) for _ in range(words)]
    if rng.chance(0.25):
        number = rng.pick(NUMBER_WORDS) if rng.chance(0.3) else str(rng.between(2, 900))
        if rng.chance(0.2):
            number = str(rng.between(2, 95))
            figure = f"{rng.pick(QUALIFIERS)}{number} percent of the {rng.pick(['province', 'region', 'city'])}"
        else:
            figure = f"{rng.pick(QUALIFIERS)}{number} {rng.pick(COUNTED)}"
        tokens.insert(rng.below(len(tokens)) + 1, figure)
    return tokens


def render_sentence(tokens):
    text = " ".join(tokens)
    return text[0].upper() + text[1:] + "."


def make_article(i, rng, entities, entity_zipf, claims, claim_zipf, earlier):
    """One article: its metadata, paragraphs (strings), entity slugs and claim slugs."""
    outlet = rng.pick(OUTLETS)
    year = 2015 + rng.below(4)
    month = rng.between(1, 12)
    day = rng.between(1, 28)
    # Twenty distinct entities, Zipf-like, plus entity i % E so every
    # entity, and every one of its forms, appears somewhere.
    guaranteed = i % len(entities)
    chosen = [guaranteed]
    wanted = min(20, len(entities))
    while len(chosen) < wanted:
        e = entity_zipf.sample(rng)
        if e not in chosen:
            chosen.append(e)
    # Body sentences, about 3.5 KB of them.
    sentences = []
    mentions = []  # the entity slugs each sentence mentions
    length = 0
    while length < 3300:
        s = sentence(rng, rng.between(12, 22))
        sentences.append(s)
        mentions.append([])
        length += sum(len(t) + 1 for t in s) + 1
    for k, e in enumerate(chosen):
        forms = entities[e]["forms"]
        form = forms[(i // len(entities)) % len(forms)] if e == guaranteed else rng.pick(forms)
        if entities[e]["kind"] in ("person", "place") and rng.chance(0.2):
            form += "'s"
        t = rng.below(len(sentences))
        sentences[t].insert(rng.below(len(sentences[t]) + 1), form)
        mentions[t].append(entities[e]["slug"])
    # Claims: a reporting sentence in about a third of the articles, a
    # disputing one in a few; the first articles cover every claim once.
    claim_slugs = []
    extra = []  # (sentence, claim slug)
    c = len(claims)
    if i < c or rng.chance(0.3):
        claim = claims[i] if i < c else claims[claim_zipf.sample(rng)]
        # Words around the phrase vary, so that outlets reporting a claim
        # are not copies of one another (shared passages count once).
        extra.append((render_sentence(sentence(rng, rng.between(4, 8)) + ["said", claim["quotes"]]
                                      + [rng.pick(VOCABULARY) for _ in range(rng.between(3, 6))]), claim["slug"]))
        claim_slugs.append(claim["slug"])
    if c <= i < 2 * c or rng.chance(0.04):
        claim = claims[i - c] if c <= i < 2 * c else claims[claim_zipf.sample(rng)]
        extra.append((render_sentence(["but"] + sentence(rng, rng.between(4, 8)) + ["insisted", claim["disputed_by"]]
                                      + [rng.pick(VOCABULARY) for _ in range(rng.between(3, 6))]), claim["slug"]))
        if claim["slug"] not in claim_slugs:
            claim_slugs.append(claim["slug"])
    # Paragraphs of three to five sentences.
    paragraphs = []
    paragraph_entities = []
    paragraph_claims = []
    k = 0
    while k < len(sentences):
        n = rng.between(3, 5)
        paragraphs.append(" ".join(render_sentence(s) for s in sentences[k:k + n]))
        paragraph_entities.append([slug for m in mentions[k:k + n] for slug in m])
        paragraph_claims.append([])
        k += n
    for text, slug in extra:
        p = rng.below(len(paragraphs))
        paragraphs[p] = paragraphs[p] + " " + text
        paragraph_claims[p].append(slug)
    if rng.chance(0.6):
        paragraphs[0] = f"{rng.pick(DATELINES)} — {paragraphs[0]}"
    entity_slugs = [entities[e]["slug"] for e in chosen]
    # Wire copy: reprint a paragraph of an earlier article of another outlet.
    if earlier and rng.chance(0.1):
        source = earlier[-1 - rng.below(min(len(earlier), 200))]
        if source["outlet"] != outlet:
            at = rng.between(1, len(paragraphs) - 1)  # never last: the last paragraph stays original
            paragraphs.insert(at, source["paragraphs"][-1])
            entity_slugs += [s for s in source["last_entities"] if s not in entity_slugs]
            claim_slugs += [s for s in source["last_claims"] if s not in claim_slugs]
            paragraph_entities.insert(at, source["last_entities"])
            paragraph_claims.insert(at, source["last_claims"])
    hero = entities[chosen[0]]["name"]
    headline_words = [rng.pick(VOCABULARY) for _ in range(rng.between(5, 9))]
    headline = f"{hero} {' '.join(headline_words)}"
    headline = headline[0].upper() + headline[1:]
    return {
        "number": i, "outlet": outlet, "author": rng.pick(AUTHORS), "date": (year, month, day),
        "headline": headline, "paragraphs": paragraphs,
        "entities": entity_slugs, "claims": claim_slugs,
        "last_entities": paragraph_entities[-1], "last_claims": paragraph_claims[-1],
        "section": rng.pick(SECTIONS), "related": [rng.pick(RELATED).format(e=entities[rng.pick(chosen)]["name"])
                                                   for _ in range(3)],
        "layout": rng.below(3),
    }


def raw_text(a):
    year, month, day = a["date"]
    short = MONTHS[month - 1][:3]
    lines = []
    if a["layout"] == 0:
        lines += [f"Home / {a['section']} / {a['headline']}", ""]
    elif a["layout"] == 1:
        lines += ["Latest news", f"Main » {a['section']} » {a['headline']}", ""]
    else:
        lines += ["You are here", ""]
    lines += [a["headline"], ""]
    if a["layout"] != 2:
        lines += [a["headline"], ""]
    if a["layout"] == 1:
        lines += [f"{day:02d} {MONTHS[month - 1]} {year}", "", f"By {a['author']} | {a['outlet']}", ""]
    else:
        lines += [f"By {a['author']} | {a['outlet']} | {short} {day:02d}, {year}", ""]
    for p in a["paragraphs"]:
        lines += [p, ""]
    lines += ["Share on Facebook", "Share on Twitter", "Email", "Print", "", "Related Articles"]
    lines += a["related"]
    lines += ["", f"Copyright {year} {a['outlet']}. All rights reserved.", ""]
    return "\n".join(lines)


def yaml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dir")
    parser.add_argument("--hugo", metavar="HUGO_DIR")
    args = parser.parse_args()
    n = args.n

    entities = make_entities(max(20, n // 10))
    claims = make_claims(max(5, n // 100), entities)
    content = os.path.join(args.dir, "content")
    for folder in ("raw", "entities", "claims"):
        os.makedirs(os.path.join(content, folder), exist_ok=True)
    write(os.path.join(content, "dossier.yml"),
          f"title: Synthetic dossier of {n} articles\ndescription: Generated by bench/generate.py for benchmarks.\n"
          "base_url: https://example.org/dossier/\n")
    for e in entities:
        write(os.path.join(content, "entities", e["slug"] + ".md"),
              "---\n" f"name: {yaml_string(e['name'])}\nkind: {e['kind']}\naliases:\n"
              + "".join(f"  - {yaml_string(a)}\n" for a in e["aliases"])
              + f"description: {yaml_string(e['description'])}\n---\n\nNotes on {e['name']}.\n")
    for c in claims:
        write(os.path.join(content, "claims", c["slug"] + ".md"),
              "---\n" f"claim: {yaml_string(c['claim'])}\n"
              + (f"claimant: {c['claimant']}\n" if c["claimant"] else "")
              + f"verdict: Contested\nquotes:\n  - {yaml_string(c['quotes'])}\n"
              f"disputed_by:\n  - {yaml_string(c['disputed_by'])}\n---\n\nAnalysis of a synthetic claim.\n")

    hugo_content = None
    if args.hugo:
        here = os.path.dirname(os.path.abspath(__file__))
        shutil.copytree(os.path.join(here, "hugo"), args.hugo, dirs_exist_ok=True)
        hugo_content = os.path.join(args.hugo, "content", "articles")
        os.makedirs(hugo_content, exist_ok=True)

    by_slug = {e["slug"]: e for e in entities}
    claim_by_slug = {c["slug"]: c for c in claims}
    rng = Rng(20171207)
    entity_zipf = Zipf(len(entities))
    claim_zipf = Zipf(len(claims), 0.8)
    earlier = []
    for i in range(n):
        a = make_article(i, rng, entities, entity_zipf, claims, claim_zipf, earlier)
        earlier.append(a)
        if len(earlier) > 200:
            earlier.pop(0)
        write(os.path.join(content, "raw", f"{i:05d}.txt"), raw_text(a))
        if hugo_content:
            year, month, day = a["date"]
            front = ["---", f"title: {yaml_string(a['headline'])}", f"date: {year:04d}-{month:02d}-{day:02d}",
                     f"outlet: {yaml_string(a['outlet'])}", "entities:"]
            front += [f"  - {yaml_string(by_slug[s]['name'])}" for s in a["entities"]]
            front += ["claims:"] if a["claims"] else []
            front += [f"  - {yaml_string(claim_by_slug[s]['claim'])}" for s in a["claims"]]
            front += ["---", ""]
            write(os.path.join(hugo_content, f"{i:05d}.md"), "\n".join(front) + "\n\n".join(a["paragraphs"]) + "\n")


if __name__ == "__main__":
    main()
