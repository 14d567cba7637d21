#include "tables/snapshotcompare.h"

#include <algorithm>

namespace cowherd::ui {

namespace {

bool sameLink(const cache::ChainLink &a, const cache::ChainLink &b)
{
    return a.path == b.path && a.format == b.format;
}

bool sameDisk(const cache::Disk &a, const cache::Disk &b)
{
    return a.path == b.path && a.target == b.target && a.format == b.format && a.virtualSize == b.virtualSize
        && a.allocatedSize == b.allocatedSize && a.problems == b.problems
        && std::ranges::equal(a.backingChain, b.backingChain, sameLink);
}

} // namespace

bool sameBaseFile(const cache::BaseFile &a, const cache::BaseFile &b)
{
    return a.name == b.name && a.path == b.path && a.kind == b.kind && a.format == b.format
        && a.virtualSize == b.virtualSize && a.apparentSize == b.apparentSize && a.allocatedSize == b.allocatedSize
        && a.mtime == b.mtime && a.imageId == b.imageId && a.originalName == b.originalName
        && a.references == b.references && a.problems == b.problems && a.pinned == b.pinned
        && a.checksumState == b.checksumState && a.verifiedAt == b.verifiedAt && a.imageIds == b.imageIds;
}

bool sameInstance(const cache::Instance &a, const cache::Instance &b)
{
    return a.uuid == b.uuid && a.name == b.name && a.state == b.state && a.directory == b.directory
        && a.problems == b.problems && a.nova == b.nova && std::ranges::equal(a.disks, b.disks, sameDisk);
}

} // namespace cowherd::ui
