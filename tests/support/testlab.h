#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace cowherd::test {

// Runs a program and fails the current QtTest function (via the return value) when it fails.
bool runTool(const QStringList &argv, QByteArray *output = nullptr, QByteArray *errors = nullptr);

// Writes size bytes of a repeating pattern (sparse when pattern is empty).
bool writeFile(const QString &path, qint64 size, QByteArrayView pattern = {});

// size bytes that compress to nothing and repeat nothing, the same for the same seed.
QByteArray randomBytes(qsizetype size, quint32 seed);

// The sha256 of a file as lowercase hex, read here (empty when it cannot be read).
QByteArray sha256Of(const QString &path);

// A temporary instances path with Nova's layout, filled with real images made by qemu-img.
class TestLab
{
public:
    TestLab();
    // A lab in a new directory under parentDirectory, readable by other users (see
    // libvirtReachableLabParent()).
    explicit TestLab(const QString &parentDirectory);
    bool isValid() const { return m_dir.isValid(); }
    QString instancesPath() const { return m_dir.path(); }
    QString basePath() const { return m_dir.path() + QStringLiteral("/_base"); }
    QString instanceDir(const QString &uuid) const { return m_dir.path() + u'/' + uuid; }

    // _base/<name>, a raw file of sizeMiB; returns its path.
    QString addRawBase(const QString &name, qint64 sizeMiB = 1);
    // _base/<name>, a qcow2 file.
    QString addQcow2Base(const QString &name, qint64 sizeMiB = 1);
    // <uuid>/<diskName>: a qcow2 overlay on backingPath (absolute), with explicit backing format.
    QString addOverlay(const QString &uuid, const QString &backingPath,
        const QString &backingFormat = QStringLiteral("raw"), const QString &diskName = QStringLiteral("disk"));

    static QString sha1Hex(const QString &imageId);
    // Where a lab must live for qemu:///system to boot its images: on Debian libvirt runs qemu
    // as user libvirt-qemu and only chowns the image files themselves (dynamic ownership), so
    // every directory above them must be searchable by that user. QTemporaryDir makes 0700
    // directories (and TMPDIR may be private too), so labs for libvirt live under
    // /var/lib/cowherd-test/ with mode 0755. AppArmor, when active, is no obstacle: libvirt's
    // virt-aa-helper adds the disk, backing and console files of each domain to its profile.
    static QString libvirtReachableLabParent();

private:
    QTemporaryDir m_dir;
};

} // namespace cowherd::test
