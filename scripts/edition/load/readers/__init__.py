"""Readers turn one source format into the model. A text's manifest entry names its reader."""
from .ebook import read_ebook_plain
from .pdfmarkdown import read_pdf_markdown

READERS = {
    "ebook-plain": read_ebook_plain,
    "pdf-markdown": read_pdf_markdown,
}
