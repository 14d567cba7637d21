#include "host/digestworker.h"
#include "testlab.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd::host;
using cowherd::test::randomBytes;

class TestDigestWorker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The same answer as a Digest fed on the calling thread, whatever the chunking; chunks
    // larger than the queue's bound go through too (they would otherwise wait forever).
    void matchesDigest_data()
    {
        QTest::addColumn<int>("algorithm");
        QTest::addColumn<int>("chunk");
        QTest::addColumn<qint64>("queueBytes");
        QTest::addRow("sha256, 1 MiB chunks") << int(Digest::Algorithm::Sha256) << (1 << 20) << (qint64(4) << 20);
        QTest::addRow("sha512, odd chunks") << int(Digest::Algorithm::Sha512) << 65537 << (qint64(4) << 20);
        QTest::addRow("md5, chunks over the bound") << int(Digest::Algorithm::Md5) << (3 << 20) << (qint64(1) << 20);
        QTest::addRow("sha1, tiny queue") << int(Digest::Algorithm::Sha1) << 4096 << qint64(1);
    }
    void matchesDigest()
    {
        QFETCH(int, algorithm);
        QFETCH(int, chunk);
        QFETCH(qint64, queueBytes);
        const QByteArray data = randomBytes(20 << 20, 9);
        Digest reference{Digest::Algorithm(algorithm)};
        reference.addData(data);
        const QByteArray expected = reference.hexResult();

        DigestWorker worker{Digest::Algorithm(algorithm), queueBytes};
        for (qsizetype at = 0; at < data.size(); at += chunk)
            worker.addData(data.mid(at, chunk));
        QCOMPARE(worker.hexResult(), expected);
        QCOMPARE(worker.hexResult(), expected); // asking again does not finalise twice
    }

    void emptyStream()
    {
        DigestWorker worker(Digest::Algorithm::Sha256);
        worker.addData({});
        QCOMPARE(worker.hexResult(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba);
    }

    // A shared chunk is hashed as it was when given, even when the caller goes on to change
    // its own copy (QByteArray detaches instead of writing into the queued bytes).
    void chunksAreSharedNotAliased()
    {
        QByteArray chunk = randomBytes(1 << 20, 3);
        Digest reference(Digest::Algorithm::Sha256);
        reference.addData(chunk);
        DigestWorker worker(Digest::Algorithm::Sha256);
        worker.addData(chunk);
        chunk.fill('x');
        QCOMPARE(worker.hexResult(), reference.hexResult());
    }

    // A cancelled stream never asks for the result: destruction drops the queue and returns.
    void destroyedWithoutResult()
    {
        const QByteArray data = randomBytes(64 << 20, 5);
        auto worker = std::make_unique<DigestWorker>(Digest::Algorithm::Sha512, qint64(64) << 20);
        for (qsizetype at = 0; at < data.size(); at += 1 << 20)
            worker->addData(data.mid(at, 1 << 20));
        worker.reset();
        QVERIFY(!worker);
    }
};

QTEST_GUILESS_MAIN(TestDigestWorker)
#include "tst_digestworker.moc"
