#!/usr/bin/env bash
# `paradigm bench` at the paper's scale on a GPU machine that has Python and torch but no JDK and no Jep.
#
# Run from the repository root, with build/gpu-bundle (made by `make gpu-bundle` on a machine with a JDK) in the tree:
#   scripts/gpu-bench.sh [extra paradigm bench options, given to both runs]
# It checks for a C compiler and the Python headers, builds Jep from the bundled source against this machine's
# Python into a venv that sees the system's torch (--system-site-packages), then runs `paradigm bench` twice on a
# 12 x 768 model with the GPT-2 vocabulary (50,257) on batches of 32 x 512 random tokens (the machine cannot reach
# the hub), both paradigms each time:
#   1. tinystories: the controlled protocol (bf16 autocast, torch.compile), the headline numbers;
#   2. arche-2026: the published study's settings (its precision: float32), beside the study's 50.6K / 48.3K tok/s.
# Windows are short and nothing but training steps falls inside them (evaluation, checkpoints and sampling are timed
# after them); arche-2026 skips sampling. Each run gets what is left of GPU_BENCH_BUDGET_S, so a slow first run
# cannot take the whole budget down with it: its results are kept and the second run is cut short instead.
# It ends with a summary (tokens/s of each loop, their ratio, MFU, peak memory, dtype) of each bench.json.
#
# Environment:
#   PYTHON            the interpreter to build on (default: python3)
#   GPU_BENCH_VENV    the venv to create or reuse (default: build/gpu-venv)
#   GPU_BENCH_BUDGET_S  seconds for the whole script, Jep build included (default 540: one 10-minute device call
#                     with room to spare); a run still going when it runs out is stopped
#   GPU_BENCH_TINY    1: tiny models on the CPU instead, to test this script where there is no GPU
#   OUT               where <config>.json, <config>.log and summary.txt go (default: build/gpu-bench)
set -euo pipefail

BUNDLE=build/gpu-bundle
PYTHON=${PYTHON:-python3}
VENV=${GPU_BENCH_VENV:-build/gpu-venv}
OUT=${OUT:-build/gpu-bench}
TINY=${GPU_BENCH_TINY:-0}
BUDGET=${GPU_BENCH_BUDGET_S:-540}
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
# A venv made from a venv's interpreter sees the base interpreter's packages, not that venv's (where torch is when
# PYTHON is, say, /opt/torch/.venv/bin/python3): put that venv's site-packages on this one's path too.
PARENT_SITES=$("$PYTHON" -c 'import sys, sysconfig as s; p = s.get_paths(); print("\n".join(dict.fromkeys([p["purelib"], p["platlib"]])) if sys.prefix != sys.base_prefix else "")')
if [ -n "$PARENT_SITES" ]; then
  printf '%s\n' "$PARENT_SITES" > "$("$VPY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/_gpu_bench_parent.pth"
fi
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
  # The same path on models a CPU trains in seconds (a test of this script, not a measurement).
  tiny=(--synthetic-vocab 300 --set train.device=cpu --set model.n_layer=2 --set model.d_model=32 --set model.n_head=2
        --set model.d_ff=64 --set model.seq_len=32 --set sample.length=32 --set train.batch_size=8
        --set train.eval_batches=2 --warmup-steps 2 --windows 3 --window-steps 4 --repeats 1)
  runs=("tinystories:--config tinystories ${tiny[*]} --sample-n 4 --sample-length 16"
        "arche-2026:--config arche-2026 ${tiny[*]} --sample-n 0")
else
  # The paper's scale: 12 x 768, GPT-2 vocabulary, batch 32 x 512, on random tokens. Warm-up absorbs torch.compile;
  # 7 windows of 20 steps on each loop (about 0.7 s each at the goal of 500K tok/s) keep the ratio's spread small.
  # float32 is several times slower, so arche-2026's windows are shorter.
  [ "$("$VPY" -c 'import torch; print(torch.cuda.is_available())')" = True ] || fail "torch sees no CUDA device; set GPU_BENCH_TINY=1 to test the script on a CPU."
  runs=("tinystories:--config tinystories --synthetic-vocab 50257 --set train.eval_batches=2 --warmup-steps 10
         --windows 7 --window-steps 20 --sample-n 100 --repeats 2"
        "arche-2026:--config arche-2026 --synthetic-vocab 50257 --set train.eval_batches=2 --warmup-steps 6
         --windows 5 --window-steps 8 --sample-n 0 --repeats 1")
fi

status=0
for run in "${runs[@]}"; do
  name=${run%%:*}
  args=(${run#*:})  # split on blanks and newlines (the options hold no glob characters)
  left=$((BUDGET - (SECONDS - START)))
  if [ "$left" -lt 60 ]; then
    say "$name: skipped, ${left}s of the ${BUDGET}s budget left" | tee "$OUT/$name.log"
    status=1
    continue
  fi
  say "$name (at most ${left}s): java -jar paradigm.jar bench ${args[*]} $*"
  set +e
  # SIGTERM first: the JVM's shutdown hook runs Python's atexit handlers; SIGKILL 10 s later if it is still there.
  timeout -k 10 "$left" "$JAVA_HOME/bin/java" -jar "$BUNDLE/paradigm.jar" bench --python "$VENV" "${args[@]}" \
    --out "$OUT/$name.json" "$@" > "$OUT/$name.log" 2>&1
  code=$?
  set -e
  tail -n 40 "$OUT/$name.log"
  if [ "$code" = 124 ] || [ "$code" = 137 ]; then
    say "$name: stopped at the budget's end (exit $code); no $name.json"
  else
    say "$name: exit $code"
  fi
  [ "$code" = 0 ] || status=1
done

# ---------------------------------------------------------------- the summary
"$VPY" - "$OUT" <<'PY' | tee "$OUT/summary.txt"
import json, os, sys
out = sys.argv[1]
print(f"{'config':<12} {'paradigm':<6} {'dtype':<9} {'tok/s Java':>11} {'tok/s Python':>12} {'Java/Py':>8} "
      f"{'pairs med':>9} {'MFU':>6} {'peak GiB':>9}  device")
for name in ("tinystories", "arche-2026"):
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        print(f"{name:<12} no results (see {name}.log)")
        continue
    bench = json.load(open(path))
    for paradigm, p in bench["paradigms"].items():
        t = p["training"]
        mfu = f"{100 * p['mfu']:.1f}%" if p.get("mfu") is not None else "n/a"
        print(f"{name:<12} {paradigm:<6} {bench['dtype']:<9} {t['java_tokens_per_s']['median']:>11,.0f} "
              f"{t['python_tokens_per_s']['median']:>12,.0f} {t['java_over_python']:>8.4f} {t['pair_ratios']['median']:>9.4f} "
              f"{mfu:>6} {p['peak_memory_gib']:>9.2f}  {bench['device']} ({'compiled' if bench['compiled'] else 'eager'})")
    if name == "arche-2026" and bench["dtype"] != "float32":
        print(f"  note: arche-2026 ran in {bench['dtype']}, not the study's float32 (train.precision), so these are not "
              "the study's numbers")
PY
say "done (exit $status); results in $OUT"
exit "$status"
