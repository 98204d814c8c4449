"""The Kissinger reader on the real e-book text."""
from support import paragraphs

from edition.model.text import AUTHOR, EDITORIAL, UNKNOWN, NoteRef
from edition.model.inlines import note_refs, plain_text

DEBRIS = ("titlepage.xhtml", "dummy_split_", "On China\n")


def test_sixteen_markers_18_to_33_in_order(texts):
    text = texts["kissinger-2011"]
    found = [n for p, _ in paragraphs(text) for n in note_refs(p.inlines)]
    assert found == list(range(18, 34))


def test_markers_glued_to_sentence_ends_become_notes(texts):
    first = next(p for p, _ in paragraphs(texts["kissinger-2011"]) if 18 in note_refs(p.inlines))
    assert plain_text(first.inlines).endswith("“Kim Il Sung decides to invade China.”")
    assert first.inlines[-1] == NoteRef(18)


def test_other_numbers_stay_text(texts):
    words = " ".join(plain_text(p.inlines) for p, _ in paragraphs(texts["kissinger-2011"]))
    for kept in ("the 38th parallel", "NSC-48/2", "fifty thousand", "in 1910", "December 1949",
                 "May 13–16, 1950", "June 1960", "April 1950"):
        assert kept in words


def test_debris_is_gone(texts):
    text = texts["kissinger-2011"]
    words = "\n".join(plain_text(p.inlines) for p, _ in paragraphs(text)) + "\n"
    for debris in DEBRIS:
        assert debris not in words
    removed = [i for i in text.interventions if i.kind == "e-book debris removed"]
    assert len(removed) == 1 and "144 names of the e-book's internal files" in removed[0].what


def test_four_block_quotes(texts):
    quotes = {}
    for p, quoted in paragraphs(texts["kissinger-2011"]):
        if quoted:
            quotes.setdefault(p.line, plain_text(p.inlines))
    starts = [t[:40] for t in quotes.values()]
    assert starts == [
        "Comrade Stalin confirmed to Kim Il Sung ",
        "Now the Pacific has become an Anglo-Saxo",
        "It starts from the Philippines and conti",  # MacArthur's interview: one quote, two paragraphs
        "[Kim] told Mao that Stalin had approved ",
        "[i]n his talks with the Korean comrades,",
    ]
    blocks = [b for s in texts["kissinger-2011"].sections for b in s.blocks if hasattr(b, "paragraphs")]
    assert [len(b.paragraphs) for b in blocks] == [1, 2, 1, 1]


def test_paragraphs_numbered_through(texts):
    numbers = [p.number for p, _ in paragraphs(texts["kissinger-2011"])]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == 29


def test_notes_keep_their_basis(texts):
    notes = {n.number: n for n in texts["kissinger-2011"].notes}
    assert notes[19].basis == UNKNOWN and notes[19].inlines == ()
    assert notes[18].basis == EDITORIAL and notes[18].inlines == ()  # never the author's words
    assert notes[20].basis == AUTHOR
    assert plain_text(notes[29].inlines) == "Chen, China's Road to the Korean War, 112."
    assert {n for n, note in notes.items() if note.basis == EDITORIAL} == {18, 24, 27, 28, 31, 32}


def test_the_links_at_the_paragraphs_are_explained_once_above_them(edition):
    """"↔", "≠" and the identification label are explained in words above the text, not only
    in the links' titles (which a touch screen never shows)."""
    from edition.build import render_edition
    page = render_edition(edition)["texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war.md"]
    key = page[page.index('<p class="margin-key"'):]
    key = key[:key.index("</p>")]
    assert "“↔” a passage of another text whose note cites the same document" in key
    assert "“≠” another text's account of the same point, told differently" in key
    assert "“editor's identification”" in key
    assert page.index('class="margin-key"') < page.index('{: #p1 .para')
