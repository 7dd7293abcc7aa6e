#!/usr/bin/env bash
# Measures `interviewer grade` end to end, as a user runs it: the built CLI (Release), keyword grader, CSV in, CSV out.
# Prints answers/s and peak memory (max RSS, from /usr/bin/time -v) for each size. Usage: benchmarks/batch/measure.sh [ROWS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-10000 100000}")
[ -x /usr/bin/time ] || { echo "measure: /usr/bin/time is needed (Debian: apt-get install time)"; exit 1; }

dotnet build src/Interviewer.Cli -c Release -nologo -v q -o /tmp/interviewer-bench/cli >/dev/null
cli=/tmp/interviewer-bench/cli/interviewer
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on the machine slows the wall clock, not the CPU time)"
printf '%-8s %-10s %-12s %-12s %-16s %-12s %s\n' rows seconds answers/s max-RSS-MiB cpu-seconds answers/cpu-s exit
for n in ${sizes[@]}; do
  python3 benchmarks/batch/generate.py "$n" "$work/in-$n.csv"
  # Warm the file cache so the first size is not charged for the disk.
  cat "$work/in-$n.csv" >/dev/null
  set +e
  /usr/bin/time -v -o "$work/time-$n.txt" "$cli" grade "$work/in-$n.csv" --format csv --out "$work/out-$n.csv" 2>"$work/err-$n.txt"
  code=$?
  set -e
  wall=$(grep 'Elapsed (wall clock)' "$work/time-$n.txt" | awk '{print $NF}')
  seconds=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
  cpu=$(python3 -c "import re; t=open('$work/time-$n.txt').read(); print(float(re.search(r'User time \(seconds\): ([0-9.]+)', t).group(1)) + float(re.search(r'System time \(seconds\): ([0-9.]+)', t).group(1)))")
  rss=$(grep 'Maximum resident set size' "$work/time-$n.txt" | awk '{print $NF}')
  rows_out=$(($(wc -l <"$work/out-$n.csv") - 1))
  [ "$rows_out" -eq "$n" ] || { echo "measure: expected $n report rows, got $rows_out"; exit 1; }
  printf '%-8s %-10.3f %-12.0f %-12.1f %-16.2f %-12.0f %s\n' "$n" "$seconds" "$(python3 -c "print($n/$seconds)")" "$(python3 -c "print($rss/1024)")" "$cpu" "$(python3 -c "print($n/$cpu)")" "$code (1: the generator's deliberately bad rows)"
done
