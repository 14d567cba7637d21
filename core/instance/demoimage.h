#pragma once

#include "error.h"

#include <QByteArray>
#include <QString>

namespace cowherd::host {
class Transport;
}

namespace cowherd::instance {

// The text the demo boot sector prints, before the label.
inline constexpr char demoBannerPrefix[] = "COWHERD DEMO: ";

// A 512-byte x86 boot sector that prints "COWHERD DEMO: <label>\r\n" to COM1 and the screen,
// then halts. Only printable ASCII of the label is kept, truncated to what fits.
QByteArray demoBootSector(const QString &label);

// The label as demoBootSector() will print it (filtered and truncated).
QString demoLabelAsPrinted(const QString &label);

// A raw disk of sizeMiB with the demo boot sector first: an image that boots in a second under
// TCG and proves the whole chain (base file, overlay, domain XML, serial console) works.
Status writeDemoImage(host::Transport &transport, const QString &path, const QString &label, qint64 sizeMiB = 1);

} // namespace cowherd::instance
