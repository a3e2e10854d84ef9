"""A multilingual evaluation set for language detection, built at run time from real text on this machine.

Nothing here is copied into the project: every text is read in place when the set is built.

Sources (each document carries the language its source says, never a detector's guess):

- ``dev``: the articles of ``../shared/corpus/dev`` (language from each ``meta.json``).
- ``trafilatura``: ``../shared/data/trafilatura-eval/items.jsonl``, 990 real web pages. Their ``lang``
  field is a py3langid guess, so it was checked: py3langid and lingua agree with it on 985 pages; the
  five others were read by hand and are set in :data:`TRAFILATURA_CHECKED` (a label, or None to leave
  out a page in a language neither detector knows or a page made of several languages in equal parts).
- ``manpages``: the translated manual pages under ``/usr/share/man/<lang>/`` (human translations made
  with po4a). po4a leaves paragraphs it has no translation for in English, so every paragraph half of
  whose words or more are words of the English page is dropped; what is left is the translators' text.
- ``gettext``: the translated messages of ``/usr/share/locale/<lang>/LC_MESSAGES/*.mo`` (coreutils, glib,
  gtk, tar, ...): messages of four words or more whose translation differs from the English, joined into
  documents of about 1,000 characters. This is where Malay, Arabic, Greek, Hindi ... come from.
"""

from __future__ import annotations

import gettext
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import langcodes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
TRAFILATURA = SHARED / "data" / "trafilatura-eval" / "items.jsonl"
MAN = Path("/usr/share/man")
LOCALE = Path("/usr/share/locale")

#: trafilatura items whose py3langid label was wrong or unusable, read by hand.
TRAFILATURA_CHECKED: dict[str, str | None] = {
    "chineselyrics4u-com-zhineng": "zh",  # Chinese lyrics, each line followed by its pinyin
    "echte-demokratie-jetzt-de-blog": None,  # one letter in German, Spanish, Greek and English
    "tine-no-fotballskole": "no",  # Norwegian Bokmål
    "24ora-com-internationalschol": None,  # Papiamento: no detector here knows it
    "german-stackexchange-com-ausgeraubt": "en",  # an English page about German grammar
}


@dataclass(frozen=True, slots=True)
class Doc:
    """One document of the set: where it comes from, its language (a BCP 47 tag) and its text."""

    source: str
    id: str
    lang: str
    text: str


def base_language(tag: str) -> str:
    """The language subtag, macrolanguages folded (nb and nn to no, cmn to zh): what a score compares."""
    if tag == "und":
        return "und"
    lang = langcodes.Language.get(langcodes.standardize_tag(tag, macro=True)).language or "und"
    return {"nb": "no", "nn": "no", "zsm": "ms"}.get(lang, lang)


def dev_docs() -> Iterator[Doc]:
    """The articles of the dev corpus."""
    if not DEV.is_dir():
        return
    for d in sorted(DEV.iterdir()):
        if (d / "raw.txt").exists():
            meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
            yield Doc("dev", d.name, str(meta["lang"]), (d / "raw.txt").read_text(encoding="utf-8"))


def trafilatura_docs() -> Iterator[Doc]:
    """The pages of trafilatura's evaluation set, with the checked labels."""
    if not TRAFILATURA.exists():
        return
    with TRAFILATURA.open(encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            lang = TRAFILATURA_CHECKED.get(item["id"], item["lang"])
            if lang is not None:
                yield Doc("trafilatura", item["id"], lang, item["text"])


# --- manual pages -------------------------------------------------------------------------------------

_ROFF_ESCAPE = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)|\\\(..|\\\*(?:\(..|.)|\\[&|^%:,/]|\\s[-+]?\d")
_ROFF_SECTION = re.compile(r"^\.S[HS]\s+(.*)$")


def _roff_paragraphs(source: str) -> list[str]:
    """The prose paragraphs of a roff page from its second section on (NAME and SYNOPSIS skipped)."""
    paragraphs: list[str] = []
    current: list[str] = []
    sections = 0
    in_table = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in source.splitlines():
        if line.startswith(".TS"):
            in_table = True
        if line.startswith(".TE"):
            in_table = False
            continue
        if in_table:
            continue
        if _ROFF_SECTION.match(line):
            flush()
            sections += 1
            continue
        if line.startswith((".", "'")) or not line.strip():
            flush()
            continue
        if sections < 3:  # NAME, SYNOPSIS: commands, not prose
            continue
        text = _ROFF_ESCAPE.sub("", line).replace("\\-", "-").replace("\\e", "\\").replace("\\ ", " ")
        current.append(text.strip())
    flush()
    return [p for p in paragraphs if len(p) >= 40 and sum(c.isalpha() for c in p) > len(p) // 2]


def _read_gz(path: Path) -> str:
    try:
        return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    except (OSError, EOFError):
        return ""


_WORD = re.compile(r"[^\W\d_]{2,}")


def _mostly_in(paragraph: str, vocabulary: set[str]) -> bool:
    """True when half the words of ``paragraph`` or more are words of the English page: left untranslated."""
    words = _WORD.findall(paragraph.lower())
    return not words or sum(w in vocabulary for w in words) * 2 >= len(words)


def manpage_docs(*, per_language: int = 30, max_chars: int = 2000) -> Iterator[Doc]:
    """Translated manual pages, less the paragraphs that were left in English."""
    if not MAN.is_dir():
        return
    for lang_dir in sorted(MAN.iterdir()):
        if lang_dir.name.startswith("man") or not lang_dir.is_dir():
            continue
        tag = langcodes.standardize_tag(lang_dir.name)
        count = 0
        for page in sorted(lang_dir.glob("man*/*.gz")):
            english = MAN / page.parent.name / page.name
            vocabulary = set(_WORD.findall(_read_gz(english).lower())) if english.exists() else set()
            kept = [p for p in _roff_paragraphs(_read_gz(page)) if not _mostly_in(p, vocabulary)]
            text = ""
            for p in kept:
                if len(text) + len(p) > max_chars and text:
                    break
                text += p + "\n\n"
            if len(text) >= 300:
                yield Doc("manpages", f"{lang_dir.name}/{page.name}", tag, text.strip())
                count += 1
                if count >= per_language:
                    break


# --- gettext catalogues -------------------------------------------------------------------------------

_FORMAT = re.compile(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[hlLqjzt]*[a-zA-Z%]|\{[^}]*\}|<[^>]+>|&[a-z]+;")


def _messages(mo: Path) -> Iterator[str]:
    try:
        with mo.open("rb") as f:
            catalog: dict[object, str] = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, IndexError, SyntaxError):
        return
    for msgid, msgstr in sorted(catalog.items(), key=lambda kv: str(kv[0])):
        if not isinstance(msgid, str) or not msgid or not msgstr or msgstr == msgid:
            continue
        if len(msgid.split()) < 4:
            continue
        text = _FORMAT.sub("", msgstr).replace("_", "").replace("\\n", " ")
        text = " ".join(text.split())
        if sum(c.isalpha() for c in text) >= 15:
            yield text


def gettext_docs(*, per_language: int = 20, size: int = 1000) -> Iterator[Doc]:
    """Translated program messages, joined into documents of about ``size`` characters."""
    if not LOCALE.is_dir():
        return
    for lang_dir in sorted(LOCALE.iterdir()):
        if "@" in lang_dir.name or not (lang_dir / "LC_MESSAGES").is_dir():
            continue
        try:
            tag = langcodes.standardize_tag(lang_dir.name)
        except ValueError:
            continue
        count = 0
        text = ""
        for mo in sorted((lang_dir / "LC_MESSAGES").glob("*.mo")):
            if mo.name.startswith(("iso_", "xkeyboard")):
                continue  # lists of names, not sentences
            for message in _messages(mo):
                text += message + " "
                if len(text) >= size:
                    yield Doc("gettext", f"{lang_dir.name}/{count}", tag, text.strip())
                    count += 1
                    text = ""
                    if count >= per_language:
                        break
            if count >= per_language:
                break


def short_docs(*, per_language: int = 40) -> list[Doc]:
    """Short texts: single gettext messages and single manual-page paragraphs (20 to 300 characters)."""
    out: list[Doc] = []
    if LOCALE.is_dir():
        for lang_dir in sorted(LOCALE.iterdir()):
            if "@" in lang_dir.name or not (lang_dir / "LC_MESSAGES").is_dir():
                continue
            try:
                tag = langcodes.standardize_tag(lang_dir.name)
            except ValueError:
                continue
            count = 0
            for mo in sorted((lang_dir / "LC_MESSAGES").glob("*.mo")):
                if mo.name.startswith(("iso_", "xkeyboard")) or count >= per_language:
                    continue
                for message in _messages(mo):
                    if 20 <= len(message) <= 300 and count < per_language:
                        out.append(Doc("gettext-line", f"{lang_dir.name}/{mo.stem}/{count}", tag, message))
                        count += 1
    for doc in manpage_docs(per_language=per_language):
        for i, paragraph in enumerate(doc.text.split("\n\n")):
            if 20 <= len(paragraph) <= 300:
                out.append(Doc("manpage-line", f"{doc.id}/{i}", doc.lang, paragraph))
    return _unique(out)


def _unique(docs: list[Doc]) -> list[Doc]:
    """``docs`` without the ones whose text came before (pages and programs share paragraphs)."""
    seen: set[str] = set()
    out: list[Doc] = []
    for doc in docs:
        if doc.text not in seen:
            seen.add(doc.text)
            out.append(doc)
    return out


def build(*, per_language: int = 20) -> list[Doc]:
    """The whole set: dev corpus, trafilatura pages, manual pages, gettext messages; no text twice."""
    return _unique(
        [
            *dev_docs(),
            *trafilatura_docs(),
            *manpage_docs(per_language=per_language),
            *gettext_docs(per_language=per_language),
        ]
    )
