#!/usr/bin/python3
"""Writes to an RBD image for a while, timing every write, then reads everything back and checks it.

    rbd-probe.py --conf DATA_DIR/ceph.conf --id cinder --keyring KEYRING --pool volumes-ssd --image probe
                 [--seconds 60] [--block 65536] [--size-mb 256] [--op-timeout 30]

For a drill: kill an OSD while it runs. Prints one JSON object: writes, failed writes, the longest write
(the stall), every write slower than 1 s with its start time, and whether all data read back intact.
Each write is acknowledged by Ceph only once every replica in the acting set has it, so the longest write is
the time I/O stood still. rados_osd_op_timeout turns a write that would block forever (a full cluster, PGs
below min_size) into a counted failure. Run with Debian's /usr/bin/python3 (python3-rados, python3-rbd).
"""
import argparse
import hashlib
import json
import time

import rados
import rbd


def block_bytes(index, size):
    """Deterministic content for block `index`, so the read-back needs no copy of what was written."""
    seed = hashlib.sha256(b"bojagi-probe-%d" % index).digest()
    return (seed * (size // len(seed) + 1))[:size]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--conf", required=True)
    parser.add_argument("--id", default="admin")
    parser.add_argument("--keyring")
    parser.add_argument("--pool", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--block", type=int, default=65536)
    parser.add_argument("--size-mb", type=int, default=256)
    parser.add_argument("--op-timeout", type=int, default=30)
    args = parser.parse_args()

    conf = {"rados_osd_op_timeout": str(args.op_timeout), "rados_mon_op_timeout": str(args.op_timeout),
            "client_mount_timeout": "15"}
    if args.keyring:
        conf["keyring"] = args.keyring
    cluster = rados.Rados(conffile=args.conf, rados_id=args.id, conf=conf)
    cluster.connect(timeout=15)
    ioctx = cluster.open_ioctx(args.pool)
    size = args.size_mb * 1024 * 1024
    blocks = size // args.block
    if args.image not in rbd.RBD().list(ioctx):
        rbd.RBD().create(ioctx, args.image, size)

    writes, failures, slow, longest = 0, [], [], 0.0
    written = set()
    started = time.time()
    with rbd.Image(ioctx, args.image) as image:
        while time.time() - started < args.seconds:
            index = writes % blocks
            before = time.time()
            try:
                image.write(block_bytes(index, args.block), index * args.block)
                written.add(index)
            except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the probe
                failures.append({"at": round(before - started, 2), "error": str(error)})
            took = time.time() - before
            writes += 1
            longest = max(longest, took)
            if took > 1.0:
                slow.append({"at": round(before - started, 2), "seconds": round(took, 2)})
        duration = time.time() - started
        bad = [index for index in sorted(written) if image.read(index * args.block, args.block) != block_bytes(index, args.block)]
    ioctx.close()
    cluster.shutdown()
    print(json.dumps({
        "started": round(started, 3), "seconds": round(duration, 1), "writes": writes, "failed_writes": len(failures),
        "failures": failures[:10], "writes_per_second": round(writes / duration, 1),
        "longest_write_seconds": round(longest, 2), "writes_over_1s": slow,
        "blocks_read_back": len(written), "blocks_corrupt": len(bad), "intact": not bad and not failures,
    }))


if __name__ == "__main__":
    main()
