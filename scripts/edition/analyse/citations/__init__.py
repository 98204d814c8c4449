"""Citations: each note split into segments, each segment resolved to a
bibliography entry and its pinpoint (or marked as the author's commentary)."""
