#include "host/digest.h"

#include <openssl/evp.h>

namespace cowherd::host {

struct Digest::Private
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Private() { EVP_MD_CTX_free(ctx); }
};

Digest::Digest(Algorithm algorithm)
    : d(std::make_unique<Private>())
{
    const EVP_MD *md = nullptr;
    switch (algorithm) {
    case Algorithm::Md5:
        md = EVP_md5();
        break;
    case Algorithm::Sha1:
        md = EVP_sha1();
        break;
    case Algorithm::Sha256:
        md = EVP_sha256();
        break;
    case Algorithm::Sha512:
        md = EVP_sha512();
        break;
    }
    EVP_DigestInit_ex(d->ctx, md, nullptr);
}

Digest::~Digest() = default;
Digest::Digest(Digest &&) noexcept = default;
Digest &Digest::operator=(Digest &&) noexcept = default;

void Digest::addData(QByteArrayView bytes)
{
    EVP_DigestUpdate(d->ctx, bytes.data(), size_t(bytes.size()));
}

QByteArray Digest::hexResult()
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(d->ctx, out, &length);
    return QByteArray(reinterpret_cast<const char *>(out), int(length)).toHex();
}

std::optional<Digest::Algorithm> Digest::fromName(QStringView name)
{
    if (name.compare(u"sha256", Qt::CaseInsensitive) == 0)
        return Algorithm::Sha256;
    if (name.compare(u"sha512", Qt::CaseInsensitive) == 0)
        return Algorithm::Sha512;
    if (name.compare(u"md5", Qt::CaseInsensitive) == 0)
        return Algorithm::Md5;
    if (name.compare(u"sha1", Qt::CaseInsensitive) == 0)
        return Algorithm::Sha1;
    return std::nullopt;
}

} // namespace cowherd::host
