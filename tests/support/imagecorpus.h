#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cowherd::test {

// One generated image and what a correct inspector and safety policy say about it.
struct CorpusImage
{
    QString name;
    QString path;
    QString declaredFormat; // Glance disk_format the image is imported as
    QString expectedFormat; // the inspector's format name
    QString expectedProblem; // the problem code that must refuse it; empty for a good image
    bool isOverlay = false; // a Cowherd overlay: checked with backing files allowed
};

// Builds, at run time, a corpus of legitimate and hostile images with the real qemu-img plus
// byte patches, so that no binary is committed and the images match the installed qemu.
// Shared by the unit tests, the fuzz loop and the benchmarks.
class ImageCorpus
{
public:
    explicit ImageCorpus(const QString &directory);

    // Generates every image; false (with errorString()) when a tool failed.
    bool generate();
    QString errorString() const { return m_error; }

    const QList<CorpusImage> &images() const { return m_images; }
    QList<CorpusImage> goodImages() const;
    QList<CorpusImage> badImages() const;

    // Helpers the generators use; public for tests that craft their own files.
    static bool patch(const QString &path, qint64 offset, QByteArrayView bytes);
    static bool writeBytes(const QString &path, const QByteArray &content);
    static QByteArray be32(quint32 value);
    static QByteArray be64(quint64 value);
    static QByteArray isoPrimaryVolume(qint64 sectors);

private:
    QString file(const QString &name) const;
    bool qemuImg(const QStringList &arguments);
    bool add(const QString &name, const QString &declared, const QString &format, const QString &problem = {},
        bool overlay = false);
    bool generateGood();
    bool generateBad();

    QString m_directory;
    QString m_error;
    QList<CorpusImage> m_images;
};

} // namespace cowherd::test
