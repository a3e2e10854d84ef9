"""Language data: the words and phrases of one language, one TOML file per language.

Every natural-language word newstext knows lives in ``newstext/data/lang/<tag>.toml``, never in
code. A file has tables (``[meta]``, ``[junk]``, ``[dates]`` ...) whose keys are listed, with their
types, in :data:`SCHEMA`; a file with an unknown key or a wrong type is refused with a message that
names the file and the key.

Loading follows BCP 47 fallbacks through langcodes: ``pt-BR`` reads ``pt-BR.toml`` if there is one,
then ``pt.toml``; ``zh-Hant-TW`` reads ``zh-Hant.toml`` then ``zh.toml``. A file may borrow the data
of another language (``[meta] borrow = ["id"]`` in ``ms.toml``). Users extend a language or add one
with files of their own, passed as ``data_paths``: a file's stem names its language (``xx.toml``), or
a folder holds such files. Nothing here is global: each combination is loaded once and cached.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import langcodes

__all__ = [
    "SCHEMA",
    "LangData",
    "all_languages",
    "available_languages",
    "load_language",
    "read_language_file",
]

#: Every table and key a language file may hold, with the type of its value.
#: ``list`` values are lists of strings, merged over every file read (the language's own, the
#: ones it borrows, the user's); ``tuple`` values are lists whose positions mean something
#: (quotation marks): the first file that sets one wins whole, the user's before newstext's;
#: ``str`` values are single strings, the first file that sets one wins.
SCHEMA: Mapping[str, Mapping[str, type]] = {
    "meta": {
        "name": str,  # the language's English name, for docs and messages
        "borrow": list,  # tags of languages whose data this one also uses (ms borrows id)
        "notes": str,
    },
    "junk": {
        # Labels are literal phrases, matched case-insensitively at the start of a line; a one-word
        # label applies only to articles of its own language, a longer one to every article.
        # Patterns (*_patterns) apply to every article, own_*_patterns to the language's own only.
        # labels that introduce related-link headlines ("Baca juga", "Read more", "Lesen Sie auch")
        "related_labels": list,
        # labels that introduce a video or gallery promo ("Video:", "Simak juga video")
        "promo_labels": list,
        # whole lines that are boilerplate, matched case-insensitively after trimming punctuation
        "boilerplate_lines": list,
        # regular expressions (the `regex` module's syntax, case-insensitive) for boilerplate; a
        # match removes text only when it runs to the end of a line (see docs/rules/drop_boilerplate.md)
        "boilerplate_patterns": list,
        # regular expressions for feed and cross-post footers ("The post X appeared first on Y.")
        "footer_patterns": list,
        # labels of credit lines, by what they credit: "Penulis: X" (author), "Editor: X" (editor),
        # "Sumber: Antara" (source), "Foto: X" (photo)
        "author_labels": list,
        "editor_labels": list,
        "source_labels": list,
        "photo_labels": list,
        # regular expressions for credit, byline and sign-off lines ("... can be reached at ...")
        "credit_patterns": list,
        # headers of a table of contents ("Daftar Isi", "Inhaltsverzeichnis")
        "toc_headers": list,
        # headers of the end matter after a story, removed with their line only: "Weitere
        # Informationen", "Originalpublikation", "About the author" (docs/rules/drop_end_matter.md)
        "end_matter_headers": list,
        # headers of a contact block ("Kontakt", "Pressekontakt", "Media contact"): removed with the
        # names, addresses, phone numbers and e-mail addresses that follow them
        "contact_headers": list,
        # headers of an author's bio ("Über den Autor", "About the author"): removed with the few
        # lines of bio that follow them when those end the text
        "bio_headers": list,
        # regular expressions for an author's bio line ("Jane Doe is a freelance writer ..."), tried
        # on the last line of the text only
        "bio_patterns": list,
        # like boilerplate_patterns, footer_patterns and credit_patterns, but applied only to
        # articles of this language (or of a language that borrows this file), never to articles
        # of other languages: for what is safe only in its own language, such as a byline without
        # a colon ("Door Jan Jansen" in Dutch; "Door Hardware" in English is no byline)
        "own_boilerplate_patterns": list,
        "own_footer_patterns": list,
        "own_credit_patterns": list,
    },
    "tags": {
        # keyword-tag phrases known to be glued after paragraphs ("Politik Rusia"), matched
        # case-insensitively at the end of a line after a sentence, or in the trailing tag list
        "phrases": list,
        # labels of tag lines ("Tags: a, b", "Kata kunci: ...", "标签：..."), matched case-insensitively
        "labels": list,
        # names of news sections that open a glued tag ("Politik" in "... diputuskan. Politik Rusia")
        "sections": list,
    },
    "dates": {
        # extra spellings of month names, on top of CLDR's ("Sept", "Agt")
        "month_aliases": list,
        # extra spellings of weekday names, on top of CLDR's ("Jum'at")
        "weekday_aliases": list,
        # the order of numeric dates when nothing else tells: "dmy", "mdy" or "ymd"
        "order": str,
        # what may follow a day number ("th" of "8th", "er" of "1er", "日" of "8日")
        "day_suffixes": list,
        # what may follow a year number ("г." of "2021 г.", "年" of "2021年")
        "year_suffixes": list,
        # words that may stand between day, month and year ("de" of "8 de octubre de 2021")
        "joiners": list,
        # prefixes glued to a month name (Hebrew "ב" of "באוקטובר")
        "month_prefixes": list,
        # words that join the two days of a range ("hingga" of "9 hingga 10 Juni"), besides dashes
        "range_words": list,
    },
    "quotes": {
        # CLDR's quotation marks: [open, close, inner open, inner close] (positional: not merged)
        "marks": tuple,
    },
    "language": {
        # words common in this language and rare in a close one (Indonesian "bahwa", Malay "bahawa"):
        # language detection counts them to settle a close call between two languages that list them
        "markers": list,
    },
}

_PACKAGE_DATA = "data/lang"


@dataclass(frozen=True, slots=True)
class LangData:
    """The merged data of one language: its own file, the files it borrows, the user's files.

    ``tag`` is the tag the data was asked for, ``files`` the files read, in order.
    """

    tag: str
    files: tuple[str, ...]
    tables: Mapping[str, Mapping[str, Any]]

    def strings(self, table: str, key: str) -> tuple[str, ...]:
        """The list ``table.key``: for a merged key every file's entries in order, duplicates
        dropped; for a positional key the list of the first file that sets it."""
        _check_key(table, key, list, tuple)
        return tuple(self.tables.get(table, {}).get(key, ()))

    def value(self, table: str, key: str, default: str = "") -> str:
        """The string ``table.key`` (the first file that sets it wins), or ``default``."""
        _check_key(table, key, str)
        found = self.tables.get(table, {}).get(key)
        return default if found is None else str(found)

    @property
    def known(self) -> bool:
        """True when at least one data file was found for the language."""
        return bool(self.files)


def _check_key(table: str, key: str, *kinds: type) -> None:
    if SCHEMA.get(table, {}).get(key) not in kinds:
        names = " or ".join(k.__name__ for k in kinds)
        raise KeyError(f"{table}.{key} is not a {names} key of the language-file schema")


def read_language_file(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read and validate one language file; raise ValueError naming the file and the bad key."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            doc = tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from None
    return validate(doc, str(path))


def validate(doc: Mapping[str, Any], where: str) -> dict[str, dict[str, Any]]:
    """Check a parsed language file against :data:`SCHEMA`; return it as plain dicts."""
    out: dict[str, dict[str, Any]] = {}
    for table, body in doc.items():
        if table not in SCHEMA:
            raise ValueError(f"{where}: unknown table [{table}] (known: {', '.join(SCHEMA)})")
        if not isinstance(body, dict):
            raise ValueError(f"{where}: [{table}] must be a table")
        out[table] = {}
        for key, value in body.items():
            kind = SCHEMA[table].get(key)
            if kind is None:
                raise ValueError(f"{where}: unknown key {table}.{key} (known: {', '.join(SCHEMA[table])})")
            if kind in (list, tuple):
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ValueError(f"{where}: {table}.{key} must be a list of strings")
            elif not isinstance(value, kind):
                raise ValueError(f"{where}: {table}.{key} must be a {kind.__name__}")
            out[table][key] = value
    return out


def _packaged_files() -> dict[str, Any]:
    root = resources.files("newstext").joinpath(_PACKAGE_DATA)
    return {
        entry.name.removesuffix(".toml"): entry
        for entry in root.iterdir()
        if entry.name.endswith(".toml") and not entry.name.startswith("_")
    }


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The tags of the languages newstext ships data for, sorted."""
    return tuple(sorted(_packaged_files()))


def _candidates(tag: str) -> list[str]:
    """``tag`` and its fallbacks, most specific first: zh-Hant-TW, zh-Hant, zh."""
    try:
        lang = langcodes.Language.get(tag)
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        return [tag]
    out: list[str] = []
    for cand in (
        lang.to_tag(),
        lang.simplify_script().to_tag(),
        langcodes.Language.make(language=lang.language, script=lang.script).to_tag(),
        lang.language or "und",
    ):
        if cand and cand not in out:
            out.append(cand)
    # the same language under another code: langcodes writes "tl" as "fil" and "nb" is "no"'s Bokmål,
    # so "fil" must read tl.toml and "nb" no.toml (a distance of 0 or 1 means the same language)
    for code in available_languages():
        if code not in out and langcodes.tag_distance(lang.language or "und", code) <= 1:
            out.append(code)
    return out


def _user_files(paths: Sequence[str]) -> Iterator[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(p.glob("*.toml"))
        else:
            yield p


def _merge(docs: list[dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Merge validated files, earliest first: lists are joined (duplicates dropped); positional
    lists and strings are taken whole from the first file that sets them."""
    tables: dict[str, dict[str, Any]] = {}
    for doc in docs:
        for table, body in doc.items():
            merged = tables.setdefault(table, {})
            for key, value in body.items():
                if SCHEMA[table][key] is list:
                    old = merged.setdefault(key, [])
                    old.extend(v for v in value if v not in old)
                else:
                    merged.setdefault(key, value)
    return tables


@functools.lru_cache(maxsize=128)
def load_language(tag: str, data_paths: tuple[str, ...] = ()) -> LangData:
    """The data for ``tag`` with its fallbacks, borrowed languages and the user's files merged.

    ``tag`` should already be a standard tag (see :func:`newstext.language.normalize_lang`).
    """
    packaged = _packaged_files()
    user: dict[str, list[Path]] = {}
    for path in _user_files(data_paths):
        user.setdefault(path.stem, []).append(path)

    files: list[str] = []
    docs: list[dict[str, dict[str, Any]]] = []

    def add(cand: str, seen: set[str]) -> None:
        if cand in seen:
            return
        seen.add(cand)
        found = False
        for path in user.get(cand, ()):  # the user's files first: where one value wins, theirs does
            docs.append(read_language_file(path))
            files.append(str(path))
            found = True
        if cand in packaged:
            with resources.as_file(packaged[cand]) as real:
                docs.append(read_language_file(real))
            files.append(f"newstext:{cand}.toml")
            found = True
        if not found:
            return
        for doc in list(docs):
            for other in doc.get("meta", {}).get("borrow", ()):
                add(other, seen)

    seen: set[str] = set()
    for cand in _candidates(tag):
        add(cand, seen)
        if files:
            break

    return LangData(tag=tag, files=tuple(files), tables=_merge(docs))


@functools.cache
def all_languages() -> LangData:
    """The data of every packaged language merged into one (tag ``"mul"``), read once.

    Syndicated text mixes languages (an Indonesian article with an English "Read More:" line), so
    the junk rules also look for the phrases of other languages than the article's.
    """
    docs: list[dict[str, dict[str, Any]]] = []
    files: list[str] = []
    for tag, entry in sorted(_packaged_files().items()):
        with resources.as_file(entry) as real:
            docs.append(read_language_file(real))
        files.append(f"newstext:{tag}.toml")
    return LangData(tag="mul", files=tuple(files), tables=_merge(docs))
