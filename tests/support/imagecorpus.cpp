#include "imagecorpus.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace cowherd::test {

ImageCorpus::ImageCorpus(const QString &directory)
    : m_directory(directory)
{ }

QString ImageCorpus::file(const QString &name) const
{
    return m_directory + u'/' + name;
}

bool ImageCorpus::qemuImg(const QStringList &arguments)
{
    QProcess p;
    p.start(u"qemu-img"_s, arguments);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error
            = u"qemu-img %1 failed: %2"_s.arg(arguments.join(u' '), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

bool ImageCorpus::add(
    const QString &name, const QString &declared, const QString &format, const QString &problem, bool overlay)
{
    m_images.append({name, file(name), declared, format, problem, overlay});
    return QFile::exists(file(name));
}

bool ImageCorpus::patch(const QString &path, qint64 offset, QByteArrayView bytes)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite) && f.seek(offset) && f.write(bytes.data(), bytes.size()) == bytes.size();
}

bool ImageCorpus::writeBytes(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QByteArray ImageCorpus::be32(quint32 value)
{
    QByteArray b(4, '\0');
    qToBigEndian(value, b.data());
    return b;
}

QByteArray ImageCorpus::be64(quint64 value)
{
    QByteArray b(8, '\0');
    qToBigEndian(value, b.data());
    return b;
}

QByteArray ImageCorpus::isoPrimaryVolume(qint64 sectors)
{
    // System area (16 sectors), a primary volume descriptor, a set terminator, then data.
    QByteArray iso(sectors * 2048, '\0');
    char *pvd = iso.data() + 16 * 2048;
    pvd[0] = 1;
    std::memcpy(pvd + 1, "CD001", 5);
    pvd[6] = 1;
    std::memset(pvd + 8, ' ', 32);
    std::memcpy(pvd + 40, "COWHERD_TEST", 12);
    std::memset(pvd + 52, ' ', 20);
    qToLittleEndian(quint32(sectors), pvd + 80);
    qToBigEndian(quint32(sectors), pvd + 84);
    qToLittleEndian(quint16(1), pvd + 120);
    qToBigEndian(quint16(1), pvd + 122);
    qToLittleEndian(quint16(2048), pvd + 128);
    qToBigEndian(quint16(2048), pvd + 130);
    pvd[881] = 1;
    char *end = iso.data() + 17 * 2048;
    end[0] = char(255);
    std::memcpy(end + 1, "CD001", 5);
    end[6] = 1;
    return iso;
}

namespace {

QByteArray pattern(qint64 size)
{
    QByteArray data(size, '\0');
    for (qint64 i = 0; i < size; i += 4096)
        std::memcpy(data.data() + i, "cowherd test data", 17);
    return data;
}

void protectiveMbr(QByteArray &disk, quint8 type)
{
    disk[446 + 4] = char(type);
    disk[510] = char(0x55);
    disk[511] = char(0xAA);
}

} // namespace

bool ImageCorpus::generate()
{
    m_images.clear();
    if (!QDir().mkpath(m_directory)) {
        m_error = u"cannot create %1"_s.arg(m_directory);
        return false;
    }
    return generateGood() && generateBad();
}

bool ImageCorpus::generateGood()
{
    const QString raw = file(u"raw.img"_s);
    if (!writeBytes(raw, pattern(4 * 1024 * 1024)))
        return false;
    bool ok = add(u"raw.img"_s, u"raw"_s, u"raw"_s);

    ok = ok && qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, file(u"qcow2.img"_s), u"64M"_s})
        && add(u"qcow2.img"_s, u"qcow2"_s, u"qcow2"_s);
    ok = ok
        && qemuImg(
            {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-o"_s, u"compat=0.10"_s, file(u"qcow2-v2.img"_s), u"64M"_s})
        && add(u"qcow2-v2.img"_s, u"qcow2"_s, u"qcow2"_s);
    ok = ok
        && qemuImg({u"convert"_s, u"-q"_s, u"-c"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, raw,
            file(u"qcow2-compressed.img"_s)})
        && add(u"qcow2-compressed.img"_s, u"qcow2"_s, u"qcow2"_s);
    ok = ok
        && qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"raw"_s, u"-b"_s, raw, file(u"overlay.img"_s)})
        && add(u"overlay.img"_s, u"qcow2"_s, u"qcow2"_s, {}, true);
    for (const auto &sub : {u"monolithicSparse"_s, u"streamOptimized"_s}) {
        const QString name = u"vmdk-"_s + sub + u".vmdk"_s;
        ok = ok
            && qemuImg({u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"vmdk"_s, u"-o"_s, u"subformat="_s + sub,
                raw, file(name)})
            && add(name, u"vmdk"_s, u"vmdk"_s);
    }
    ok = ok && qemuImg({u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"vdi"_s, raw, file(u"disk.vdi"_s)})
        && add(u"disk.vdi"_s, u"vdi"_s, u"vdi"_s);
    ok = ok && qemuImg({u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"vpc"_s, raw, file(u"dynamic.vhd"_s)})
        && add(u"dynamic.vhd"_s, u"vhd"_s, u"vpc"_s);
    ok = ok
        && qemuImg({u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"vpc"_s, u"-o"_s, u"subformat=fixed"_s, raw,
            file(u"fixed.vhd"_s)})
        && add(u"fixed.vhd"_s, u"vhd"_s, u"vpc"_s);
    ok = ok && qemuImg({u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"vhdx"_s, raw, file(u"disk.vhdx"_s)})
        && add(u"disk.vhdx"_s, u"vhdx"_s, u"vhdx"_s);

    ok = ok && writeBytes(file(u"disk.iso"_s), isoPrimaryVolume(64)) && add(u"disk.iso"_s, u"iso"_s, u"iso"_s);
    QByteArray hybrid = isoPrimaryVolume(64);
    protectiveMbr(hybrid, 0xEE);
    std::memcpy(hybrid.data() + 512, "EFI PART", 8);
    ok = ok && writeBytes(file(u"hybrid-gpt.iso"_s), hybrid) && add(u"hybrid-gpt.iso"_s, u"iso"_s, u"iso"_s);
    QByteArray mbrIso = isoPrimaryVolume(64);
    mbrIso[446] = char(0x80);
    protectiveMbr(mbrIso, 0x17);
    ok = ok && writeBytes(file(u"hybrid-mbr.iso"_s), mbrIso) && add(u"hybrid-mbr.iso"_s, u"iso"_s, u"iso"_s);

    QByteArray gptDisk = pattern(1024 * 1024);
    gptDisk.replace(0, 512, QByteArray(512, '\0'));
    protectiveMbr(gptDisk, 0xEE);
    gptDisk.replace(512, 8, "EFI PART");
    ok = ok && writeBytes(file(u"gpt-disk.img"_s), gptDisk) && add(u"gpt-disk.img"_s, u"raw"_s, u"raw"_s);
    QByteArray mbrDisk = pattern(1024 * 1024);
    mbrDisk.replace(0, 512, QByteArray(512, '\0'));
    protectiveMbr(mbrDisk, 0x83);
    ok = ok && writeBytes(file(u"mbr-disk.img"_s), mbrDisk) && add(u"mbr-disk.img"_s, u"raw"_s, u"raw"_s);
    // Azure-style: a fixed VHD of a partitioned disk.
    ok = ok
        && qemuImg({u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"vpc"_s, u"-o"_s, u"subformat=fixed"_s,
            file(u"gpt-disk.img"_s), file(u"gpt-fixed.vhd"_s)})
        && add(u"gpt-fixed.vhd"_s, u"vhd"_s, u"vpc"_s);
    // An ISO imported under the raw name is harmless: qemu reads both as raw.
    ok = ok && writeBytes(file(u"iso-as-raw.img"_s), isoPrimaryVolume(32))
        && add(u"iso-as-raw.img"_s, u"raw"_s, u"iso"_s);
    return ok;
}

bool ImageCorpus::generateBad()
{
    const QString raw = file(u"raw.img"_s);
    const auto qcow2 = [&](const QString &name, const QStringList &extra = {}, const QString &size = u"64M"_s) {
        return qemuImg(QStringList{u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s} + extra + QStringList{file(name), size});
    };
    const auto patched = [&](const QString &name, qint64 offset, const QByteArray &bytes, const QString &code) {
        return qcow2(name) && patch(file(name), offset, bytes) && add(name, u"qcow2"_s, u"qcow2"_s, code);
    };

    // CVE-2015-5162 / CVE-2024-32498: an image that makes qemu read a host file.
    bool ok = qcow2(u"backing-host-file.qcow2"_s, {u"-u"_s, u"-F"_s, u"raw"_s, u"-b"_s, u"/etc/passwd"_s})
        && add(u"backing-host-file.qcow2"_s, u"qcow2"_s, u"qcow2"_s, u"backing-file"_s);
    ok = ok
        && qcow2(u"data-file.qcow2"_s, {u"-o"_s, u"data_file="_s + file(u"data-file.raw"_s) + u",data_file_raw=on"_s})
        && add(u"data-file.qcow2"_s, u"qcow2"_s, u"qcow2"_s, u"qcow2-data-file"_s);
    ok = ok && patched(u"unknown-feature.qcow2"_s, 72, be64(quint64(1) << 40), u"qcow2-unknown-features"_s);
    ok = ok && patched(u"version-4.qcow2"_s, 4, be32(4), u"qcow2-version"_s);
    ok = ok && patched(u"huge-l1.qcow2"_s, 36, be32(0x10000000), u"qcow2-l1-table-too-large"_s);
    ok = ok && patched(u"l1-outside.qcow2"_s, 40, be64(quint64(1) << 50), u"qcow2-l1-table-outside-file"_s);
    ok = ok && patched(u"huge-refcount.qcow2"_s, 56, be32(0x100000), u"qcow2-refcount-table-too-large"_s);
    ok = ok
        && patched(u"backing-name-far.qcow2"_s, 8, be64(quint64(1) << 40) + be32(16), u"qcow2-backing-name-invalid"_s);
    ok = ok && patched(u"cluster-bits.qcow2"_s, 20, be32(40), u"qcow2-cluster-size-invalid"_s);
    // qcow2 whose first cluster also carries an ISO 9660 descriptor.
    ok = ok && patched(u"polyglot-iso.qcow2"_s, 0x8001, "CD001", u"multiple-formats"_s);
    if (ok) {
        QFile vhd(file(u"fixed.vhd"_s));
        ok = vhd.open(QIODevice::ReadOnly) && vhd.seek(vhd.size() - 512) && qcow2(u"vhd-footer.qcow2"_s);
        QFile polyglot(file(u"vhd-footer.qcow2"_s));
        ok = ok && polyglot.open(QIODevice::Append) && polyglot.write(vhd.read(512)) == 512;
        polyglot.close();
        ok = ok && add(u"vhd-footer.qcow2"_s, u"qcow2"_s, u"qcow2"_s, u"multiple-formats"_s);
    }
    ok = ok && qcow2(u"too-big.qcow2"_s, {}, u"2T"_s)
        && add(u"too-big.qcow2"_s, u"qcow2"_s, u"qcow2"_s, u"virtual-size-limit"_s);
    // CVE-2024-32498: declared raw but really qcow2.
    ok = ok && qcow2(u"declared-raw.img"_s) && add(u"declared-raw.img"_s, u"raw"_s, u"qcow2"_s, u"format-mismatch"_s);
    if (ok) {
        QFile whole(file(u"qcow2.img"_s));
        ok = whole.open(QIODevice::ReadOnly) && writeBytes(file(u"truncated.qcow2"_s), whole.read(48))
            && add(u"truncated.qcow2"_s, u"qcow2"_s, u"qcow2"_s, u"header-truncated"_s);
    }
    ok = ok && qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"qed"_s, file(u"disk.qed"_s), u"64M"_s})
        && add(u"disk.qed"_s, u"qcow2"_s, u"qed"_s, u"qed-format"_s);

    // CVE-2022-47951: VMDK descriptors naming host files.
    ok = ok
        && writeBytes(file(u"flat-descriptor.vmdk"_s),
            "# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\ncreateType=\"monolithicFlat\"\n\n"
            "# Extent description\nRW 2048 FLAT \"/etc/passwd\" 0\n\nddb.adapterType = \"ide\"\n")
        && add(u"flat-descriptor.vmdk"_s, u"vmdk"_s, u"vmdk"_s, u"vmdk-create-type"_s);
    ok = ok
        && writeBytes(file(u"sparse-descriptor.vmdk"_s),
            "# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\ncreateType=\"monolithicSparse\"\n\n"
            "RW 2048 SPARSE \"/var/lib/secret.vmdk\"\n")
        && add(u"sparse-descriptor.vmdk"_s, u"vmdk"_s, u"vmdk"_s, u"vmdk-external-extent"_s);
    const QString vmfs = file(u"vmfs-sparse.vmdk"_s);
    ok = ok && QFile::copy(file(u"vmdk-monolithicSparse.vmdk"_s), vmfs);
    if (ok) {
        QFile f(vmfs);
        ok = f.open(QIODevice::ReadOnly);
        const QByteArray head = f.read(64 * 1024);
        const qsizetype at = head.indexOf("\"monolithicSparse\"");
        ok = ok && at > 0 && patch(vmfs, at, "\"vmfsSparse\"      ")
            && add(u"vmfs-sparse.vmdk"_s, u"vmdk"_s, u"vmdk"_s, u"vmdk-create-type"_s);
    }
    const QString badDescriptor = file(u"descriptor-outside.vmdk"_s);
    ok = ok && QFile::copy(file(u"vmdk-monolithicSparse.vmdk"_s), badDescriptor)
        && patch(badDescriptor, 28, QByteArray("\x00\x00\x00\x00\x00\x01\x00\x00", 8))
        && add(u"descriptor-outside.vmdk"_s, u"vmdk"_s, u"vmdk"_s, u"vmdk-descriptor-outside-file"_s);
    const QString badVdi = file(u"blocks.vdi"_s);
    ok = ok && QFile::copy(file(u"disk.vdi"_s), badVdi)
        && patch(badVdi, 0x170, QByteArray("\x00\x00\x00\x00\x00\x10\x00\x00", 8))
        && add(u"blocks.vdi"_s, u"vdi"_s, u"vdi"_s, u"vdi-header-invalid"_s);
    ok = ok && QFile::copy(file(u"disk.vdi"_s), file(u"vdi-as-vhd.img"_s))
        && add(u"vdi-as-vhd.img"_s, u"vhd"_s, u"vdi"_s, u"format-mismatch"_s);
    if (!ok && m_error.isEmpty())
        m_error = u"writing a corpus image failed"_s;
    return ok;
}

QList<CorpusImage> ImageCorpus::goodImages() const
{
    QList<CorpusImage> out;
    for (const auto &i : m_images)
        if (i.expectedProblem.isEmpty())
            out << i;
    return out;
}

QList<CorpusImage> ImageCorpus::badImages() const
{
    QList<CorpusImage> out;
    for (const auto &i : m_images)
        if (!i.expectedProblem.isEmpty())
            out << i;
    return out;
}

} // namespace cowherd::test
