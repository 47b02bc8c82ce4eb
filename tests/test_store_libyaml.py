"""store.libyaml imports PyYAML with its pure-Python loader's patterns compiled on first use
(issue 13: 9 ms of every command's start-up). PyYAML must behave exactly as after a plain
`import yaml`, and nothing outside that import may be affected."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading

from homepage_tui.store.libyaml import DeferredPattern, deferred_compiles

# Every implicit type PyYAML's pure-Python resolver and constructor know (YAML 1.1), a merge
# key, and a character its reader refuses.
DOCUMENT = """\
base: &base {a: 1}
merged: {<<: *base, b: 2}
bools: [yes, No, on, OFF, true, False]
ints: [0x1F, 0o17, 017, 1_000, -42, 0b101, "190:20:30"]
floats: [1.5e3, .inf, -.Inf, .nan, 6.8523015e+5, 685.230_15e+03]
nulls: [~, null, ""]
stamps: [2024-01-02, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5]
sexagesimal: [190:20:30, 1:30.5]
text: [plain words, 'quoted', "double: quoted", 2024.06]
"""

PROBE = r"""
import json, re, sys
first = sys.argv[1]
if first == "store":
    import homepage_tui.store
import yaml

def show(value):
    return repr(value)

out = {}
text = sys.stdin.read()
for name in ("SafeLoader", "CSafeLoader", "FullLoader", "Loader"):
    loader = getattr(yaml, name)
    data = yaml.load(text, Loader=loader)
    out[name] = show(data)
    out[name + " dump"] = yaml.dump(data, Dumper=yaml.SafeDumper, default_flow_style=None, sort_keys=True)
try:
    yaml.load("bell: \x07", Loader=yaml.SafeLoader)
    out["refused"] = None
except yaml.YAMLError as exc:
    out["refused"] = str(exc)
out["compile restored"] = re.compile.__module__ == "re" and re.compile.__name__ == "compile"
print(json.dumps(out))
"""


def _probe(first: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, first], input=DOCUMENT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_pyyaml_reads_and_writes_the_same_as_after_a_plain_import():
    plain = _probe("plain")
    deferred = _probe("store")
    assert deferred == plain
    assert "special characters are not allowed" in deferred["refused"]  # the reader's pattern ran
    assert deferred["compile restored"]


def test_pyyaml_patterns_are_compiled_on_first_use_only():
    probe = """
import homepage_tui.store, yaml, json
pattern = yaml.reader.Reader.NON_PRINTABLE
before = type(pattern).__name__, pattern._compiled is None
yaml.load("a: 1", Loader=yaml.SafeLoader)
print(json.dumps([before, pattern._compiled is not None, pattern.pattern == pattern._compiled.pattern]))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    before, compiled_after, same = json.loads(done.stdout.strip().splitlines()[-1])
    assert before == ["DeferredPattern", True]  # importing the store compiled none of them
    assert compiled_after and same


def test_only_the_importing_thread_defers_and_compile_is_restored():
    original = re.compile
    seen = {}
    with deferred_compiles():
        here = re.compile(r"(\d+)-(\d+)", re.I)
        worker = threading.Thread(target=lambda: seen.setdefault("other", re.compile(r"x+")))
        worker.start()
        worker.join()
    assert re.compile is original
    assert isinstance(seen["other"], re.Pattern)  # another thread compiled as usual
    assert isinstance(here, DeferredPattern)
    assert here.match("12-34").groups() == ("12", "34")
    assert here.flags == re.compile(r"(\d+)-(\d+)", re.I).flags
    assert [m.group(0) for m in here.finditer("1-2 and 3-4")] == ["1-2", "3-4"]


def test_compile_is_restored_when_the_import_fails():
    original = re.compile
    try:
        with deferred_compiles():
            raise ImportError("a broken import")
    except ImportError:
        pass
    assert re.compile is original
