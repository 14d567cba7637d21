#pragma once

#include "cache/cachesnapshot.h"

namespace cowherd::ui {

// Field-wise equality for the snapshot records, so models can tell changed rows from
// unchanged ones when a new snapshot arrives.
bool sameBaseFile(const cache::BaseFile &a, const cache::BaseFile &b);
bool sameInstance(const cache::Instance &a, const cache::Instance &b);

} // namespace cowherd::ui
