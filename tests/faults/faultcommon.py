"""What the fault trials share: the failure they raise, their log, and the checks of base files."""
import hashlib
import re

# A base file's final name (Nova's): sha1 of the image id, optionally _<GiB> or _sm.
FINAL_NAME = re.compile(r"^[0-9a-f]{40}(_[0-9]+|_sm)?$")


class Failure(Exception):
    pass


def log(*args):
    print(*args, flush=True)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
