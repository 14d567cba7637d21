#pragma once

#include <QString>

#include <expected>

namespace cowherd {

// An error a person can act on: what failed, where, and what to do.
struct Error
{
    enum class Kind {
        Failure, // something went wrong (exit code 1)
        Refused, // Cowherd declined on purpose: unsafe image, blocked cleanup (exit code 3)
        Cancelled,
    };

    QString message;
    Kind kind = Kind::Failure;

    static Error failure(QString message) { return {std::move(message), Kind::Failure}; }
    static Error refused(QString message) { return {std::move(message), Kind::Refused}; }
    static Error cancelled(QString message) { return {std::move(message), Kind::Cancelled}; }
};

template<typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(QString message)
{
    return std::unexpected(Error::failure(std::move(message)));
}

// A problem attached to a file or image rather than to an operation: the scan goes on.
struct Problem
{
    QString code; // stable, machine-readable ("backing-file-missing")
    QString message; // for people

    friend bool operator==(const Problem &, const Problem &) = default;
};

} // namespace cowherd
