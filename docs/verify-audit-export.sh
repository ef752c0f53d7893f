#!/usr/bin/env bash
# Verifies an export of the audit chain against a signed checkpoint, offline, with openssl and python3 only.
#
#   docs/verify-audit-export.sh CHECKPOINT.json RECORDS.csv [TRUSTED-PUBLIC-KEY.pem]
#
# CHECKPOINT.json: GET /api/audit/checkpoints/latest (or /api/audit/checkpoints/{id}).
# RECORDS.csv:     GET /api/audit/records?toId=<the checkpoint's lastId> (all records from the first; with
#                  afterId=<an earlier checkpoint's lastId>, from there: the first link is printed to compare).
# TRUSTED-PUBLIC-KEY.pem: the program's public key as you obtained it earlier, outside this export; without it the
#                  key inside the checkpoint is used and only printed (a forger could ship their own key).
#
# 1. The checkpoint's signature: Ed25519 over the UTF-8 text "lastId:hash:signedAt" (openssl pkeyutl -rawin).
# 2. The chain: every record's SHA-256 recomputed from its fields joined by the unit separator (0x1F):
#    id, at, principal, action, subject_type, subject_id, process_instance_id, details, prev_hash; each prev_hash
#    must be the hash of the record before (64 zeros before record 1); record lastId must have the signed hash.
# Exit 0 when all holds; otherwise 1, naming the first record that does not.
set -euo pipefail

if [ $# -lt 2 ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 2
fi
checkpoint=$1
records=$2
trusted=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$checkpoint" "$work" <<'PY'
import base64, json, sys
c = json.load(open(sys.argv[1]))
work = sys.argv[2]
if c.get("algorithm") != "Ed25519":
    sys.exit("not an Ed25519 checkpoint: %r" % c.get("algorithm"))
open(work + "/message", "wb").write(("%d:%s:%s" % (c["lastId"], c["hash"], c["signedAt"])).encode("utf-8"))
open(work + "/signature", "wb").write(base64.b64decode(c["signature"]))
open(work + "/public.der", "wb").write(base64.b64decode(c["publicKey"]))
open(work + "/head", "w").write("%d %s\n" % (c["lastId"], c["hash"]))
PY

openssl pkey -pubin -inform DER -in "$work/public.der" -out "$work/public.pem"
if [ -n "$trusted" ]; then
  openssl pkey -pubin -in "$trusted" -outform DER -out "$work/trusted.der"
  if ! cmp -s "$work/public.der" "$work/trusted.der"; then
    echo "FAILED: the checkpoint was signed with another key than $trusted"
    exit 1
  fi
  key="$work/public.pem"
else
  echo "Public key in the checkpoint (compare it with the one you trust):"
  cat "$work/public.pem"
  key="$work/public.pem"
fi
if ! openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$work/message" -sigfile "$work/signature" >/dev/null; then
  echo "FAILED: the checkpoint's signature does not verify"
  exit 1
fi
echo "Signature: valid (Ed25519 over \"$(cat "$work/message")\")"

read -r last_id signed_hash < "$work/head"
python3 - "$records" "$last_id" "$signed_hash" <<'PY'
import csv, hashlib, sys
path, last_id, signed_hash = sys.argv[1], int(sys.argv[2]), sys.argv[3]
fields = ["id", "at", "principal", "action", "subject_type", "subject_id", "process_instance_id", "details",
          "prev_hash"]
previous_id, previous_hash, reached, first = 0, "0" * 64, last_id == 0, None
with open(path, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        rid = int(row["id"])
        if first is None:
            first = rid
            if rid > 1:
                # A partial export (afterId > 0): its first link is taken from the export. It is anchored when it is
                # the hash an earlier checkpoint signed for record rid - 1: compare it with that checkpoint.
                previous_id, previous_hash = rid - 1, row["prev_hash"]
                print("Partial export: starts after record %d, whose hash it gives as %s" % (rid - 1, previous_hash))
        if rid != previous_id + 1:
            sys.exit("FAILED at record %d: record %d is missing" % (rid, previous_id + 1))
        if row["prev_hash"] != previous_hash:
            sys.exit("FAILED at record %d: prev_hash does not match the hash of record %d" % (rid, previous_id))
        digest = hashlib.sha256("\x1f".join(row[k] for k in fields).encode("utf-8")).hexdigest()
        if digest != row["hash"]:
            sys.exit("FAILED at record %d: its content does not match its hash (the record was changed)" % rid)
        if rid == last_id:
            if digest != signed_hash:
                sys.exit("FAILED at record %d: its hash is not the one the checkpoint signed" % rid)
            reached = True
        previous_id, previous_hash = rid, digest
if not reached:
    sys.exit("FAILED: the export ends at record %d, before the checkpoint's record %d" % (previous_id, last_id))
print("Chain: records %d to %d recomputed; record %d has the signed hash %s"
      % (first or 0, previous_id, last_id, signed_hash))
PY
echo "VERIFIED"
