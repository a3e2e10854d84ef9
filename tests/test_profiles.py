"""Site profiles: learning a source's own junk, merging exactly, the profile format, and the cleaner.

The corpus test takes real story texts (the dev corpus and trafilatura's evaluation pages, read in
place), gives each of three made-up sites a tagline, a promo label, rotating keyword tags glued after
the last sentence and a footer that no language file knows, learns a profile from two thirds of the
articles and cleans the other third.
"""

from __future__ import annotations

import json
import pickle
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import Context, Pipeline, Profile, drop_learned_junk
from newstext.profiles import MIN_ARTICLES, Junk, SourceCounts

from .conftest import ARTICLES, SHARED

ITEMS = SHARED / "data" / "trafilatura-eval" / "items.jsonl"
needs_items = pytest.mark.skipif(not ITEMS.exists(), reason="../shared/data/trafilatura-eval is not present")

ONLY = Pipeline([drop_learned_junk])


def only_profile(text: str, profile: Profile, source: str | None) -> str:
    """``text`` after drop_learned_junk alone: the other cleaners are not under test here."""
    return ONLY.run(text, Context(profile=profile, source=source))


# --- a corpus of real stories with made-up site junk ----------------------------------------------


@dataclass(frozen=True)
class Site:
    name: str
    dateline: str  # story text: kept
    split_dateline: bool  # "CITY" / "-" on lines of their own before the story, as detik.com does
    tagline: str
    label: str
    tags: tuple[str, ...]
    footers: tuple[str, ...]
    spokesperson: tuple[str, str, str]  # a recurring name in a sentence broken over lines: kept


SITES = (
    Site(
        "stadtbote.example",
        "Stadtbote, Kassel - ",
        False,
        "Der Stadtbote | Nachrichten aus Nordhessen seit 1911",
        "Stadtbote-Tipp",
        ("Lokales Kassel", "Wirtschaft Nordhessen", "Kultur und Freizeit Region"),
        ("Der Stadtbote erscheint werktags um sechs", "Mehr aus Kassel im Stadtboten-Kanal"),
        ("Das bestätigte auf Anfrage", "Maria Hoffmann", ", Sprecherin der Stadt Kassel."),
    ),
    Site(
        "lantern.example",
        "",
        True,
        "THE DAILY LANTERN — light on the news",
        "Lantern pick",
        ("Lantern Local", "Lantern Money", "Weekend Lantern", "Lantern Civic Desk"),
        ("Lantern readers get the morning brief free", "Tips? Write to desk at the Lantern"),
        ("The figures were confirmed by", "Daniel Okafor", ", the Lantern's data editor."),
    ),
    Site(
        "kabarlentera.example",
        "KabarLentera.id, Jakarta - ",
        False,
        "KabarLentera — Terang Setiap Pagi",
        "Sorot Lentera",
        ("Ragam Lentera", "Lentera Ekonomi", "Politik Daerah Lentera"),
        ("Unduh aplikasi KabarLentera, gratis di ponselmu", "Kirim kabar warga ke redaksi KabarLentera"),
        ("Keterangan itu disampaikan oleh", "Budi Santoso", ", juru bicara KabarLentera."),
    ),
)


@dataclass
class Injected:
    """One article of the corpus: its text with junk, the story it must come back to, the junk."""

    site: str
    text: str
    story: str
    junk_lines: list[str] = field(default_factory=list)
    junk_tails: list[tuple[str, str]] = field(default_factory=list)  # (story line, tag glued to it)


def real_stories() -> dict[str, list[str]]:
    """Real story texts, grouped for the three sites: German pages, English pages, the rest."""
    groups: dict[str, list[str]] = {s.name: [] for s in SITES}
    for article in ARTICLES:
        groups["kabarlentera.example"].append(article.gold)
    if ITEMS.exists():
        with ITEMS.open(encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                site = {"de": "stadtbote.example", "en": "lantern.example"}.get(
                    item["lang"], "kabarlentera.example"
                )
                groups[site].append(item["text"])
    out: dict[str, list[str]] = {}
    for site, texts in groups.items():
        fit = []
        for text in texts:
            paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
            if 3 <= len(paragraphs) <= 60 and 400 <= len(text) <= 12_000:
                fit.append("\n".join(paragraphs))
        out[site] = fit[:300]
    return out


def inject(site: Site, story_text: str, headline: str, rng: random.Random) -> Injected:
    """Give one real story the site's junk (and its dateline and recurring spokesperson)."""
    paragraphs = story_text.split("\n")
    if not site.split_dateline:
        paragraphs[0] = site.dateline + paragraphs[0]
    blocks = [[p] for p in paragraphs]  # a promo goes between blocks, never inside one
    if rng.random() < 0.5:
        blocks.insert(len(blocks) // 2, list(site.spokesperson))
    if site.split_dateline:
        blocks.insert(0, ["LONDON", "-", blocks.pop(0)[0]])
    story = [line for block in blocks for line in block]
    art = Injected(site.name, "", "\n".join(story))
    if rng.random() < 0.7:
        promo = f"{site.label}: {headline}"
        blocks.insert(len(blocks) // 2 + 1, [promo])
        art.junk_lines.append(promo)
    if rng.random() < 0.9:
        blocks.insert(0, [site.tagline])
        art.junk_lines.append(site.tagline)
    text = [line for block in blocks for line in block]
    last = text[-1]
    if rng.random() < 0.8 and last.rstrip()[-1:] in '.!?"”':
        tag = rng.choice(site.tags)
        text[-1] = f"{last} {tag}"
        art.junk_tails.append((last, tag))
    for footer in site.footers:
        if rng.random() < 0.6:
            text.append(footer)
            art.junk_lines.append(footer)
    art.text = "\n".join(text)
    return art


def headline_of(text: str) -> str:
    """A headline for a promo line: the first line of a story that starts like one, cut short."""
    for line in text.split("\n"):
        words = line[:70].split()[:-1] if len(line) > 70 else line.split()
        if len(words) >= 3 and words[0][0].isupper():
            return " ".join(words).rstrip(" .!?:;,-–—")
    return "Lebih banyak kabar"


def build_corpus() -> list[Injected]:
    rng = random.Random(6)
    corpus = []
    stories = real_stories()
    for site in SITES:
        texts = stories[site.name]
        for i, text in enumerate(texts):
            corpus.append(inject(site, text, headline_of(texts[(i + 1) % len(texts)]), rng))
    return corpus


needs_stories = pytest.mark.skipif(
    not ARTICLES or not ITEMS.exists(), reason="../shared corpus and trafilatura items are needed"
)


@dataclass
class Score:
    junk: int = 0
    junk_removed: int = 0
    story_lines: int = 0
    story_lines_kept: int = 0
    articles: int = 0
    exact: int = 0


def score(held_out: list[Injected], profile: Profile) -> Score:
    s = Score()
    for art in held_out:
        out = only_profile(art.text, profile, art.site)
        out_lines = set(out.split("\n"))
        s.articles += 1
        s.exact += out == art.story
        for line in art.junk_lines:
            s.junk += 1
            s.junk_removed += line not in out_lines
        for story_line, tag in art.junk_tails:
            s.junk += 1
            s.junk_removed += f"{story_line} {tag}" not in out and story_line in out_lines
        for line in art.story.split("\n"):  # kept: the line is still there, word for word
            s.story_lines += 1
            s.story_lines_kept += line in out
    return s


@pytest.fixture(scope="module")
def corpus() -> list[Injected]:
    return build_corpus()


def split(corpus: list[Injected]) -> tuple[list[Injected], list[Injected]]:
    """Two thirds of each site's articles to learn from, the last third to clean."""
    learn: list[Injected] = []
    test: list[Injected] = []
    for site in SITES:
        arts = [a for a in corpus if a.site == site.name]
        cut = len(arts) * 2 // 3
        learn += arts[:cut]
        test += arts[cut:]
    return learn, test


@needs_stories
def test_learned_profile_removes_site_junk_and_keeps_every_story_line(corpus: list[Injected]) -> None:
    learn, test = split(corpus)
    assert len(test) >= 60
    profile = Profile.learn((a.site, a.text) for a in learn)
    s = score(test, profile)
    print(
        f"\nprofile on {s.articles} held-out articles: junk removed {s.junk_removed}/{s.junk} "
        f"({s.junk_removed / s.junk:.1%}); story lines kept {s.story_lines_kept}/{s.story_lines}; "
        f"articles back exactly to their story {s.exact}/{s.articles}"
    )
    assert s.junk_removed >= 0.9 * s.junk
    assert s.story_lines_kept == s.story_lines


@needs_stories
def test_learning_in_parts_and_merging_equals_learning_at_once(corpus: list[Injected]) -> None:
    records = [(a.site, a.text) for a in corpus]
    whole = Profile.learn(records)
    parts = [Profile.learn(records[i::3]) for i in range(3)]
    assert parts[0].merge(parts[1]).merge(parts[2]) == whole
    assert parts[2].merge(parts[0].merge(parts[1])) == whole


@needs_stories
def test_the_dateline_and_a_recurring_name_are_never_learned(corpus: list[Injected]) -> None:
    profile = Profile.learn((a.site, a.text) for a in corpus)
    for site in SITES:
        junk = profile.junk(site.name)
        assert site.tagline in junk.lines
        assert site.label in junk.prefixes
        assert set(site.tags) <= junk.tails
        for piece in (*site.spokesperson, "LONDON", "-"):
            assert piece.strip(" ,") not in junk.lines
        assert not any(u.startswith(site.dateline.strip()) for u in junk.lines if site.dateline)


@needs_items
def test_real_pages_of_many_sites_teach_no_story_text() -> None:
    """The measurement behind the thresholds, kept as a test: 990 real pages of ~930 sites, pooled by
    top-level domain into a few large "sources". Story text does not recur across them, so nothing
    that an annotator marked as must-stay may be learned or removed."""
    with ITEMS.open(encoding="utf-8") as f:
        items = [json.loads(line) for line in f]
    profile = Profile.learn((it["tld"], it["text"]) for it in items)
    for it in items:
        out = only_profile(it["text"], profile, it["tld"])
        folded = " ".join(out.split())
        for keep in it["with"]:
            assert " ".join(keep.split()) in folded, (it["id"], keep)


# --- the cleaner ------------------------------------------------------------------------------------

FARM = [
    f"Harga {thing} naik {n} persen.\nPedagang {n} mengeluh sepi pembeli. {tag}\nIkuti KabarKita di Lentera"
    for n, (thing, tag) in enumerate([("cabai", "Ekonomi Rusia"), ("beras", "Politik Rusia")] * 5)
]


def farm_profile() -> Profile:
    return Profile.learn(("kabarkita", t) for t in FARM)


def test_clean_with_a_profile_removes_lines_and_glued_tags() -> None:
    text = "Harga minyak turun.\nStok aman sampai Lebaran. Politik Rusia\nIkuti KabarKita di Lentera"
    out = newstext.clean(text, lang="id", profile=farm_profile(), source="kabarkita")
    assert out == newstext.clean("Harga minyak turun.\nStok aman sampai Lebaran.", lang="id")
    assert "Rusia" not in out
    assert "Lentera" not in out


def test_explain_names_the_rule_and_what_was_learned() -> None:
    text = "Harga minyak turun.\nStok aman. Politik Rusia\nIkuti KabarKita di Lentera"
    result = newstext.explain(text, lang="id", profile=farm_profile(), source="kabarkita")
    learned = result.by_rule("drop_learned_junk")
    assert [e.before for e in learned] == [" Politik Rusia", "\nIkuti KabarKita di Lentera"]
    assert [e.note for e in learned] == [
        "learned tail: Politik Rusia",
        "learned line: Ikuti KabarKita di Lentera",
    ]
    for e in learned:
        assert text[e.start : e.end] == e.before


def test_without_a_profile_or_for_another_source_nothing_changes() -> None:
    text = "Stok aman. Politik Rusia\nIkuti KabarKita di Lentera"
    p = farm_profile()
    assert only_profile(text, p, "other-site") == text
    assert only_profile(text, p, None) == text
    assert drop_learned_junk(text) == text
    assert not newstext.explain(text, lang="id").by_rule("drop_learned_junk")


def test_texts_without_a_source_are_learned_under_the_empty_source() -> None:
    p = Profile.learn(FARM)
    assert set(p.sources) == {""}
    assert only_profile("Stok aman.\nIkuti KabarKita di Lentera", p, None) == "Stok aman."


def test_a_unit_needs_enough_articles_and_a_large_enough_share() -> None:
    few = Profile.learn(("s", t) for t in FARM[: MIN_ARTICLES - 1])
    assert not few.junk("s")
    # the footer is in 10 of 10 articles; in 10 of 201 it falls below min_share (0.05)
    diluted = Profile.learn([("s", t) for t in FARM] + [("s", f"Kabar {i} saja.") for i in range(191)])
    assert "Ikuti KabarKita di Lentera" not in diluted.junk("s").lines
    strict = Profile.learn((("s", t) for t in FARM), min_articles=11)
    assert not strict.junk("s")


def test_blocks_of_lines_go_without_leaving_blank_lines() -> None:
    lines = ["Tagline Kita", "Ikuti KabarKita di Lentera", "Promo: Apa Saja"]
    records = [
        ("s", f"Tagline Kita\n\nBerita {i} baik.\n\nPromo: Judul {i}\n\nAkhir {i}.\n\n{lines[1]}")
        for i in range(6)
    ]
    p = Profile.learn(records)
    assert p.junk("s") == Junk(frozenset(lines[:2]), frozenset({"Promo"}), frozenset())
    text = "Tagline Kita\n\nIsi satu.\n\nPromo: Lain Lagi\n\nIsi dua.\n\nIkuti KabarKita di Lentera\n"
    assert only_profile(text, p, "s") == "Isi satu.\n\nIsi dua.\n"
    assert only_profile("Isi satu.\nPromo: X\nIsi dua.", p, "s") == "Isi satu.\nIsi dua."


def test_a_label_before_a_sentence_is_story_not_a_promo() -> None:
    p = Profile.learn(("s", f"Isi {i}.\nNarrator: Judul {i}") for i in range(6))
    assert "Narrator" in p.junk("s").prefixes
    text = "Isi.\nNarrator: If you eat a strawberry, it came from California."
    assert only_profile(text, p, "s") == text


def test_a_broken_sentence_keeps_its_pieces_even_when_learned_elsewhere() -> None:
    p = Profile.learn(("s", f"Isi {i}.\nBudi Santoso") for i in range(6))
    assert "Budi Santoso" in p.junk("s").lines
    text = "Keterangan disampaikan oleh\nBudi Santoso\n, juru bicara.\nBudi Santoso"
    assert only_profile(text, p, "s") == "Keterangan disampaikan oleh\nBudi Santoso\n, juru bicara."


def test_long_hostile_lines_take_linear_time() -> None:
    hostile = [
        "." * 100_000 + ")" * 100_000,
        "Isi. " + "a " * 100_000,
        ("!)" * 50_000 + "\n") * 4,
        ":" * 100_000,
        "a:" * 100_000,
    ]
    p = Profile.learn(("s", t) for t in [*hostile, *FARM])
    start = time.perf_counter()
    for text in hostile:
        Profile.learn([("s", text)])
        assert only_profile(text, p, "s") == text
    assert time.perf_counter() - start < 5


def test_learn_refuses_what_is_not_a_text_or_a_pair() -> None:
    with pytest.raises(TypeError, match="texts or \\(source, text\\) pairs"):
        Profile.learn([b"bytes"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Profile.learn([("a", "b", "c")])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="min_share"):
        Profile.learn([], min_share=0.0)


# --- profiles are data ------------------------------------------------------------------------------


def test_json_round_trip_is_readable_and_versioned() -> None:
    p = farm_profile()
    doc = json.loads(p.to_json())
    assert doc["format"] == "newstext-profile"
    assert doc["version"] == 1
    assert doc["sources"]["kabarkita"]["lines"]["Ikuti KabarKita di Lentera"] == 10
    assert doc["sources"]["kabarkita"]["articles"] == 10
    assert Profile.from_json(p.to_json()) == p
    assert Profile.from_json(p.to_json(indent=None).encode()) == p


def test_from_json_says_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="not a newstext profile"):
        Profile.from_json("[]")
    with pytest.raises(ValueError, match="version 99 is not supported"):
        Profile.from_json('{"format": "newstext-profile", "version": 99, "sources": {}}')
    with pytest.raises(ValueError, match="articles"):
        Profile.from_json('{"format": "newstext-profile", "version": 1, "sources": {"a": {}}}')


def test_pickle_round_trip_of_a_profile_and_the_default_pipeline() -> None:
    p = farm_profile()
    p.junk("kabarkita")  # a cached decision is not shipped
    again = pickle.loads(pickle.dumps(p))
    assert again == p
    assert again.junk("kabarkita") == p.junk("kabarkita")
    pipeline = newstext.default_pipeline()
    assert pickle.loads(pickle.dumps(pipeline)) == pipeline
    assert pickle.loads(pickle.dumps(drop_learned_junk)) == drop_learned_junk


def test_finalize_keeps_the_decisions_and_only_the_junk() -> None:
    records = [("s", t) for t in FARM] + [("s", f"Kabar {i} saja.\nPenutup {i}") for i in range(4)]
    p = Profile.learn(records)
    final = p.finalize()
    assert final.junk("s") == p.junk("s")
    assert final.finalized
    assert len(final.to_json()) < len(p.to_json())
    assert Profile.from_json(final.to_json()) == final
    with pytest.raises(ValueError, match="finalized"):
        final.merge(p)


def test_merge_refuses_different_thresholds() -> None:
    with pytest.raises(ValueError, match="different thresholds"):
        Profile.learn(FARM).merge(Profile.learn(FARM, min_articles=3))


def test_a_profile_is_not_hashable_but_compares_by_value() -> None:
    assert farm_profile() == farm_profile()
    assert farm_profile() != Profile.learn(FARM)
    with pytest.raises(TypeError):
        hash(farm_profile())
    assert SourceCounts(1, {"a": 1}) == SourceCounts(1, {"a": 1})


def test_newstext_and_its_dask_helpers_import_without_dask() -> None:
    code = (
        "import sys\n"
        "sys.modules['dask'] = None  # import dask now fails\n"
        "import newstext, newstext.distributed\n"
        "print(newstext.clean('Isi.', lang='id', profile=newstext.Profile.learn(['Isi.'])))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Isi."


# --- merge is exact, under hypothesis ---------------------------------------------------------------

_LINES = st.sampled_from(
    [
        "Ikuti kami",
        "Promo: Judul A",
        "Promo: Judul B",
        "Harga naik. Politik Rusia",
        "Isi berita.",
        "luna maya",
        "-",
    ]
)
_TEXTS = st.lists(_LINES, min_size=0, max_size=6).map("\n".join)
_RECORDS = st.lists(st.tuples(st.sampled_from([None, "a", "b"]), _TEXTS), max_size=25)


@settings(max_examples=150, deadline=None)
@given(_RECORDS, _RECORDS)
def test_merge_of_parts_equals_learning_the_whole(
    part1: list[tuple[str | None, str]], part2: list[tuple[str | None, str]]
) -> None:
    whole = Profile.learn(part1 + part2, min_articles=2, min_share=0.3)
    merged = Profile.learn(part1, min_articles=2, min_share=0.3).merge(
        Profile.learn(part2, min_articles=2, min_share=0.3)
    )
    assert merged == whole
    assert merged.to_json() == whole.to_json()
    assert Profile.from_json(whole.to_json()) == whole
    for source in ("", "a", "b"):
        assert merged.junk(source) == whole.junk(source)


@settings(max_examples=100, deadline=None)
@given(_RECORDS, st.text(max_size=300))
def test_the_cleaner_never_raises_and_only_removes(records: list[tuple[str | None, str]], text: str) -> None:
    p = Profile.learn(records, min_articles=1, min_share=0.2)
    result = ONLY.run_explained(text, Context(profile=p, source="a"))
    assert result.text == only_profile(text, p, "a")
    for edit in result.edits:
        assert edit.is_removal
        assert text[edit.start : edit.end] == edit.before
