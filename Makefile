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

.PHONY: setup demo test test-java test-python browser bench gpu-bundle clean

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

# The jar holds LanguageTool without its server parts (pom.xml's exclusions); a new dependency that pulls them
# back in fails here rather than going unnoticed.
JAR_MAX_BYTES := 40000000

$(JAR): $(JAVA_SOURCES)
	mvn -q -B package -DskipTests
	@size=$$(stat -c %s $@); test $$size -le $(JAR_MAX_BYTES) || { \
	  echo "$@ is $$size bytes, over $(JAR_MAX_BYTES): see the exclusions of language-en in pom.xml" >&2; rm -f $@; exit 1; }

# Debian's Chromium renders report.html for the browser test and the report screenshot. Headless rendering needs
# none of its recommended packages (upower, udev, Mesa, a notification daemon, the printer set-up tool); the fonts
# come with its dependencies (fontconfig needs one). `paradigm doctor` says whether a browser is there.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium (for the report's browser test and screenshot)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends chromium; }

demo: setup browser
	java -jar $(JAR) compare --config demo

test: setup browser test-java test-python

test-java:
	mvn -B test

test-python:
	cd python && ../$(VPY) -m pytest -q tests

bench: setup
	java -jar $(JAR) bench --config demo

# What a GPU machine with Python and torch but no JDK and no Jep needs to run `paradigm bench` (scripts/gpu-bench.sh):
# a trimmed Java runtime, the jar, Jep's source (built there against that machine's Python) and two wheels the
# machine may lack. The runtime holds the modules jdeps finds in the jar: jdeps reads the unpacked classes, because
# the shaded jar carries picocli's module-info and would be taken for that module. java.desktop is left out: only
# Jackson's optional java.beans support, snakeyaml's bean introspection and Jep's console (jep.Run) use it, and
# none of them runs (checked by running prepare and bench on the trimmed runtime). jdk.unsupported stays
# (sun.misc.Signal); jdk.compiler and jdk.jartool are added because Jep's build runs `javac -h` and `jar`, and the
# C headers stay (include/jni.h). ct.sym (javac --release data) and libjvm's symbols go, to keep the tree that
# travels to the machine well under 64 MiB.
GPU_BUNDLE := build/gpu-bundle
SLIM_JAR := target/paradigm-slim.jar
SAFETENSORS_VERSION := $(shell sed -n 's/^safetensors==//p' python/requirements.txt)
GPU_BUNDLE_MAX_MIB := 48

# The slim jar leaves out LanguageTool (about 34 MB of the jar; bench never checks grammar).
$(SLIM_JAR): $(JAVA_SOURCES)
	mvn -q -B -Pslim package -DskipTests

gpu-bundle: $(SLIM_JAR) $(VENV)/.installed
	rm -rf $(GPU_BUNDLE) $(GPU_BUNDLE).tmp
	mkdir -p $(GPU_BUNDLE).tmp/classes
	cd $(GPU_BUNDLE).tmp/classes && unzip -q $(CURDIR)/$(SLIM_JAR) && find . -name module-info.class -delete
	modules=$$( { $(JAVA_HOME)/bin/jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
	    $(GPU_BUNDLE).tmp/classes; echo jdk.unsupported,jdk.compiler,jdk.jartool; } \
	    | tr , '\n' | grep -vx java.desktop | sort -u | paste -sd, -); \
	  echo "jlink modules: $$modules"; \
	  $(JAVA_HOME)/bin/jlink --add-modules "$$modules" \
	    --strip-debug --no-man-pages --compress=2 --output $(GPU_BUNDLE).tmp/java
	rm -rf $(GPU_BUNDLE).tmp/classes $(GPU_BUNDLE).tmp/java/lib/ct.sym
	strip --strip-unneeded $(GPU_BUNDLE).tmp/java/lib/server/libjvm.so
	cp $(SLIM_JAR) $(GPU_BUNDLE).tmp/paradigm.jar
	$(VPY) -m pip download -q --no-deps --no-binary :all: --no-build-isolation -d $(GPU_BUNDLE).tmp/wheels jep==$(JEP_VERSION)
	$(VPY) -m pip download -q --no-deps --only-binary :all: --platform manylinux_2_17_x86_64 --python-version 3.12 \
	  --implementation cp -d $(GPU_BUNDLE).tmp/wheels safetensors==$(SAFETENSORS_VERSION)
	$(VPY) -m pip download -q --no-deps --only-binary :all: -d $(GPU_BUNDLE).tmp/wheels setuptools
	{ echo "jep $(JEP_VERSION)"; $(GPU_BUNDLE).tmp/java/bin/java --list-modules | sed 's/@.*//' | paste -sd' ' -; \
	  ls $(GPU_BUNDLE).tmp/wheels; } > $(GPU_BUNDLE).tmp/CONTENTS
	mv $(GPU_BUNDLE).tmp $(GPU_BUNDLE)
	@size=$$(du -sm $(GPU_BUNDLE) | cut -f1); repo=$$(git ls-files -z | du -cm --files0-from=- | tail -1 | cut -f1); \
	  echo "$(GPU_BUNDLE): $$size MiB (+ $$repo MiB of tracked files); the device takes at most 64 MiB in all"; \
	  test $$size -le $(GPU_BUNDLE_MAX_MIB) || { echo "$(GPU_BUNDLE) is over $(GPU_BUNDLE_MAX_MIB) MiB" >&2; exit 1; }

clean:
	rm -rf target $(VENV)
