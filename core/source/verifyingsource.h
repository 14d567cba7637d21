#pragma once

#include "host/digestworker.h"
#include "source/imagesource.h"

#include <memory>

namespace cowherd::source {

// Checks the bytes another source delivers against a sha256 the user gave (--sha256).
class VerifyingSource final : public ImageSource
{
public:
    VerifyingSource(std::unique_ptr<ImageSource> inner, QByteArray sha256Hex);

    QString displayName() const override { return m_inner->displayName(); }
    Result<SourceDescription> open(const OpenOptions &options) override;
    Result<QByteArray> read(qint64 maxBytes) override;
    Status finish() override;

private:
    std::unique_ptr<ImageSource> m_inner;
    QByteArray m_expected;
    host::DigestWorker m_digest; // beside the pipeline's own sha256 and its writes
};

} // namespace cowherd::source
