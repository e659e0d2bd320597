#!/usr/bin/env bash
# Differential check of the run_program generator: render N programs from random
# bytes (or from the files given, e.g. fuzz/corpus/run_program/*), run each with
# python3 and with pyrite, and report the ones whose stdout or exit status differ.
#
#   fuzz/diff_programs.sh [-n N] [-p PATH_TO_PYRITE] [FILE...]
#
# Needs python3 on PATH; builds render_program and pyrite (release) if needed.
set -euo pipefail
cd "$(dirname "$0")"
n=200
pyrite=../target/release/pyrite
while getopts n:p: opt; do
    case $opt in
        n) n=$OPTARG ;;
        p) pyrite=$OPTARG ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ -x "$pyrite" ] || (cd .. && cargo build --release --bin pyrite)
cargo build --quiet --bin render_program --target-dir target-plain
render=target-plain/debug/render_program
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
    for i in $(seq 1 "$n"); do
        head -c $((50 + RANDOM % 4000)) /dev/urandom > "$work/in$i"
        inputs+=("$work/in$i")
    done
fi
diffs=0
for f in "${inputs[@]}"; do
    "$render" "$f" > "$work/p.py" 2> /dev/null || continue
    set +e
    PYTHONHASHSEED=0 timeout 10 python3 "$work/p.py" > "$work/py.out" 2> /dev/null
    a=$?
    PYTHONHASHSEED=0 timeout 10 "$pyrite" "$work/p.py" > "$work/pr.out" 2> "$work/pr.err"
    b=$?
    set -e
    if [ $a != $b ] || ! cmp -s "$work/py.out" "$work/pr.out"; then
        diffs=$((diffs + 1))
        keep=diff-$(basename "$f")
        cp "$f" "$keep.input"; cp "$work/p.py" "$keep.py"
        echo "DIFF $f (python3 exit $a, pyrite exit $b): kept $keep.py"
    fi
done
echo "${#inputs[@]} programs, $diffs differences"
