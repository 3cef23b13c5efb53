#!/usr/bin/env bash
# The README's first command: validate the bundled sample requests.
# A broken request is the point of the demo, so its exit status 1 is expected.
set -uo pipefail
cd "$(dirname "$0")/.."
# Built by `make demo` (cargo build --release --features cli).
bin=target/release/iot-jobs-policy
for f in examples/requests/*.json; do
  op=$(basename "$f" | sed -E 's/^(create-job-template|create-job|update-job|describe-job).*/\1/')
  case "$op" in
    create-job) op=CreateJob ;;
    create-job-template) op=CreateJobTemplate ;;
    update-job) op=UpdateJob ;;
    describe-job) op=DescribeJob ;;
  esac
  "$bin" validate "$op" "$f"
  status=$?
  echo "(exit status $status)"
  echo
  [ "$status" -le 1 ] || exit "$status"
done
echo "The same report as JSON (--format json) for the broken request:"
"$bin" validate CreateJob examples/requests/create-job-broken.json --format json
echo
echo "The transition function: sample scenarios replayed (rollout, failures, retries, timeouts, abort, cancel, scheduling)"
for s in examples/scenarios/*.json; do
  echo "== $s"
  "$bin" replay "$s" || exit $?
  echo
done
echo "The rollout simulator: a bad update caught by its abort, 1000 seeded trials"
echo "(the same bytes on any machine; --format json for the summary, --format svg for a chart)"
"$bin" simulate examples/simulations/bad-update-caught.json --trials 1000 || exit $?
exit 0
