"""environment.yml (conda) and python/requirements.txt (pip) must pin the same packages, and the jep pin
must equal the jar's version in pom.xml: Jep never checks jar against native library itself."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pins(lines):
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip().lstrip("- ").strip()
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s]+)", line)
        if m:
            pins[m.group(1).lower()] = m.group(2)
    return pins


def test_environment_yml_pins_the_same_packages_as_requirements():
    req = _pins((ROOT / "python" / "requirements.txt").read_text().splitlines())
    env = _pins((ROOT / "environment.yml").read_text().splitlines())
    assert req, "requirements.txt has no pins"
    assert env == req


def test_jep_pin_matches_the_jar_version_in_pom():
    req = _pins((ROOT / "python" / "requirements.txt").read_text().splitlines())
    pom = (ROOT / "pom.xml").read_text()
    jar_version = re.search(r"<jep.version>([^<]+)</jep.version>", pom).group(1)
    assert req["jep"] == jar_version
