#include "error.h"

#include <cerrno>

using namespace Qt::StringLiterals;

namespace cowherd {

QString kindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Failure:
        return u"failure"_s;
    case Error::Kind::Refused:
        return u"refused"_s;
    case Error::Kind::Cancelled:
        return u"cancelled"_s;
    case Error::Kind::Timeout:
        return u"timeout"_s;
    case Error::Kind::Unreachable:
        return u"unreachable"_s;
    case Error::Kind::Authentication:
        return u"authentication"_s;
    case Error::Kind::Permission:
        return u"permission"_s;
    case Error::Kind::NotFound:
        return u"not-found"_s;
    case Error::Kind::Busy:
        return u"busy"_s;
    case Error::Kind::Unsupported:
        return u"unsupported"_s;
    case Error::Kind::Corrupt:
        return u"corrupt"_s;
    case Error::Kind::NoSpace:
        return u"no-space"_s;
    }
    return u"failure"_s;
}

Error::Kind kindOfErrno(int error)
{
    switch (error) {
    case ENOENT:
    case ENOTDIR:
        return Error::Kind::NotFound;
    case EACCES:
    case EPERM:
    case EROFS:
        return Error::Kind::Permission;
    case ENOSPC:
    case EDQUOT:
        return Error::Kind::NoSpace;
    case EBUSY:
    case ETXTBSY:
    case EWOULDBLOCK:
        return Error::Kind::Busy;
    case ETIMEDOUT:
        return Error::Kind::Timeout;
    case ECONNREFUSED:
    case EHOSTUNREACH:
    case ENETUNREACH:
    case EHOSTDOWN:
    case ENETDOWN:
        return Error::Kind::Unreachable;
    case ENOSYS:
    case EOPNOTSUPP:
        return Error::Kind::Unsupported;
    case ECANCELED:
        return Error::Kind::Cancelled;
    default:
        return Error::Kind::Failure;
    }
}

} // namespace cowherd
