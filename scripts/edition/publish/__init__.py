"""Putting the output in place: only the changed files written into docs/ (staging,
atomic), site/ swapped whole, the lock that keeps two builds apart, and the search index."""
