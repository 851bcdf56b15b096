# paradigm's set-up. The README's two commands are `make demo` and `make test`; every other target is
# a step they run. Each step is skipped when its inputs have not changed, so both are quick the second time.

PYTHON      ?= python3
VENV        := .venv
VPY         := $(VENV)/bin/python
JAVA_HOME   ?= $(shell dirname $$(dirname $$(readlink -f $$(command -v javac))))
JAR         := target/paradigm.jar
JAVA_SOURCES := $(shell find src/main -type f) $(shell find configs -type f) pom.xml
JEP_VERSION := $(shell sed -n 's/^jep==//p' python/requirements.txt)

export JAVA_HOME

.PHONY: setup demo test test-java test-python browser bench clean

setup: $(VENV)/.installed $(JAR)

# The virtual environment with the pinned packages. Jep is built from source against the JDK in use and
# against the numpy already installed (so NumPy support is compiled in): hence --no-build-isolation.
$(VENV)/.installed: python/requirements.txt python/pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip setuptools wheel
	grep -v '^jep==' python/requirements.txt > $(VENV)/requirements-nojep.txt
	$(VPY) -m pip install -q -r $(VENV)/requirements-nojep.txt
	$(VPY) -m pip install -q --no-build-isolation --no-cache-dir jep==$(JEP_VERSION)
	$(VPY) -m pip install -q --no-deps -e python
	@touch $@

$(JAR): $(JAVA_SOURCES)
	mvn -q -B package -DskipTests

# Debian's Chromium renders report.html for the browser test and the report screenshot.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium (for the report's browser test and screenshot)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

demo: setup browser
	java -jar $(JAR) compare --config demo

test: setup browser test-java test-python

test-java:
	mvn -B test

test-python:
	cd python && ../$(VPY) -m pytest -q tests

bench: setup
	java -jar $(JAR) bench --config demo

clean:
	rm -rf target $(VENV)
