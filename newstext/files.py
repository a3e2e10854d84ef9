"""Files for the command line: decoding input of any encoding, and output that appears only when whole.

:func:`decode` reads UTF-8 (with or without BOM) and, failing that, asks charset-normalizer; when
nothing fits it raises :class:`DecodeError` naming the file and the byte offset.
:class:`AtomicOutput` writes to a temporary file beside the target and renames it into place only
when the run completed, so an interrupted run never leaves a partial file under the final name.
"""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Protocol

import regex

__all__ = [
    "WIDE_BOMS",
    "AtomicOutput",
    "ByteSource",
    "DecodeError",
    "decode",
    "decode_line",
    "plausible",
    "read_lines",
    "same_file",
]

SAMPLE = 1 << 20  # bytes read to tell the encoding of a file that is not UTF-8


class ByteSource(Protocol):
    """Anything with a binary ``read``: a file opened "rb", ``sys.stdin.buffer``."""

    def read(self, size: int = -1, /) -> bytes: ...


class DecodeError(ValueError):
    """Input bytes in no encoding that could be told."""


#: C0 controls that no text file in a legacy encoding holds (tab, line breaks, form feed and the
#: DOS end-of-file mark ^Z excepted)
_STRAY_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f]")
#: the first word of a letter's Unicode name tells its writing system ("LATIN SMALL LETTER A",
#: "CJK UNIFIED IDEOGRAPH-7406"); Japanese mixes Han with the kana, so they count as one
_ONE_SYSTEM = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "LATIN"}
#: characters read to judge a guessed decoding
_JUDGED = 1 << 16
#: share of the letters a guessed decoding may have outside Latin and its main other writing system
_MIXED_SHARE = 0.05


def plausible(text: str) -> bool:
    """True when ``text``, decoded by a guessed encoding, looks like text in some language.

    Charset detectors always name some encoding; for noise, or for a short sample, their guess
    decodes to a jumble of characters (two bytes of noise as one UTF-16 character land anywhere
    in Unicode). A text is plausible when it has no stray control character, no unassigned or
    private-use code point, and its letters are Latin and one other writing system (a few
    strays aside).

    >>> plausible("Правительство города объявило сегодня о новом плане.")
    True
    >>> plausible("\u7406\u6676\ucfb0\ub4eb\u8902\uc442")  # noise read as UTF-16: Han and Hangul
    False
    """
    sample = text[:_JUDGED]
    if _STRAY_CONTROL.search(sample):
        return False
    if any(unicodedata.category(ch) in ("Cn", "Co", "Cs") for ch in sample):
        return False
    systems: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            word = unicodedata.name(ch, "?").split(None, 1)[0]
            key = _ONE_SYSTEM.get(word, word)
            systems[key] = systems.get(key, 0) + 1
    letters = sum(systems.values())
    latin = systems.pop("LATIN", 0)
    main = max(systems.values(), default=0)
    return letters - latin - main <= _MIXED_SHARE * letters


def _guess(data: bytes) -> tuple[str, str] | None:
    """The encoding charset-normalizer names for ``data`` and the text it gives, when plausible."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    text = str(best)
    return (best.encoding, text) if plausible(text) else None


def decode(data: bytes, name: str, *, offset: int = 0) -> str:
    """Decode ``data`` (read from ``name``; ``offset`` is where ``data`` starts in that file)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    guessed = _guess(data)
    if guessed is not None and guessed[0] not in ("utf_8", "utf-8"):
        return guessed[1]
    raise DecodeError(
        f"{name}: cannot decode byte 0x{data[first_bad]:02x} at offset {offset + first_bad}: "
        "the file is not UTF-8 and its encoding could not be detected; "
        "convert it first, e.g. iconv -f LATIN1 -t UTF-8"
    )


def read_lines(stream: ByteSource, name: str) -> Iterator[str]:
    """The lines of a binary stream as text, without their line breaks, read lazily.

    Lines are UTF-8 unless the first megabyte is not, in which case that sample tells the encoding
    of the whole file; a file that starts with a UTF-16 or UTF-32 byte-order mark is read in that
    encoding. A line in no encoding that fits raises :class:`DecodeError` naming the file,
    the line number and the byte offset.
    """
    head = stream.read(SAMPLE)
    rest = stream
    for bom, wide in WIDE_BOMS:
        if head.startswith(bom):  # UTF-16 and UTF-32 cannot be split on the byte b"\n"
            yield from _wide_lines(head, rest, wide, name)
            return
    encoding = "utf-8"
    cut = head.rfind(b"\n") + 1 or len(head)
    try:
        head[:cut].decode("utf-8")
    except UnicodeDecodeError:
        guessed = _guess(head[:cut])
        if guessed is None:
            raise DecodeError(
                f"{name}: the file is not UTF-8 and its encoding could not be detected"
            ) from None
        encoding = guessed[0]
    offset = 0
    number = 0
    pending = head

    def chunks() -> Iterator[bytes]:
        yield pending
        while block := rest.read(SAMPLE):
            yield block

    carry = b""
    for block in chunks():
        carry += block
        *complete, carry = carry.split(b"\n")
        for raw in complete:
            number += 1
            yield decode_line(raw, encoding, name, number, offset)
            offset += len(raw) + 1
    if carry:
        number += 1
        yield decode_line(carry, encoding, name, number, offset)


#: byte-order marks of the encodings whose line break is more than the byte b"\n" (UTF-32 first:
#: its little-endian mark begins with UTF-16's)
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide_lines(head: bytes, rest: ByteSource, encoding: str, name: str) -> Iterator[str]:
    """The lines of a UTF-16 or UTF-32 stream (with its byte-order mark), decoded as they come."""
    decoder = codecs.getincrementaldecoder(encoding)()
    carry = ""
    offset = 0  # bytes of the stream before ``block``
    block = head
    final = False
    while not final:
        final = not block
        buffered = decoder.getstate()[0]
        try:
            carry += decoder.decode(block, final=final)
        except UnicodeDecodeError as exc:
            bad = (buffered + block)[exc.start : exc.start + 1]
            what = f"byte 0x{bad.hex()}" if bad else "the end of the file"
            raise DecodeError(
                f"{name}: cannot decode {what} at offset {offset - len(buffered) + exc.start} as {encoding}"
            ) from None
        offset += len(block)
        *complete, carry = carry.split("\n")
        for line in complete:
            yield line.removesuffix("\r")
        if not final:
            block = rest.read(SAMPLE)
    if carry:
        yield carry.removesuffix("\r")


def decode_line(raw: bytes, encoding: str, name: str, number: int, offset: int) -> str:
    """One line of a file as text: ``raw`` (its bytes, without the "\\n") decoded from ``encoding``,
    less a "\\r" at its end and, on line 1, a UTF-8 byte-order mark; an undecodable byte raises a
    :class:`DecodeError` naming the file (``name``), the line (``number``) and the byte's offset
    (``offset`` is the line's first byte in the file)."""
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{name}: line {number}: cannot decode byte 0x{raw[exc.start]:02x} "
            f"at offset {offset + exc.start} as {encoding}"
        ) from None


def same_file(a: str, b: str) -> bool:
    """True when paths ``a`` and ``b`` name the same existing file."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicOutput:
    """A text file written under a temporary name and renamed to ``path`` on success.

    ``path`` of ``"-"`` (or None) writes to standard output instead, directly.
    """

    def __init__(self, path: str | None) -> None:
        self.path = None if path in (None, "-") else path
        self._tmp: str | None = None
        self._file: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        target = Path(self.path)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
        os.chmod(self._tmp, 0o666 & ~_umask())  # mkstemp makes 0600; the output gets the usual mode
        self._file = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self._file

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.path is None:
            sys.stdout.flush()
            return
        assert self._file is not None
        assert self._tmp is not None
        self._file.close()
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            os.unlink(self._tmp)
