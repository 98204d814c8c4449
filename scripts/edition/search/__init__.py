"""Search: what each generated page tells the search index (fields), and the index
itself, built from the finished site by Pagefind (index)."""
from .fields import search_fields
from .index import index_site

__all__ = ["index_site", "search_fields"]
