"""The teiHeader: the edition's file, the original it encodes (with its rights
holder), the editorial method with every intervention the build recorded, and the
persons and places of the registers that the text names."""
from __future__ import annotations

from ...model.text import Text, TextMeta
from ...model.registers import Registers
from ...model.layout import place_anchor
from .xml import AUTHOR, EDITORS, child, element, ident

EDITION = "Korea 1950: a digital edition"
METHOD = (
    "The source file is kept byte for byte; every change to it is made by the build (a rule "
    "in code or an entry in the reviewed corrections file) and is listed below with the line "
    "of the source it concerns. Paragraphs are numbered through the text as on the edition's "
    "pages (xml:id and n equal the pages' anchors p1, p2, …); notes keep their printed numbers "
    "and stand where their markers stand; pb marks where a page of the print edition begins. "
    "Citations in the notes are resolved to the bibliography in the back. Markup found in "
    "the source is kept as text.")
NOTES_METHOD = (
    "Each note's type gives its basis: 'authorial' (the author's words), "
    "'editorial-identification' (the note's wording was not available; the editors identify "
    "what it cites, with their evidence, resp=\"#editors\"), or 'not-established' "
    "(cert=\"unknown\": nothing reliable is known). Additions by the editors inside an "
    "author's note are nested notes with resp=\"#editors\".")


def tei_header(text: Text, registers: Registers, persons: set[str], places: set[str]):
    header = element("teiHeader")
    file_desc = child(header, "fileDesc")
    _title_stmt(file_desc, text.meta)
    _publication_stmt(file_desc, text.meta)
    source = child(file_desc, "sourceDesc")
    source.append(original(text.meta))
    _registers(source, registers, persons, places)
    _encoding_desc(header, text)
    return header


def _title_stmt(file_desc, meta: TextMeta) -> None:
    stmt = child(file_desc, "titleStmt")
    child(stmt, "title", meta.title, type="main")
    child(stmt, "title", f"TEI P5 encoding in {EDITION}", type="sub")
    child(stmt, "author", meta.author, xml_id=AUTHOR)
    resp = child(stmt, "respStmt", xml_id=EDITORS)
    child(resp, "resp", "Edition: text structure, paragraph numbers, page markers, note identifications, "
                        "bibliography and registers")
    child(resp, "name", f"The editors of {EDITION}")


def _publication_stmt(file_desc, meta: TextMeta) -> None:
    stmt = child(file_desc, "publicationStmt")
    child(stmt, "publisher", EDITION)
    availability = child(stmt, "availability", status="restricted")
    child(availability, "p",
          f"The text is © {meta.rights_holder}. It is included for study within a scholarly edition; "
          "publishing the full text on the open web needs the permission of the rights holder. "
          "The edition's own apparatus (note identifications, bibliography, page markers, paragraph "
          "numbering, registers) is the editors' work.")


def original(meta: TextMeta):
    """The printed original as a biblStruct, with its rights holder."""
    struct = element("biblStruct", type=meta.kind)
    if meta.kind == "article":
        analytic = child(struct, "analytic")
        child(analytic, "author", meta.author)
        child(analytic, "title", meta.title, level="a")
        if meta.doi:
            child(analytic, "idno", meta.doi, type="DOI")
        monogr = child(struct, "monogr")
        child(monogr, "title", meta.container, level="j")
    else:
        analytic = child(struct, "analytic")
        child(analytic, "author", meta.author)
        child(analytic, "title", meta.title, level="a", type="section")
        if meta.chapter:
            child(analytic, "title", meta.chapter, level="a", type="chapter")
        monogr = child(struct, "monogr")
        child(monogr, "author", meta.author)
        child(monogr, "title", meta.container, level="m")
        if meta.isbn:
            child(monogr, "idno", meta.isbn, type="ISBN")
    imprint = child(monogr, "imprint")
    if meta.place:
        child(imprint, "pubPlace", meta.place)
    if meta.publisher:
        child(imprint, "publisher", meta.publisher)
    child(imprint, "date", str(meta.year), when=f"{meta.year:04d}")
    for value, unit in ((meta.volume, "volume"), (meta.issue, "issue")):
        if value:
            child(imprint, "biblScope", value, unit=unit)
    if meta.first_page:
        child(imprint, "biblScope", meta.pages, unit="page",
              **{"from": str(meta.first_page), "to": str(meta.last_page)})
    child(struct, "note", f"© {meta.rights_holder}", type="rights-holder")
    return struct


def _registers(source, registers: Registers, persons: set[str], places: set[str]) -> None:
    if persons:
        people = child(source, "listPerson", type="register")
        child(people, "head", "Persons the text names")
        for person in registers.persons:
            if person.id in persons:
                node = child(people, "person", xml_id=ident(person.id))
                child(node, "persName", person.name)
                for form in person.variants:
                    if form != person.name:
                        child(node, "persName", form, type="variant")
                if person.born:
                    child(node, "birth", when=f"{person.born:04d}")
                if person.died:
                    child(node, "death", when=f"{person.died:04d}")
                if person.role:
                    child(node, "note", person.role)
    if places:
        listing = child(source, "listPlace", type="register")
        child(listing, "head", "Places the text names")
        for place in registers.places:
            if place.id in places:
                node = child(listing, "place", xml_id=ident(place_anchor(place.id)))
                child(node, "placeName", place.name)
                for form in place.variants:
                    if form != place.name:
                        child(node, "placeName", form, type="variant")
                child(node, "note", place.gloss)


def _encoding_desc(header, text: Text) -> None:
    encoding = child(header, "encodingDesc")
    decl = child(encoding, "editorialDecl")
    child(decl, "p", METHOD)
    child(decl, "p", NOTES_METHOD)
    child(decl, "p", f"Source file: sources/texts/{text.meta.source.name}. "
                     f"The interventions the build recorded ({len(text.interventions)}):")
    listing = child(child(decl, "p"), "list", type="interventions")   # a p of its own: one item a line
    for item in text.interventions:
        child(listing, "item", f"line {item.where.line} ({item.kind}): {item.what}",
              n=str(item.where.line))
