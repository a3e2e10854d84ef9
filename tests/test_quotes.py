"""normalize_quotes: "ascii", "typographic" (per language, nested, apostrophes, primes), "keep"."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import quotes as quotes_module
from newstext.context import Context
from newstext.edits import apply_edits, settle
from newstext.langdata import available_languages, load_language
from newstext.quotes import ASCII_QUOTES, DEFAULT_MARKS, analyse_quotes, language_marks, normalize_quotes
from tests.conftest import ARTICLES, Article, needs_corpus


def ctx(lang: str = "en", quotes: str = "ascii") -> Context:
    return Context(lang=lang, data=load_language(lang), quotes=quotes)


def run(text: str, lang: str = "en", quotes: str = "ascii") -> str:
    c = ctx(lang, quotes)
    out = normalize_quotes.apply(text, c)
    edits = settle(normalize_quotes.edits(text, c))
    for e in edits:
        assert text[e.start : e.end] == e.before
    assert apply_edits(text, edits) == out
    return out


CURLY = frozenset(c for c, r in ASCII_QUOTES.items() if c != r)

# ---------------------------------------------------------------------------------------------
# ascii
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Ya,” kata dia.", '"Ya," kata dia.'),
        ("„Ja“, sagte er. ‚Nein‘.", "\"Ja\", sagte er. 'Nein'."),
        ("Il a dit « Oui » puis «non».", 'Il a dit "Oui" puis "non".'),
        ("Il a dit «\u202fOui\u202f».", 'Il a dit "Oui".'),
        ("‹Oui›", "'Oui'"),
        ("Он сказал «Я „тоже“ здесь».", 'Он сказал "Я "тоже" здесь".'),
        ("彼は「東京『本当』」と言った。", '彼は"東京"本当""と言った。'),
        ("don’t, l’homme, Jum’at, ’90s", "don't, l'homme, Jum'at, '90s"),
        ("Ukrainian apostrophe: пʼять", "Ukrainian apostrophe: п'ять"),
        ("He is 5′11″ tall.", "He is 5′11″ tall."),  # primes are not quotes
        ("＂fullwidth＂ and ＇too＇", "\"fullwidth\" and 'too'"),
        ("a lone « mark", 'a lone " mark'),
    ],
)
def test_ascii(text: str, expected: str) -> None:
    assert run(text) == expected


def test_ascii_is_the_default() -> None:
    assert Context().quotes == "ascii"
    assert normalize_quotes.apply("“x”", Context()) == '"x"'


def test_ascii_notes_unbalanced() -> None:
    edits = list(normalize_quotes.edits("“Unclosed quote, then a paragraph.\n“Closed.”", ctx()))
    notes = [e.note for e in edits]
    assert notes[0].startswith("unbalanced: no closing mark")
    assert notes[1:] == ["", ""]


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        st.one_of(st.sampled_from(sorted(ASCII_QUOTES)), st.sampled_from(list("ab 1\n'\"′″«» "))), max_size=40
    )
)
def test_ascii_output_never_has_a_curly_quote(text: str) -> None:
    out = run(text)
    assert not set(out) & CURLY
    assert run(out) == out


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_ascii_any_text(text: str) -> None:
    assert not set(run(text)) & CURLY


# ---------------------------------------------------------------------------------------------
# typographic
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", 'He said "hello" today.', "He said “hello” today."),
        ("en", "He said \"I heard 'no' there\".", "He said “I heard ‘no’ there”."),
        # the outermost quote takes the language's main pair, whatever marks the input used
        ("en", "'Single' quotes.", "“Single” quotes."),
        ("en", "“Already” ‘curly’", "“Already” “curly”"),
        ("en", "Il a dit « Oui ».", "Il a dit “Oui”."),
        ("de", "Er sagte \"Ich weiß 'nichts'\" gestern.", "Er sagte „Ich weiß ‚nichts‘“ gestern."),
        ("de", "Er sagte “Hallo” und ging.", "Er sagte „Hallo“ und ging."),
        ("de", "Er sagte »Hallo« und ging.", "Er sagte „Hallo“ und ging."),
        ("fr", 'Il a dit "Je ne sais pas" hier.', "Il a dit «\u202fJe ne sais pas\u202f» hier."),
        ("fr", "Il a dit « Je ne sais pas » hier.", "Il a dit «\u202fJe ne sais pas\u202f» hier."),
        ("fr", "Il a dit «\u00a0Oui\u00a0».", "Il a dit «\u202fOui\u202f»."),
        ("fr", "Il a dit «\u202fOui\u202f».", "Il a dit «\u202fOui\u202f»."),
        ("ru", "Он сказал \"Я не знаю 'почему'\" вчера.", "Он сказал «Я не знаю „почему“» вчера."),
        ("ru", "Он сказал “Да”.", "Он сказал «Да»."),
        ("ja", "彼は\"東京に行く'本当'\"と言った。", "彼は「東京に行く『本当』」と言った。"),
        ("ja", "彼は“東京”と言った。", "彼は「東京」と言った。"),
        ("id", 'Dia berkata "Jum\'at ini" lalu pergi.', "Dia berkata “Jum’at ini” lalu pergi."),
        ("sv", 'Han sa "hej" igen.', "Han sa ”hej” igen."),
        ("pl", 'Powiedział "tak" wczoraj.', "Powiedział „tak” wczoraj."),
    ],
)
def test_typographic(lang: str, text: str, expected: str) -> None:
    assert run(text, lang, "typographic") == expected
    assert run(expected, lang, "typographic") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("don't", "don’t"),
        ("l'homme", "l’homme"),
        ("Jum'at", "Jum’at"),
        ("rock 'n' roll", "rock ’n’ roll"),
        ("the '90s", "the ’90s"),
        ("the students' books", "the students’ books"),
        ("'em all", "’em all"),
        ('"I don\'t," she said.', "“I don’t,” she said."),
        ("'It's mine,' he said.", "“It’s mine,” he said."),
    ],
)
def test_typographic_apostrophes(text: str, expected: str) -> None:
    assert run(text, "en", "typographic") == expected


@pytest.mark.parametrize(
    "text",
    ["He is 5'11\" tall.", 'A 12" pizza.', "He is 5′11″ tall.", "x ' y", 'a " b'],
)
def test_typographic_primes_and_lone_marks_stay(text: str) -> None:
    assert run(text, "en", "typographic") == text


def test_typographic_unbalanced_is_not_given_a_partner() -> None:
    text = 'He said "hello and left.'
    out = run(text, "en", "typographic")
    assert out == "He said “hello and left."
    assert "”" not in out
    (edit,) = normalize_quotes.edits(text, ctx("en", "typographic"))
    assert edit.note == "unbalanced: no closing mark on its line, none invented"


def test_typographic_stray_closing_mark() -> None:
    text = 'and then he left." Next'
    out = run(text, "en", "typographic")
    assert out == "and then he left.” Next"
    (edit,) = normalize_quotes.edits(text, ctx("en", "typographic"))
    assert edit.note.startswith("unbalanced: no opening mark")


def test_multi_paragraph_quote() -> None:
    # news style: each paragraph of a long quote opens, only the last closes
    text = '"First part of the quote.\n"Second part, the end."'
    assert run(text, "en", "typographic") == "“First part of the quote.\n“Second part, the end.”"


def test_language_marks_from_data() -> None:
    expected = {
        "en": ("“", "”", "‘", "’"),
        "de": ("„", "“", "‚", "‘"),
        "fr": ("«\u202f", "\u202f»", "«\u202f", "\u202f»"),
        "ru": ("«", "»", "„", "“"),
        "ja": ("「", "」", "『", "』"),
        "sv": ("”", "”", "’", "’"),
        "und": DEFAULT_MARKS,
    }
    for lang, marks in expected.items():
        assert language_marks(ctx(lang)) == marks, lang


def test_every_language_file_has_four_marks() -> None:
    for lang in available_languages():
        data = load_language(lang)
        if data.known:  # a file whose tag loads under another name is checked under that name
            assert data.strings("quotes", "marks"), lang
        marks = language_marks(ctx(lang))
        assert len(marks) == 4, lang
        assert all(marks), lang


WORDS = st.sampled_from(["alpha", "beta", "Gamma", "kata", "dia", "mais", "oui", "東京"])
PHRASE = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)
STYLES = [('"', '"', "'", "'"), ("“", "”", "‘", "’"), ("„", "“", "‚", "‘"), ("« ", " »", "‹", "›")]


@st.composite
def balanced(draw: st.DrawFn, depth: int = 0) -> str:
    """A quote, maybe with quotes inside; a nested quote has words on both sides of it."""
    style = draw(st.sampled_from(STYLES))
    parts = [draw(PHRASE)]
    if depth < 2 and draw(st.booleans()):
        parts += [draw(balanced(depth + 1)), draw(PHRASE)]
    o, c = (style[0], style[1]) if depth % 2 == 0 else (style[2], style[3])
    return o + " ".join(parts) + c


@pytest.mark.parametrize("lang", ["en", "de", "fr", "ru", "ja", "sv", "id"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_typographic_of_balanced_input_is_balanced(lang: str, data: st.DataObject) -> None:
    pieces = data.draw(st.lists(st.one_of(PHRASE, balanced()), min_size=1, max_size=4))
    text = " ".join(pieces) + "."
    out = run(text, lang, "typographic")
    marks = analyse_quotes(out)
    assert all(m.balanced and m.role in ("open", "close") for m in marks), (text, out)
    assert sum(m.role == "open" for m in marks) == sum(m.role == "close" for m in marks)
    allowed = set("".join(language_marks(ctx(lang))).replace("\u202f", ""))
    assert {m.char for m in marks} <= allowed
    assert '"' not in out
    assert run(out, lang, "typographic") == out


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.one_of(st.sampled_from(sorted(ASCII_QUOTES)), st.sampled_from(list("ab 1\n.'\"«» "))), max_size=30
    )
)
def test_typographic_edits_agree_on_any_marks(text: str) -> None:
    run(text, "fr", "typographic")
    run(text, "en", "typographic")


@pytest.mark.parametrize("quotes", ["ascii", "typographic"])
def test_long_hostile_input_is_fast(quotes: str) -> None:
    # many open quotes of one kind, then many marks of another: linear, not quadratic
    text = '"a ' * 10_000 + "'b " * 10_000 + "«" + "x" * 100_000 + "\n" + "« " * 10_000
    out = run(text, "fr", quotes)
    assert len(out) >= len(text) - 10_000


# ---------------------------------------------------------------------------------------------
# keep
# ---------------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(sorted(ASCII_QUOTES) + list("ab "))))
def test_keep_changes_nothing(text: str) -> None:
    assert run(text, "en", "keep") == text
    assert list(normalize_quotes.edits(text, ctx("en", "keep"))) == []


@needs_corpus
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_dev_articles(article: Article) -> None:
    out = run(article.raw, article.lang)
    assert not set(out) & CURLY
    typo = run(article.raw, article.lang, "typographic")
    assert typo.count("\n") == article.raw.count("\n")


def test_clean_takes_the_style(seed: Article) -> None:
    ascii_text = newstext.clean(seed.raw, "id")
    assert "“" not in ascii_text
    assert '"Ya"' in ascii_text
    typographic = newstext.clean(seed.raw, "id", quotes="typographic")
    assert "“Ya”" in typographic
    assert '"' not in typographic
    kept = newstext.clean(seed.raw, "id", quotes="keep")
    assert "“Ya”" in kept


# --- the fast path the pipeline takes (the rule is not guarded) -------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"“”‘’„‚«»‹›「」『』\"' \n\u00a0\u202faB.,", "word", "l'", "« ", " »"]), max_size=30
    ),
    st.sampled_from(["fr", "de", "en", "id", "ja", "und"]),
    st.sampled_from(["ascii", "typographic"]),
)
def test_apply_gives_the_edits_text_and_removes_nothing_the_guard_counts(
    parts: list[str], lang: str, style: str
) -> None:
    from newstext.context import make_context
    from newstext.edits import apply_edits, settle
    from newstext.guard import _weight
    from newstext.quotes import normalize_quotes

    text = "".join(parts)
    ctx = make_context("x", lang, quotes=style)
    edits = settle(normalize_quotes.edits(text, ctx))
    assert normalize_quotes.apply(text, ctx) == apply_edits(text, edits)
    assert sum(_weight(e.before) - _weight(e.after) for e in edits) <= 0


def test_a_user_file_with_the_wrong_number_of_marks_is_refused(tmp_path: Path) -> None:
    (tmp_path / "en.toml").write_text('[quotes]\nmarks = ["«", "»"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="4 marks"):
        newstext.clean('He said "yes".', "en", quotes="typographic", data_paths=[tmp_path])
    good = tmp_path / "good"  # another folder: language data is read once per set of paths
    good.mkdir()
    (good / "en.toml").write_text('[quotes]\nmarks = ["«", "»", "‹", "›"]\n', encoding="utf-8")
    got = newstext.clean('He said "yes".', "en", quotes="typographic", data_paths=[good])
    assert got == "He said «yes»."


def test_ascii_quotes_in_pieces_is_ascii_quotes_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "".join(random.Random(s).choice(["“", "”", "‘", "’", "a", " ", "\n", "「", "»"]) for _ in range(300))
        for s in range(50)
    ]
    whole = [quotes_module.ascii_quotes(t) for t in texts]
    monkeypatch.setattr(quotes_module, "_CHUNK", 7)
    assert [quotes_module.ascii_quotes(t) for t in texts] == whole
