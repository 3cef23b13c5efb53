#!/usr/bin/env python3
"""Writes the committed regression inputs of fuzz/regressions/<target>/: one
file per finding of the #10 fuzzing campaign (issue text, "What a fuzzing
campaign found"), framed for its target (fuzz/README.md). `.ci/fuzz-build`
replays them through every target's checks on stable Rust. Re-run with
`python3 fuzz/regressions/make.py` after changing a framing; the output is
deterministic."""
import json, os, struct

HERE = os.path.dirname(os.path.abspath(__file__))
ARN = "arn:aws:iot:us-east-1:123456789012:"
MAX_TIME_MS = 8_640_000_000_000_000
I64_MAX = 2**63 - 1

def head(op=0, api2022=False, model=False, now=None):
    b = op | (8 if api2022 else 0) | (16 if model else 0) | (32 if now is not None else 0)
    out = bytes([b])
    if now is not None:
        out += struct.pack("<q", now)
    return out

def write(target, name, data):
    d = os.path.join(HERE, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

def job(**extra):
    j = {"jobId": "job-1", "document": "{}", "targets": [ARN + "thing/t1"]}
    j.update(extra)
    return j

# 1. Quadratic time: violations without an offset under a large object
# (many keys before a targets array of numbers). Scaled to ~200 KB.
keys = ",".join(f'"k{i}":{i}' for i in range(8000))
nums = ",".join("1" for _ in range(30000))
write("validate", "f1-quadratic-keys-before-targets", head(0) + f'{{{keys},"jobId":"j","document":"{{}}","targets":[{nums}]}}'.encode())
params = ",".join(f'"p{i}":{i}' for i in range(6000))
write("validate", "f1-quadratic-documentParameters", head(0) + f'{{"jobId":"j","targets":["{ARN}thing/t"],"jobTemplateArn":"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0","documentParameters":{{{params}}}}}'.encode())
# 2. No cap on violations: far more than MAX_VIOLATIONS (1000).
write("validate", "f2-many-violations", head(0) + json.dumps(job(targets=[1] * 5000)).encode())
write("is_valid", "f2-many-violations", head(0) + json.dumps(job(targets=["x"] * 5000)).encode())
# 4. A lone surrogate (escaped in text; the JS-string form is tested in js/test).
write("validate", "f4-lone-surrogate", head(0) + b'{"jobId":"j","document":"{}","targets":["' + ARN.encode() + b'thing/t"],"description":"a\\ud800b"}')
# 7. `now` near i64::MAX and at the bounds, with scheduling times.
sched = json.dumps(job(schedulingConfig={"startTime": "2030-01-01T00:00", "endTime": "2031-01-01T00:00"})).encode()
for name, now in [("max", I64_MAX), ("max-minus-2y", I64_MAX - 2 * 366 * 86_400_000), ("min", -2**63), ("js-max", MAX_TIME_MS), ("js-max-plus-1", MAX_TIME_MS + 1)]:
    write("validate", f"f7-now-{name}", head(0, now=now) + sched)
# 9. Duplicate keys (positioned at the duplicate).
write("validate", "f9-duplicate-keys", head(0) + b'{"jobId":"a","jobId":"b","document":"{}","targets":["' + ARN.encode() + b'thing/t"],"targets":[]}')

# 5. A job whose next rollout slot falls after the maximum time.
create = json.dumps({"job": job(targets=[ARN + f"thing/t{i}" for i in range(3)], jobExecutionsRolloutConfig={"maximumPerMinute": 1}), "createdAt": MAX_TIME_MS - 30_000})
write("machine_text", "f5-slot-after-max-time", create + f"\nv{MAX_TIME_MS} {{}}\nd\ns{MAX_TIME_MS} {{\"type\":\"advance\"}}\n")
write("machine_text", "f7-times-near-i64-max", json.dumps({"job": job(), "createdAt": 0}) + f"\nv{I64_MAX} {{}}\ns{-2**63} {{\"type\":\"advance\"}}\na{MAX_TIME_MS} {{\"type\":\"deviceUpdate\",\"thing\":\"t1\",\"status\":\"IN_PROGRESS\"}}\n")
write("replay", "f5-slot-after-max-time", json.dumps({"job": job(targets=[ARN + f"thing/t{i}" for i in range(3)], jobExecutionsRolloutConfig={"maximumPerMinute": 1}), "createdAt": MAX_TIME_MS - 30_000, "events": [{"type": "advance", "at": MAX_TIME_MS}]}))

# 7. Tampered snapshots: counters at u64::MAX, times out of order / out of range.
base = {"format": "iot-jobs-policy/machine@1", "api": "latest", "profile": "documented", "jobId": "job-1", "jobArn": ARN + "job/job-1", "arnPrefix": ARN, "targetSelection": "SNAPSHOT", "targets": [ARN + "thing/t1"], "config": {}, "startAt": None, "endAt": None, "endBehavior": "STOP_ROLLOUT", "ended": False, "status": "IN_PROGRESS", "forceCanceled": False, "reasonCode": None, "comment": None, "createdAt": 0, "lastUpdatedAt": 0, "completedAt": None, "now": 0, "rolloutLen": 1, "cursor": 1, "notified": 1, "succeededTotal": 0, "nextSlot": None, "things": ["t1"], "executions": [["QUEUED", 1, 1, 0, 0, 0, 0, 0, None, 0, None]]}
U64_MAX = 2**64 - 1
for name, patch in [
    ("f7-snapshot-notified-u64-max", {"notified": U64_MAX}),
    ("f7-snapshot-succeeded-u64-max", {"succeededTotal": U64_MAX}),
    ("f7-snapshot-cursor-past-end", {"cursor": 7, "rolloutLen": 7}),
    ("f7-snapshot-times-out-of-order", {"createdAt": 5000, "lastUpdatedAt": 1000, "now": 10}),
    ("f5-snapshot-now-past-max", {"now": MAX_TIME_MS + 1, "lastUpdatedAt": MAX_TIME_MS + 1}),
    ("f5-snapshot-slot-past-max", {"nextSlot": MAX_TIME_MS + 60_000}),
    # Found by the 2026-11-30 round (r10): a success already counted for a
    # QUEUED execution; its SUCCEEDED report wrote a snapshot that did not
    # restore. Refused on restore now (succeededTotal within what the
    # executions allow).
    ("r10-snapshot-success-counted-ahead", {"succeededTotal": 1}),
    ("f7-snapshot-execution-counters-u64-max", {"executions": [["QUEUED", U64_MAX, U64_MAX, U64_MAX, 0, 0, 0, 0, None, 0, None]]}),
]:
    s = dict(base)
    s.update(patch)
    write("snapshot", name, json.dumps(s, separators=(",", ":")))

# 6, 8, 9 through the command line (in-memory host; flags byte, then
# args NUL stdin NUL files). Non-UTF-8 bytes in an argument and a file name
# pattern; a scenario over 1 MiB; a deep ** glob repeated.
def cli(flags, args, stdin=b"", files=()):
    return bytes([flags]) + b"\n".join(args) + b"\0" + stdin + b"".join(b"\0" + f for f in files)
req = json.dumps(job()).encode()
write("cli", "f6-non-utf8-operation", cli(0, [b"validate", b"Create\xffJob", b"f0.json"], files=[req]))
write("cli", "f6-non-utf8-now", cli(0, [b"validate", b"CreateJob", b"--now", b"\xfe\xff", b"f0.json"], files=[req]))
write("cli", "f6-non-utf8-file", cli(0, [b"validate", b"CreateJob", b"f\xff.json"], files=[req]))
write("cli", "f8-replay-over-1mib", cli(2, [b"replay", b"f0.json"], files=[b'{"job":' + req + b',"events":[' + b" " * (1024 * 1024) + b"]}"]))
write("cli", "f8-stdin-over-1mib", cli(2, [b"validate", b"CreateJob", b"-"], stdin=b"{" + b" " * (1024 * 1024 + 8) + b"}"))
write("cli", "f9-repeated-doublestar", cli(0, [b"validate", b"CreateJob", b"**/**/**/**/**/**/**/**/**/**/**/**/*.json"], files=[req, req, req]))
write("cli", "f9-control-chars-in-output", cli(0, [b"validate", b"CreateJob", b"f0.json"], files=[b'{"jobId":"\\u001b[31mred\\u0007","document":"{}","targets":["x\\n"]}']))
