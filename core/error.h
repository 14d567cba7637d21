#pragma once

#include <QString>

#include <expected>

namespace cowherd {

// An error a person can act on: what failed, where, and what to do. The message is for people;
// code that decides what to do next (retry under TCG, ask for a password, exit with 3) reads
// the kind and never the message.
struct Error
{
    enum class Kind
    {
        Failure, // nothing more specific is known
        Refused, // Cowherd declined on purpose: unsafe image, blocked cleanup, would overwrite
        Cancelled, // somebody asked to stop
        Timeout, // a time limit ran out (a program, an answer, a lock)
        Unreachable, // a host or server could not be reached (network, SSH, libvirt connection)
        Authentication, // credentials were rejected or are missing (Keystone, SSH key, password)
        Permission, // the credentials are fine but not allowed to do this (EACCES, HTTP 403)
        NotFound, // a file, image, host, cloud or domain that does not exist
        Busy, // held by somebody else: a lock, a file being written
        Unsupported, // this machine or host cannot do it: no KVM, a program not installed
        Corrupt, // data that is damaged or not what it claims to be: checksum, malformed answer
        NoSpace, // the file system is full or over its quota
    };

    QString message;
    Kind kind = Kind::Failure;

    static Error make(Kind kind, QString message) { return {std::move(message), kind}; }
    static Error failure(QString message) { return {std::move(message), Kind::Failure}; }
    static Error refused(QString message) { return {std::move(message), Kind::Refused}; }
    static Error cancelled(QString message) { return {std::move(message), Kind::Cancelled}; }

    // The same kind with a message that says more (the step, the host): wrapping an error must
    // not lose what it was.
    Error withMessage(QString newMessage) const { return {std::move(newMessage), kind}; }

    bool is(Kind k) const { return kind == k; }
};

// "not-found", "authentication": stable names for logs and JSON output.
QString kindName(Error::Kind kind);

// The kind an errno value stands for (ENOENT: NotFound, EACCES: Permission, ENOSPC: NoSpace…).
Error::Kind kindOfErrno(int error);

template<typename T> using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(QString message)
{
    return std::unexpected(Error::failure(std::move(message)));
}

inline std::unexpected<Error> fail(Error::Kind kind, QString message)
{
    return std::unexpected(Error::make(kind, std::move(message)));
}

// Passes an error on with a new message, keeping its kind.
inline std::unexpected<Error> fail(const Error &cause, QString message)
{
    return std::unexpected(cause.withMessage(std::move(message)));
}

// A problem attached to a file or image rather than to an operation: the scan goes on.
struct Problem
{
    QString code; // stable, machine-readable ("backing-file-missing")
    QString message; // for people

    friend bool operator==(const Problem &, const Problem &) = default;
};

} // namespace cowherd
