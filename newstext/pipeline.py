"""The pipeline core: cleaners propose edits, a :class:`Pipeline` applies them in order.

Data flows one way: text in, edits, text out. A :class:`Cleaner` looks at the text it is given and
proposes :class:`~newstext.edits.Edit` objects; the pipeline settles them (sorted, no overlaps),
splices them in and hands the new text to the next cleaner. :meth:`Pipeline.explain` also follows an
:class:`~newstext.edits.OffsetMap` so every edit is reported against the original input;
:meth:`Pipeline.clean` does not pay for that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from newstext.context import Context, make_context
from newstext.edits import Edit, OffsetMap, apply_edits, settle
from newstext.guard import DEFAULT_GUARD, Guard
from newstext.language import (
    ParagraphLanguage,
    paragraph_languages,
    read_language,
    title_language_mismatch,
)

__all__ = ["REDETECTIONS", "Cleaner", "HeldBack", "Pipeline", "Result", "settled_language"]


class Cleaner:
    """Base class of every cleaner.

    A subclass sets :attr:`name` (the rule name in :class:`Result`, and the keyword that turns the
    cleaner off in :func:`newstext.clean`) and implements :meth:`edits`. A cleaner is immutable and
    picklable; its configuration lives in its own dataclass fields.

    A cleaner instance is also callable on its own: ``drop_related_links(text, lang="id")``.
    """

    name: ClassVar[str] = "cleaner"
    #: whether the pipeline's :class:`~newstext.guard.Guard` weighs this cleaner's edits before they
    #: are applied; cleaners that only rewrite characters in place turn it off for a faster path
    guarded: ClassVar[bool] = True

    def edits(self, text: str, ctx: Context) -> Iterable[Edit]:
        """Propose edits with offsets into ``text``; they may come in any order."""
        raise NotImplementedError

    def apply(self, text: str, ctx: Context) -> str:
        """Apply this cleaner's edits to ``text`` (the fast path; subclasses may do it faster)."""
        return apply_edits(text, settle(self.edits(text, ctx)))

    def __call__(self, text: str, lang: str | None = None) -> str:
        return self.apply(text, make_context(text, lang))


@dataclass(frozen=True, slots=True)
class HeldBack:
    """The edits of one rule that the guard did not apply, and why (offsets into the input)."""

    rule: str
    reason: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Credit:
    """What a removed credit line said: a label ("source", "editor", "photo") and its value."""

    label: str
    value: str
    edit: Edit


@dataclass(frozen=True, slots=True)
class Result:
    """What :func:`newstext.explain` returns.

    ``text`` is exactly what :func:`newstext.clean` returns for the same input and options.
    ``edits`` lists every change in the order it was made, each with offsets into the input.
    ``lang`` is the article's language tag.
    """

    text: str
    edits: tuple[Edit, ...]
    lang: str
    original: str = ""
    #: rules whose edits the guard held back (see :mod:`newstext.guard`); empty when all went ahead
    held_back: tuple[HeldBack, ...] = ()
    #: the same edits as :attr:`edits`, in the same order, with offsets and text of the stage their
    #: rule was given: a later rule's edit there covers only what that rule changed, so per-rule
    #: counts of characters removed add up to the characters in less the characters out
    stage_edits: tuple[Edit, ...] = ()

    @property
    def paragraph_languages(self) -> tuple[ParagraphLanguage, ...]:
        """The language of each paragraph (line) of the input, with offsets into it: a line in
        another language than the article (a related headline left in English) is evidence of
        junk. Worked out when asked for (one detection per line), not by every ``explain()``."""
        return tuple(paragraph_languages(self.original, self.lang))

    @property
    def title_language(self) -> ParagraphLanguage | None:
        """The title (first line), when it is in another language than the body: a sign of a
        machine-translated, spun copy. Worked out when asked for."""
        return title_language_mismatch(self.original, self.lang)

    @property
    def foreign_paragraphs(self) -> tuple[ParagraphLanguage, ...]:
        """The paragraphs in another language than the article's."""
        return tuple(p for p in self.paragraph_languages if p.tag not in ("und", self.lang))

    @property
    def credits(self) -> tuple[Credit, ...]:
        """What the removed credit lines said (source, editor, photo ...), so nothing is lost."""
        out = []
        for edit in self.edits:
            if edit.rule == "drop_credits" and ":" in edit.note:
                label, _, value = edit.note.partition(":")
                out.append(Credit(label.strip(), value.strip(), edit))
        return tuple(out)

    @property
    def rules(self) -> tuple[str, ...]:
        """The names of the rules that changed something, in the order they first did."""
        seen: dict[str, None] = {}
        for edit in self.edits:
            seen.setdefault(edit.rule, None)
        return tuple(seen)

    def by_rule(self, rule: str) -> tuple[Edit, ...]:
        """The edits one rule made."""
        return tuple(e for e in self.edits if e.rule == rule)

    @property
    def removed(self) -> tuple[Edit, ...]:
        """The edits that deleted text."""
        return tuple(e for e in self.edits if e.is_removal)


T = TypeVar("T")

#: how many times at most an input is cleaned again in the language of its cleaned text
REDETECTIONS = 2


def settled_language(ctx: Context, cleaned: str) -> Context | None:
    """The context of the language ``cleaned`` reads as, or None when it reads as the one it was
    cleaned in (or the language was given).

    A language that was detected on the raw text can be the language of its junk: an Indonesian
    story under long English captions reads as English until the captions are gone. A second
    ``clean()`` would clean the result in the language it reads as, so :func:`_settled` checks
    what that makes of it, and cleans the input in that language when it would change it
    (docs/guarantees.md). A cleaned text too short or too mixed to tell reads as "und" (every
    language's data), as a second ``clean()`` would read it. The cleaned text is read against
    what the detection read of the input: a sample that cleaning left as it was is not scored again.
    """
    if not ctx.detected:
        return None
    tag = read_language(cleaned, ctx.reading).found.tag
    if tag == ctx.lang:
        return None
    return ctx.in_language(tag)


def _settled(
    run: Callable[[str, Context], T],
    again: Callable[[str, Context], str],
    text: str,
    ctx: Context,
    cleaned: Callable[[T], str],
) -> T:
    """``run(text, ctx)``, settled in the language of what it returns.

    When the cleaned text reads as another language than the one it was cleaned in (see
    :func:`settled_language`), a second ``clean()`` would clean it in that one: ``again`` (the fast
    path) tells what that makes of it. When it changes nothing, the result stands, and so does the
    language it was cleaned in; otherwise the input is cleaned in the other language, at most
    :data:`REDETECTIONS` times more.
    """
    out = run(text, ctx)
    for _ in range(REDETECTIONS):
        other = settled_language(ctx, cleaned(out))
        if other is None:
            break
        result = cleaned(out)
        if again(result, other.for_input(result)) == result:
            break  # a second clean() would read it so, and leave it as it is
        ctx = other
        out = run(text, ctx)
    return out


class Pipeline:
    """An ordered tuple of cleaners, run one after another.

    >>> from newstext import Pipeline, normalize_quotes, normalize_whitespace
    >>> p = Pipeline([normalize_quotes, normalize_whitespace])
    >>> p.clean("“Ya,”  kata   dia.")
    '"Ya," kata dia.'
    """

    __slots__ = ("cleaners", "guard")

    def __init__(self, cleaners: Iterable[Cleaner], *, guard: Guard | None = DEFAULT_GUARD) -> None:
        self.cleaners: tuple[Cleaner, ...] = tuple(cleaners)
        self.guard = guard
        for cleaner in self.cleaners:
            if not isinstance(cleaner, Cleaner):
                raise TypeError(f"a Pipeline takes Cleaner objects, got {type(cleaner).__name__}")

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self.cleaners)

    def __len__(self) -> int:
        return len(self.cleaners)

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(c.name for c in self.cleaners)}])"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and (self.cleaners, self.guard) == (other.cleaners, other.guard)

    def __hash__(self) -> int:
        return hash((self.cleaners, self.guard))

    def __getstate__(self) -> tuple[tuple[Cleaner, ...], Guard | None]:
        return self.cleaners, self.guard

    def __setstate__(self, state: tuple[tuple[Cleaner, ...], Guard | None]) -> None:
        self.cleaners, self.guard = state

    @property
    def names(self) -> tuple[str, ...]:
        """The rule names of the cleaners, in order."""
        return tuple(c.name for c in self.cleaners)

    def without(self, *names: str) -> Pipeline:
        """The same pipeline less the cleaners with these names."""
        unknown = set(names) - set(self.names)
        if unknown:
            raise ValueError(f"no cleaner named {', '.join(sorted(unknown))} in {self!r}")
        return Pipeline((c for c in self.cleaners if c.name not in names), guard=self.guard)

    def replace(self, cleaner: Cleaner) -> Pipeline:
        """The same pipeline with the cleaner of the same name swapped for ``cleaner``.

        This is how a shipped cleaner is configured: ``p.replace(StripKeywordTags(phrases=...))``.
        """
        if cleaner.name not in self.names:
            raise ValueError(f"no cleaner named {cleaner.name} in {self!r}")
        return Pipeline((cleaner if c.name == cleaner.name else c for c in self.cleaners), guard=self.guard)

    def run(self, text: str, ctx: Context) -> str:
        """The fast path: apply every cleaner in turn, with no bookkeeping.

        When the language was detected (``ctx.detected``) and the cleaned text reads as another
        language, the input is cleaned again in that one (see :func:`settled_language`).
        """
        return _settled(self._run, self._run, text, ctx, lambda out: out)

    def _run(self, text: str, ctx: Context) -> str:
        guard = self.guard
        for cleaner in self.cleaners:
            if guard is None or not cleaner.guarded:
                text = cleaner.apply(text, ctx)
                continue
            edits = settle(cleaner.edits(text, ctx))
            if edits and guard.check(edits, text, ctx.original) is None:
                text = apply_edits(text, edits)
        return text

    def run_explained(self, text: str, ctx: Context) -> Result:
        """Apply every cleaner in turn and report each edit against the original input (in the
        language of the cleaned text when it was detected, as :meth:`run`)."""
        return _settled(self._run_explained, self._run, text, ctx, lambda result: result.text)

    def _run_explained(self, text: str, ctx: Context) -> Result:
        original = text
        offsets = OffsetMap(len(text))
        reported: list[Edit] = []
        staged: list[Edit] = []
        held: list[HeldBack] = []

        def split(edit: Edit) -> list[tuple[Edit, Edit]]:
            # an edit that straddles text an earlier rule removed is reported in parts, without that
            # text: what is shown as this rule's doing is exactly what this rule changed. Each part
            # is given as (offsets into the input, offsets into the text the rule was given).
            parts = []
            for n, ((a, b), (start, end)) in enumerate(offsets.pieces(edit.start, edit.end)):
                after = edit.after if n == 0 else ""
                if original[start:end] != after:
                    parts.append(
                        (
                            Edit(edit.rule, start, end, original[start:end], after, edit.note),
                            Edit(edit.rule, a, b, text[a:b], after, edit.note),
                        )
                    )
            return parts

        for cleaner in self.cleaners:
            edits: Sequence[Edit] = settle(cleaner.edits(text, ctx))
            if not edits:
                continue
            reason = self.guard.check(edits, text, ctx.original) if self.guard and cleaner.guarded else None
            if reason is not None:
                held.append(HeldBack(cleaner.name, reason, tuple(p for e in edits for p, _ in split(e))))
                continue
            for edit in edits:
                for in_input, in_stage in split(edit):
                    reported.append(in_input)
                    staged.append(in_stage)
            offsets.update(edits)
            text = apply_edits(text, edits)
        return Result(
            text=text,
            edits=tuple(reported),
            lang=ctx.lang,
            original=original,
            held_back=tuple(held),
            stage_edits=tuple(staged),
        )

    def clean(self, text: str, lang: str | None = None) -> str:
        """Clean ``text`` with these cleaners (language detected when ``lang`` is None)."""
        return self.run(text, make_context(text, lang))

    def explain(self, text: str, lang: str | None = None) -> Result:
        """Clean ``text`` and say what changed."""
        return self.run_explained(text, make_context(text, lang))
