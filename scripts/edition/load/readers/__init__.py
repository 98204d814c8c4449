"""Readers turn one source format into the model. A text's manifest entry names its reader."""
from .ebook import read_ebook_plain
from .pdfmarkdown import read_pdf_markdown

READERS = {
    "ebook-plain": read_ebook_plain,
    "pdf-markdown": read_pdf_markdown,
}

# The readers that take a text's notes from its `notes_file` when the source lacks them (an
# e-book's carries the markers only); the others read the notes in the source itself.
NOTES_FILE_READERS = ("ebook-plain",)
