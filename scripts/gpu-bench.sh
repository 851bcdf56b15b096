#!/usr/bin/env bash
# `paradigm bench` at the paper's scale on a GPU machine that has Python and torch but no JDK and no Jep.
#
# Run from the repository root, with build/gpu-bundle (made by `make gpu-bundle` on a machine with a JDK) in the tree:
#   scripts/gpu-bench.sh [extra paradigm bench options]
# It checks for a C compiler and the Python headers, builds Jep from the bundled source against this machine's
# Python into a venv that sees the system's torch (--system-site-packages), then benchmarks a 12 x 768 model with
# the GPT-2 vocabulary (50,257) on batches of 32 x 512 random tokens (the machine cannot reach the hub).
#
# Environment:
#   PYTHON          the interpreter to build on (default: python3)
#   GPU_BENCH_VENV  the venv to create or reuse (default: build/gpu-venv)
#   GPU_BENCH_TINY  1: a tiny model on the CPU instead, to test this script where there is no GPU
#   OUT             where bench.json and the log go (default: build/gpu-bench)
set -euo pipefail

BUNDLE=build/gpu-bundle
PYTHON=${PYTHON:-python3}
VENV=${GPU_BENCH_VENV:-build/gpu-venv}
OUT=${OUT:-build/gpu-bench}
TINY=${GPU_BENCH_TINY:-0}
START=$SECONDS

say() { printf '[gpu-bench %3ds] %s\n' $((SECONDS - START)) "$*"; }
fail() { printf '[gpu-bench] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- what this machine must have
[ -f python/paradigm/engine.py ] || fail "run this from the paradigm repository root (python/paradigm/engine.py not found)."
[ -x "$BUNDLE/java/bin/java" ] && [ -f "$BUNDLE/paradigm.jar" ] || fail "$BUNDLE is missing or incomplete: run \`make gpu-bundle\` on a machine with a JDK and carry build/gpu-bundle along."
JEP_SDIST=$(ls "$BUNDLE"/wheels/jep-*.tar.gz 2>/dev/null | head -1)
[ -n "$JEP_SDIST" ] || fail "$BUNDLE/wheels holds no jep-*.tar.gz: run \`make gpu-bundle\` again."
JEP_VERSION=$(basename "$JEP_SDIST" .tar.gz); JEP_VERSION=${JEP_VERSION#jep-}
command -v "$PYTHON" >/dev/null || fail "no '$PYTHON' on PATH; set PYTHON to the interpreter that has torch."

missing=()
CC=${CC:-$(command -v cc || command -v gcc || command -v clang || true)}
[ -n "$CC" ] || missing+=("a C compiler (cc/gcc/clang; e.g. apt-get install gcc)")
PY_INCLUDE=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
[ -f "$PY_INCLUDE/Python.h" ] || missing+=("the Python headers: $PY_INCLUDE/Python.h is absent (e.g. apt-get install python3-dev, or python3.12-dev)")
PY_LIBDIR=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')
PY_LDLIBRARY=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("LDLIBRARY") or "")')
case "$PY_LDLIBRARY" in
  *.so*|*.dylib) [ -e "$PY_LIBDIR/$PY_LDLIBRARY" ] || missing+=("the shared libpython: $PY_LIBDIR/$PY_LDLIBRARY is absent (e.g. apt-get install libpython3.12)") ;;
  *) missing+=("a shared libpython: this Python was built without --enable-shared (LDLIBRARY=$PY_LDLIBRARY), so Java cannot embed it") ;;
esac
if [ ${#missing[@]} -gt 0 ]; then
  printf '[gpu-bench] ERROR: this machine lacks what Jep needs to be built:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi
say "python $("$PYTHON" -c 'import platform; print(platform.python_version())') ($(command -v "$PYTHON")), C compiler $CC, headers $PY_INCLUDE"

# ---------------------------------------------------------------- the venv: the system's torch, Jep built here
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV (--system-site-packages, so the system's torch is used)"
  "$PYTHON" -m venv --system-site-packages "$VENV" 2>/dev/null \
    || "$PYTHON" -m venv --system-site-packages --without-pip "$VENV" \
    || fail "could not create a venv with $PYTHON -m venv (Debian/Ubuntu: apt-get install python3-venv)."
fi
VPY=$VENV/bin/python
"$VPY" -m pip --version >/dev/null 2>&1 || fail "$VENV has no pip and the system Python has none either (install python3-pip)."
"$VPY" -c 'import torch, numpy' 2>/dev/null || fail "torch and numpy must be importable by $PYTHON (the venv reuses the system's packages): $("$VPY" -c 'import torch, numpy' 2>&1 | tail -1)"
for package in setuptools safetensors; do
  if ! "$VPY" -c "import $package" 2>/dev/null; then
    say "installing $package from the bundle"
    "$VPY" -m pip install -q --no-index --find-links "$BUNDLE/wheels" "$package"
  fi
done

export JAVA_HOME=$PWD/$BUNDLE/java
export PATH=$JAVA_HOME/bin:$PATH
if [ "$("$VPY" -c 'from importlib.metadata import version; print(version("jep"))' 2>/dev/null)" != "$JEP_VERSION" ]; then
  say "building Jep $JEP_VERSION against $("$VPY" -c 'import sys; print(sys.version.split()[0])') with JAVA_HOME=$JAVA_HOME"
  # jep.Run, Jep's interactive console, is the one class that needs javax.swing, a module the bundle leaves out to
  # stay small; paradigm's jar brings its own Jep classes, so only the native library built here is used.
  rm -rf "$VENV/jep-src" && mkdir -p "$VENV/jep-src"
  tar xzf "$JEP_SDIST" -C "$VENV/jep-src"
  rm "$VENV/jep-src/jep-$JEP_VERSION/src/main/java/jep/Run.java"
  "$VPY" -m pip install -q --no-deps --no-index --no-build-isolation --no-cache-dir "$VENV/jep-src/jep-$JEP_VERSION" \
    || fail "building Jep failed (see above); it needs JAVA_HOME's include/jni.h, javac, jar, a C compiler and Python.h."
else
  say "Jep $JEP_VERSION is already built in $VENV"
fi
say "$("$VPY" -c 'import torch; print("torch", torch.__version__, "| cuda:", torch.cuda.is_available(), "|", torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU")')"

# ---------------------------------------------------------------- the benchmark
export PYTHONPATH=$PWD/python${PYTHONPATH:+:$PYTHONPATH}
export LD_LIBRARY_PATH=$PY_LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
mkdir -p "$OUT"
if [ "$TINY" = 1 ]; then
  # The same path on a model a CPU trains in seconds (a test of this script, not a measurement).
  args=(--config demo --synthetic-vocab 300 --set train.device=cpu --set model.n_layer=2 --set model.d_model=32
        --set model.n_head=2 --set model.d_ff=64 --set model.seq_len=32 --set sample.length=32 --set train.batch_size=8
        --set train.eval_batches=2 --warmup-steps 2 --windows 3 --window-steps 4 --sample-n 4 --sample-length 16 --repeats 2)
else
  # The paper's scale: 12 x 768, GPT-2 vocabulary, batch 32 x 512 (configs/tinystories.yaml), on random tokens.
  [ "$("$VPY" -c 'import torch; print(torch.cuda.is_available())')" = True ] || fail "torch sees no CUDA device; set GPU_BENCH_TINY=1 to test the script on a CPU."
  args=(--config tinystories --synthetic-vocab 50257 --set train.eval_batches=4 --warmup-steps 10 --windows 5
        --window-steps 20 --sample-n 100 --repeats 3)
fi
say "java -jar paradigm.jar bench ${args[*]} $*"
set +e
"$JAVA_HOME/bin/java" -jar "$BUNDLE/paradigm.jar" bench --python "$VENV" "${args[@]}" --out "$OUT/bench.json" "$@" 2>&1 \
  | tee "$OUT/bench.log"
status=${PIPESTATUS[0]}
set -e
say "done (exit $status); results in $OUT/bench.json"
exit "$status"
