"""storyline: copies, stories and storylines in a stream of news articles.

A thin layer over libstoryline (the C++ engine behind the `storyline` command): articles are plain dicts
with the fields of a JSON Lines record (id, text, and optionally title, published, url, source, lang;
other keys are kept), and results are the dicts and lists the CLI and the HTTP API print as JSON.
docs/python.md has the details.
"""

from ._storyline import Error, Index, analyze, cluster, dedup, similar

__all__ = ["Error", "Index", "analyze", "cluster", "dedup", "similar"]
