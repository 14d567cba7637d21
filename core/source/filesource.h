#pragma once

#include "source/imagesource.h"

#include <QFile>

namespace cowherd::source {

// A local image file, streamed in large chunks.
class FileSource final : public ImageSource
{
public:
    explicit FileSource(QString path);

    QString displayName() const override { return m_path; }
    Result<SourceDescription> open(const OpenOptions &options) override;
    Result<QByteArray> read(qint64 maxBytes) override;

private:
    QString m_path;
    QFile m_file;
};

} // namespace cowherd::source
