"""The tokens of SPARQL text, for the tools that read a query without parsing it.

The query guard (queryguard.py) and the VALUES move (answers/values_inward.py) must cut a query
into the same tokens, or one could read as a string what the other reads as a keyword: both use
`SPARQL_TOKEN`. Each alternative is linear (no nested quantifiers); `other` takes any one
character, so every text is cut into tokens that cover it exactly.
"""

from __future__ import annotations

import re

__all__ = ["SPARQL_TOKEN"]

SPARQL_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<lstring>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\")
  | (?P<string>'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u00c0-\uffff]+)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:(?:[\w.\-:\u00b7\u00c0-\uffff]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])*)?)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
