#pragma once

#include "source/imagesource.h"

#include <QStringList>

#include <functional>
#include <memory>

namespace cowherd::source {

struct ArchiveLimits
{
    qint64 maxOutputSize = qint64(1) << 40;
    double maxExpansionRatio = 1000;
    qint64 expansionCheckAfter = qint64(64) << 20;
};

// True for names libarchive should unpack: .gz .xz .zst .bz2 .tar(.*) .tgz .txz .zip .ova.
bool isArchiveName(const QString &name);

// One disk image inside an archive or a compressed file, streamed through libarchive straight
// from the underlying source (a local file, a download): nothing is unpacked to disk, and no
// member name is ever used as a path. Without a member name, an OVA's .ovf descriptor names
// the disk; otherwise the archive must hold exactly one disk image (checked to the end of the
// archive in finish()).
class ArchiveSource final : public ImageSource
{
public:
    using OpenInner = std::function<Result<std::unique_ptr<ImageSource>>()>;

    // openInner makes a fresh, unopened source of the archive's bytes; it is called twice when
    // the content must be hashed to name the image. innerId: the image id of the archive
    // itself when it is remote ("url:…"), empty for local archives (named by sha256 of the
    // decompressed member, so a compressed and a plain copy share a base file).
    ArchiveSource(QString archiveName, OpenInner openInner, QString member, ArchiveLimits limits, QString innerId = {});
    ~ArchiveSource() override;

    QString displayName() const override;
    Result<SourceDescription> open(const OpenOptions &options) override;
    Result<QByteArray> read(qint64 maxBytes) override;
    Status finish() override;

    QString memberName() const;

private:
    struct Reader;
    Result<std::unique_ptr<Reader>> startReader();
    Status seekMember(Reader &reader);

    QString m_archiveName;
    OpenInner m_openInner;
    QString m_member; // as given after '!'
    ArchiveLimits m_limits;
    QString m_innerId;
    std::unique_ptr<Reader> m_reader;
    QString m_chosen;
    QString m_declaredFormat;
    QStringList m_candidates;
    bool m_checkedWhole = false;
};

} // namespace cowherd::source
