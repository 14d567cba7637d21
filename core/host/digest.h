#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace cowherd::host {

// A streaming message digest through OpenSSL's EVP interface (SHA-NI where the CPU has it:
// about 8x QCryptographicHash on this kind of machine, see docs/PERFORMANCE.md).
class Digest
{
public:
    enum class Algorithm
    {
        Md5,
        Sha1,
        Sha256,
        Sha512
    };

    explicit Digest(Algorithm algorithm);
    ~Digest();
    Digest(Digest &&) noexcept;
    Digest &operator=(Digest &&) noexcept;

    void addData(QByteArrayView bytes);
    // Lower-case hex; the digest cannot be fed afterwards.
    QByteArray hexResult();

    // "sha256", "sha512", "md5", "sha1" (Glance's os_hash_algo names).
    static std::optional<Algorithm> fromName(QStringView name);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cowherd::host
