"""sources/differences.toml: where the texts tell one thing differently (the date of
Stalin's consent, the way Zhou Enlai asked Moscow). A reviewed list, not found by code: the
editors name the point and quote each text's words, and the build checks that the words
stand in the paragraph named, as the text prints them."""
from __future__ import annotations

from pathlib import Path

from ..errors import EditionError
from ..model.differences import Difference, ToldPassage
from ..model.inlines import plain_text
from .fields import Field, check_table, filled, only_tables, tables, whole
from .sourcefile import read_toml

HOW_TO = "the fields are listed at the top of sources/differences.toml"
DIFFERENCE_FIELDS = {"about": Field(filled, True), "note": Field(filled, True), "passage": Field(tables, True)}
PASSAGE_FIELDS = {"text": Field(filled, True), "paragraph": Field(whole(1, 100000, 12), True),
                  "words": Field(filled, True)}


def load_differences(path: Path) -> tuple[Difference, ...]:
    """The differences as written (none without the file); each has two passages or more."""
    if not path.is_file():
        return ()
    toml = read_toml(path)
    found = []
    first: dict[str, int] = {}   # about -> the line of its [[difference]]
    for index, (_, at) in enumerate(only_tables(toml, "difference")):
        table = check_table(toml, ("difference", index), DIFFERENCE_FIELDS, "[[difference]]", HOW_TO)
        if table["about"] in first:   # a copied point: shown twice, each paragraph with two links
            raise EditionError(at, f"the point “{table['about'][:60]}” is listed twice (first at line "
                                   f"{first[table['about']]}); keep one, or name each point differently")
        first[table["about"]] = at.line
        passages = []
        for k in range(len(table["passage"])):
            where = ("difference", index, "passage", k)
            told = check_table(toml, where, PASSAGE_FIELDS, "[[difference.passage]]", HOW_TO)
            passages.append(ToldPassage(told["text"], told["paragraph"], told["words"], toml.at(*where)))
        if len({p.text_id for p in passages}) < 2:
            raise EditionError(at, "a difference quotes two texts or more; add a [[difference.passage]] "
                                   "of another text")
        found.append(Difference(table["about"], table["note"], tuple(passages), at))
    return tuple(found)


def check_differences(differences: tuple[Difference, ...], texts) -> None:
    """Each passage's words stand in the paragraph named, of a text of the edition, as
    the text prints them (spaces aside)."""
    by_id = {text.meta.id: text for text in texts}
    for difference in differences:
        for told in difference.passages:
            text = by_id.get(told.text_id)
            if text is None:
                raise EditionError(told.position, f"text '{told.text_id}' is not in texts.toml; the texts are "
                                                  f"{', '.join(sorted(by_id))}")
            words = _paragraph_words(text, told.paragraph)
            if words is None:
                raise EditionError(told.position, f"{text.meta.short} has no paragraph {told.paragraph}")
            if " ".join(told.words.split()) not in words:
                raise EditionError(told.position, f"the words are not in ¶ {told.paragraph} of {text.meta.short} "
                                                  "as it prints them; copy them from the text")


def _paragraph_words(text, number: int) -> str | None:
    """The paragraph's words, spaces made single (None: the text has no such paragraph)."""
    return next((" ".join(plain_text(paragraph.inlines).split())
                 for _, paragraph in text.paragraphs() if paragraph.number == number), None)
