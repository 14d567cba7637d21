#include "testlab.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

namespace cowherd::test {

bool runTool(const QStringList &argv, QByteArray *output, QByteArray *errors)
{
    QProcess p;
    p.start(argv.first(), argv.mid(1));
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(argv.join(u' ')), p.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = p.readAllStandardOutput();
    if (errors)
        *errors = p.readAllStandardError();
    return true;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result().toHex();
}

bool writeFile(const QString &path, qint64 size, QByteArrayView pattern)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (pattern.isEmpty())
        return f.resize(size);
    QByteArray chunk;
    while (chunk.size() < 65536)
        chunk.append(pattern);
    qint64 left = size;
    while (left > 0) {
        const qint64 n = std::min<qint64>(left, chunk.size());
        if (f.write(chunk.constData(), n) != n)
            return false;
        left -= n;
    }
    return true;
}

TestLab::TestLab()
{
    QDir(m_dir.path()).mkpath(QStringLiteral("_base"));
}

TestLab::TestLab(const QString &parentDirectory)
    : m_dir(parentDirectory + QStringLiteral("/lab-XXXXXX"))
{
    const auto open = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
        | QFile::ReadOther | QFile::ExeOther;
    QFile::setPermissions(m_dir.path(), open);
    QDir(m_dir.path()).mkpath(QStringLiteral("_base"));
    QFile::setPermissions(basePath(), open);
}

QString TestLab::libvirtReachableLabParent()
{
    const QString parent = QStringLiteral("/var/lib/cowherd-test");
    QDir().mkpath(parent);
    QFile::setPermissions(parent,
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::ExeOther);
    return parent;
}

QString TestLab::addRawBase(const QString &name, qint64 sizeMiB)
{
    const QString path = basePath() + u'/' + name;
    return writeFile(path, sizeMiB * 1024 * 1024, "cowherd") ? path : QString();
}

QString TestLab::addQcow2Base(const QString &name, qint64 sizeMiB)
{
    const QString path = basePath() + u'/' + name;
    return runTool({QStringLiteral("qemu-img"), QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
               QStringLiteral("qcow2"), path, QString::number(sizeMiB) + u'M'})
        ? path
        : QString();
}

QString TestLab::addOverlay(
    const QString &uuid, const QString &backingPath, const QString &backingFormat, const QString &diskName)
{
    const QString dir = instanceDir(uuid);
    QDir().mkpath(dir);
    const QString path = dir + u'/' + diskName;
    return runTool({QStringLiteral("qemu-img"), QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"),
               QStringLiteral("qcow2"), QStringLiteral("-F"), backingFormat, QStringLiteral("-b"), backingPath, path})
        ? path
        : QString();
}

QString TestLab::sha1Hex(const QString &imageId)
{
    return QString::fromLatin1(QCryptographicHash::hash(imageId.toUtf8(), QCryptographicHash::Sha1).toHex());
}

} // namespace cowherd::test
