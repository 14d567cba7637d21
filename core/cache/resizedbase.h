#pragma once

#include "cache/fetcher.h"

namespace cowherd::cache {

// Nova's resized base: <sha1>_<GiB>, a copy of the original extended to the flavour's root size,
// made once under its own lock and shared by every instance of that image and size.
// Refuses when the image is larger than the requested size; returns the original unchanged
// when the sizes are equal.
Result<FetchResult> ensureResizedBase(host::Transport &transport, const QString &instancesPath,
    const FetchResult &original, qint64 sizeGiB, const FetchOptions &options = {});

// An image never fits a disk smaller than its virtual size.
Status checkFits(const FetchResult &image, qint64 sizeGiB);

} // namespace cowherd::cache
