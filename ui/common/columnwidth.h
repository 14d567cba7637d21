#pragma once

#include <QHeaderView>

#include <algorithm>

namespace cowherd::ui {

// Widths are chosen for the English texts; a translated header may need more.
inline void resizeSectionToFitHeader(QHeaderView *header, int section, int width)
{
    header->resizeSection(section, std::max(width, header->sectionSizeHint(section)));
}

} // namespace cowherd::ui
