"""The sources checked against each other, and what the build derives from them."""
