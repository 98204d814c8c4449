"""Writers: the Edition -> {path under docs/: contents}. Every writer takes (edition, site)."""
