#include "image/bytesource.h"
#include "image/imageinfo.h"
#include "image/safetypolicy.h"
#include "imagecorpus.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::image;

namespace {

// A corpus file with a truncation and bit flips applied lazily, so that thousands of variants
// cost no copies of multi-megabyte images.
class MutatedSource final : public ByteSource
{
public:
    MutatedSource(const QByteArray &data, qint64 size, qint64 available, const QMap<qint64, quint8> &flips)
        : m_data(data)
        , m_size(size)
        , m_available(available)
        , m_flips(flips)
    { }
    qint64 size() const override { return m_size; }
    qint64 available() const override { return m_available; }
    QByteArray read(qint64 offset, qint64 length) override
    {
        ++reads;
        maxLength = std::max(maxLength, length);
        if (offset < 0 || length <= 0 || offset >= m_available)
            return {};
        QByteArray out = m_data.mid(offset, std::min(length, m_available - offset));
        for (auto it = m_flips.lowerBound(offset); it != m_flips.end() && it.key() < offset + out.size(); ++it)
            out[it.key() - offset] = char(quint8(out.at(it.key() - offset)) ^ it.value());
        return out;
    }
    int reads = 0;
    qint64 maxLength = 0;

private:
    const QByteArray &m_data;
    qint64 m_size;
    qint64 m_available;
    QMap<qint64, quint8> m_flips;
};

constexpr int IterationsPerImage = 1000;
constexpr qint64 MaxLoadedBytes = 4 * 1024 * 1024;

} // namespace

class TestInspectorFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mutations_data();
    void mutations();

private:
    QTemporaryDir m_dir;
    test::ImageCorpus m_corpus{m_dir.path() + u"/corpus"_s};
};

void TestInspectorFuzz::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_corpus.generate(), qPrintable(m_corpus.errorString()));
}

void TestInspectorFuzz::mutations_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<quint32>("seed");
    quint32 seed = 20261126;
    for (const auto &image : m_corpus.images())
        QTest::addRow("%s", qPrintable(image.name)) << image.path << seed++;
}

void TestInspectorFuzz::mutations()
{
    QFETCH(QString, path);
    QFETCH(quint32, seed);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.read(MaxLoadedBytes);
    const qint64 fileSize = f.size();
    QRandomGenerator random(seed);
    QElapsedTimer slowest;
    qint64 slowestNs = 0;
    for (int i = 0; i < IterationsPerImage; ++i) {
        QMap<qint64, quint8> flips;
        // Headers live near the start, VHD/VMDK footers near the end, VHDX tables at 192 KiB
        // and beyond: flip mostly in the first 4 KiB, sometimes anywhere in the first 320 KiB.
        const int flipCount = int(random.bounded(1, 9));
        const qint64 window = std::min<qint64>(data.size(), 4096);
        const qint64 wideWindow = std::min<qint64>(data.size(), 320 * 1024);
        for (int k = 0; k < flipCount && window > 0; ++k) {
            qint64 at = 0;
            switch (random.bounded(6)) {
            case 0:
                at = data.size() - 1 - random.bounded(std::min<qint64>(data.size(), 1024));
                break;
            case 1:
                at = random.bounded(wideWindow);
                break;
            default:
                at = random.bounded(window);
                break;
            }
            flips.insert(at, quint8(1u << random.bounded(8)));
        }
        qint64 size = fileSize;
        qint64 available = data.size();
        switch (random.bounded(4)) {
        case 0: // truncated file
            size = random.bounded(std::max<qint64>(fileSize, 1));
            available = std::min(available, size);
            break;
        case 1: // a scan's prefix of a file of the real size
            available = std::min<qint64>(available, random.bounded(1, 48 * 1024));
            break;
        case 2: // a lying file size
            size = qint64(random.generate64() >> random.bounded(1, 64));
            available = std::min(available, size);
            break;
        default:
            break;
        }
        MutatedSource source(data, size, available, flips);
        slowest.start();
        const ImageInfo info = inspect(source);
        slowestNs = std::max(slowestNs, slowest.nsecsElapsed());
        QVERIFY(!info.format.isEmpty());
        QVERIFY(info.virtualSize >= 0);
        QVERIFY2(source.reads < 200, qPrintable(QString::number(source.reads)));
        QVERIFY2(source.maxLength <= 4 * 1024 * 1024, qPrintable(QString::number(source.maxLength)));
        checkSafety(info);
    }
    // A header parser that hangs or reads without bound would blow far past this.
    QVERIFY2(slowestNs < 200'000'000, qPrintable(QString::number(slowestNs)));
}

QTEST_GUILESS_MAIN(TestInspectorFuzz)
#include "tst_inspectorfuzz.moc"
