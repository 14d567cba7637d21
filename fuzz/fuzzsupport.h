#pragma once

// Shared by the libFuzzer targets: silences Qt's message handler (a parser that warns on every
// malformed input would spend the fuzzing time printing) and turns the input into Qt types.

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>

namespace cowherd::fuzz {

inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Splits an input at the first "\n---8<---\n" into two documents (clouds.yaml + secure.yaml).
inline std::pair<QByteArray, QByteArray> splitTwo(const QByteArray &input)
{
    static constexpr QByteArrayView separator("\n---8<---\n");
    const qsizetype at = input.indexOf(separator);
    if (at < 0)
        return {input, {}};
    return {input.left(at), input.mid(at + separator.size())};
}

} // namespace cowherd::fuzz

#define COWHERD_FUZZ_INIT                                                                                              \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                                               \
    {                                                                                                                  \
        cowherd::fuzz::quietQt();                                                                                      \
        return 0;                                                                                                      \
    }
