"""PyYAML, for its libyaml binding, imported without compiling its pure-Python loader's patterns.

The store reads content with libyaml's C parser (`yaml._yaml.CParser`) and resolves scalars
itself (fastload). But `import yaml` runs PyYAML's whole package first, and its pure-Python
reader, resolver and constructor compile about twenty regular expressions at import (the
reader's class of non-printable characters alone spans all of Unicode): 9 ms, more than half of
the import, on every command's start-up (issue 13), for code the store never runs.

So while PyYAML's modules are first imported, `re.compile` called from this thread returns a
pattern compiled on its first use: the same pattern and flags, the same behaviour, paid only by
code that uses it (a safe load of `_config.yml` in `check` compiles the few it needs). Other
threads compile as usual, and `re.compile` is restored before the import returns.

Everything else imports PyYAML through this module, so that the first import is this one.
"""

from __future__ import annotations

import sys

from ..lazyre import DeferredPattern, deferred_compiles


def _import_pyyaml():
    if "yaml" in sys.modules:
        return sys.modules["yaml"]
    with deferred_compiles():
        import yaml
        import yaml._yaml  # noqa: F401 - the C binding; `import yaml` has it already when it is built
    return yaml


yaml = _import_pyyaml()

# What the store and settings use, from here, so that no module imports PyYAML before this one.
from yaml._yaml import CParser  # noqa: E402
from yaml.error import YAMLError  # noqa: E402
from yaml.events import (  # noqa: E402
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode  # noqa: E402

__all__ = ["CParser", "DeferredPattern", "MappingEndEvent", "MappingNode", "MappingStartEvent", "Node",
           "ScalarEvent", "ScalarNode", "SequenceEndEvent", "SequenceNode", "SequenceStartEvent",
           "StreamEndEvent", "YAMLError", "deferred_compiles", "yaml"]
