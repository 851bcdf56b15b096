"""environment.yml (conda) and python/requirements.txt (pip) must pin the same packages, pyproject.toml's ranges
must admit those pins, and the jep pin must equal the jar's version in pom.xml: Jep never checks jar against native
library itself."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _pins(lines):
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip().lstrip("- ").strip()
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s]+)", line)
        if m:
            pins[canonicalize_name(m.group(1))] = m.group(2)
    return pins


def _requirements_pins():
    return _pins((ROOT / "python" / "requirements.txt").read_text().splitlines())


def _pyproject_requirements():
    """pyproject.toml's runtime dependencies and its `test` extra, as parsed requirements."""
    project = tomllib.loads((ROOT / "python" / "pyproject.toml").read_text())["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_environment_yml_pins_the_same_packages_as_requirements():
    req = _requirements_pins()
    env = _pins((ROOT / "environment.yml").read_text().splitlines())
    assert req, "requirements.txt has no pins"
    assert env == req


def test_pyproject_ranges_admit_the_pinned_versions():
    pins = _requirements_pins()
    for requirement in _pyproject_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"pyproject.toml requires {requirement}, which python/requirements.txt does not pin"
        assert requirement.specifier, f"pyproject.toml's {requirement} has no version range"
        assert requirement.specifier.contains(pins[name]), (
            f"pyproject.toml's {requirement} does not admit the pinned {name}=={pins[name]}")


def test_pyproject_declares_every_pinned_package_but_jep():
    # jep is built against the JDK and the installed numpy (--no-build-isolation): pyproject.toml says why it is absent.
    declared = {canonicalize_name(r.name) for r in _pyproject_requirements()}
    assert set(_requirements_pins()) - declared == {"jep"}


def test_jep_pin_matches_the_jar_version_in_pom():
    req = _requirements_pins()
    pom = (ROOT / "pom.xml").read_text()
    jar_version = re.search(r"<jep.version>([^<]+)</jep.version>", pom).group(1)
    assert req["jep"] == jar_version
