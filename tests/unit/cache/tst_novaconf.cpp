// nova.conf as oslo.config reads it (issue 15): the image cache options of Nova Zed, their
// deprecated names, file order, and what happens to values Nova would refuse.
#include "cache/novaconf.h"
#include "host/localtransport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd;
using namespace cowherd::cache;

namespace {

// "interval original resized remove subdir instances images_type host"
QString summary(const NovaConfig &c)
{
    return u"%1 %2 %3 %4 %5 %6 %7 %8"_s.arg(c.managerIntervalSeconds)
        .arg(c.originalMinimumAgeSeconds)
        .arg(c.resizedMinimumAgeSeconds)
        .arg(c.removeUnused ? u"remove"_s : u"keep"_s, c.subdirectoryName, c.instancesPath, c.imagesType,
            c.host.isEmpty() ? u"-"_s : c.host);
}

const QString defaults = u"2400 86400 3600 remove _base /usr/lib/python3/dist-packages/instances default -"_s;

} // namespace

class TestNovaConf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QStringList>("files"); // contents, in order
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("problems");

        QTest::addRow("no file") << QStringList{} << defaults << 0;
        QTest::addRow("empty file") << QStringList{QString()} << defaults << 0;
        QTest::addRow("Debian's own")
            << QStringList{u"[DEFAULT]\nstate_path = /var/lib/nova\n[oslo_concurrency]\nlock_path = /var/lock/nova\n"_s}
            << u"2400 86400 3600 remove _base /var/lib/nova/instances default -"_s << 0;
        QTest::addRow("image_cache section")
            << QStringList{u"[image_cache]\nmanager_interval = 60\nremove_unused_base_images = false\n"
                           "remove_unused_original_minimum_age_seconds = "
                           "120\nremove_unused_resized_minimum_age_seconds = 30\n"
                           "subdirectory_name = _base_10.0.0.1\n"_s}
            << u"60 120 30 keep _base_10.0.0.1 /usr/lib/python3/dist-packages/instances default -"_s << 0;
        QTest::addRow("Zed's deprecated names")
            << QStringList{u"[DEFAULT]\nimage_cache_manager_interval = 600\nremove_unused_base_images = no\n"
                           "remove_unused_original_minimum_age_seconds = 7200\nimage_cache_subdirectory_name = cache\n"
                           "[libvirt]\nremove_unused_resized_minimum_age_seconds = 900\n"_s}
            << u"600 7200 900 keep cache /usr/lib/python3/dist-packages/instances default -"_s << 0;
        QTest::addRow("names Zed no longer reads")
            << QStringList{u"[DEFAULT]\nremove_unused_resized_minimum_age_seconds = 5\n[libvirt]\nremove_unused_original_minimum_age_seconds = 5\n"_s}
            << defaults << 0;
        QTest::addRow("the current name wins in one file")
            << QStringList{u"[DEFAULT]\nimage_cache_manager_interval = 600\n[image_cache]\nmanager_interval = 60\n"_s}
            << u"60 86400 3600 remove _base /usr/lib/python3/dist-packages/instances default -"_s << 0;
        QTest::addRow("a later file wins, even by a deprecated name")
            << QStringList{u"[image_cache]\nmanager_interval = 60\n"_s,
                   u"[DEFAULT]\nimage_cache_manager_interval = 600\n"_s}
            << u"600 86400 3600 remove _base /usr/lib/python3/dist-packages/instances default -"_s << 0;
        QTest::addRow("a later file without it changes nothing")
            << QStringList{u"[image_cache]\nmanager_interval = 60\n"_s, u"[image_cache]\nsubdirectory_name = x\n"_s}
            << u"60 86400 3600 remove x /usr/lib/python3/dist-packages/instances default -"_s << 0;
        QTest::addRow("the last assignment in a file wins")
            << QStringList{u"[image_cache]\nmanager_interval = 60\n[IMAGE_CACHE]\nmanager_interval: 90\n"_s}
            << u"90 86400 3600 remove _base /usr/lib/python3/dist-packages/instances default -"_s << 0;
        QTest::addRow("[default] is not [DEFAULT]")
            << QStringList{u"[default]\ninstances_path = /elsewhere\n"_s} << defaults << 0;
        QTest::addRow("quotes, comments, colon")
            << QStringList{u"# nova.conf\n[image_cache]\n; a comment\nremove_unused_original_minimum_age_seconds: \"3600\"\nremove_unused_base_images = 'True'\n"_s}
            << u"2400 3600 3600 remove _base /usr/lib/python3/dist-packages/instances default -"_s << 0;
        QTest::addRow("a comment after a value is part of it")
            << QStringList{u"[image_cache]\nremove_unused_base_images = false # not now\n"_s} << defaults << 1;
        QTest::addRow("not a number")
            << QStringList{u"[image_cache]\nremove_unused_original_minimum_age_seconds = 1d\n"_s} << defaults << 1;
        QTest::addRow("Python's underscores and sign")
            << QStringList{u"[image_cache]\nremove_unused_original_minimum_age_seconds = +86_400\nmanager_interval = -1\n"_s}
            << u"-1 86400 3600 remove _base /usr/lib/python3/dist-packages/instances default -"_s << 0;
        QTest::addRow("below manager_interval's minimum")
            << QStringList{u"[image_cache]\nmanager_interval = -2\n"_s} << defaults << 1;
        QTest::addRow("instances_path and state_path")
            << QStringList{u"[DEFAULT]\nstate_path = /srv/nova\nhost = compute-1\n"_s,
                   u"[DEFAULT]\ninstances_path = ${state_path}/inst\n"_s}
            << u"2400 86400 3600 remove _base /srv/nova/inst default compute-1"_s << 0;
        QTest::addRow("images_type rbd")
            << QStringList{u"[libvirt]\nimages_type = rbd\nimages_rbd_pool = vms\n"_s}
            << u"2400 86400 3600 remove _base /usr/lib/python3/dist-packages/instances rbd -"_s << 0;
        QTest::addRow("images_type not a choice") << QStringList{u"[libvirt]\nimages_type = ceph\n"_s} << defaults << 1;
        QTest::addRow("continuation line")
            << QStringList{u"[DEFAULT]\nhost = compute-1\n  more\n"_s}
            << u"2400 86400 3600 remove _base /usr/lib/python3/dist-packages/instances default compute-1\nmore"_s << 0;
        QTest::addRow("an unparsable file is ignored whole")
            << QStringList{u"[image_cache]\nmanager_interval = 60\n"_s, u"manager_interval = 5\n[image_cache]\n"_s}
            << u"60 86400 3600 remove _base /usr/lib/python3/dist-packages/instances default -"_s << 1;
        QTest::addRow("a section without its bracket")
            << QStringList{u"[image_cache\nmanager_interval = 5\n"_s} << defaults << 1;
        QTest::addRow("CRLF line ends")
            << QStringList{u"[image_cache]\r\nmanager_interval = 70\r\n"_s}
            << u"70 86400 3600 remove _base /usr/lib/python3/dist-packages/instances default -"_s << 0;
    }
    void parse()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, expected);
        QFETCH(int, problems);
        QList<NovaConfFile> input;
        for (qsizetype i = 0; i < files.size(); ++i)
            input.append({u"/etc/nova/%1.conf"_s.arg(i), files.at(i).toUtf8()});
        const NovaConfig config = parseNovaConf(input);
        QCOMPARE(summary(config), expected);
        QVERIFY2(config.problems.size() == problems, qPrintable(config.problems.join(u"\n"_s)));
        QCOMPARE(config.fromFiles(), config.filesRead.size() > 0);
    }

    void originAndSource()
    {
        const NovaConfig config
            = parseNovaConf({{u"/etc/nova/nova.conf"_s, "[DEFAULT]\nimage_cache_manager_interval = 60\n"},
                {u"/etc/nova/nova.conf.d/10.conf"_s, "[libvirt]\nremove_unused_resized_minimum_age_seconds = 5\n"}});
        QCOMPARE(config.origin.value(u"image_cache.manager_interval"_s),
            u"/etc/nova/nova.conf [DEFAULT] image_cache_manager_interval"_s);
        QCOMPARE(config.origin.value(u"image_cache.remove_unused_resized_minimum_age_seconds"_s),
            u"/etc/nova/nova.conf.d/10.conf [libvirt] remove_unused_resized_minimum_age_seconds"_s);
        QVERIFY(config.source().contains(u"/etc/nova/nova.conf, /etc/nova/nova.conf.d/10.conf"_s));
        QVERIFY(config.imagesTypeNote().isEmpty());
        NovaConfig none = parseNovaConf({});
        QVERIFY(none.source().startsWith(u"Nova's defaults"_s));
        none.imagesType = u"lvm"_s;
        QVERIFY(none.imagesTypeNote().contains(u"no file cache of overlays"_s));
    }

    // Through the transport: globs expand on the host in oslo.config's order, missing files are
    // skipped, nothing readable gives Nova's defaults and says so.
    void readThroughTransport()
    {
        QTemporaryDir dir(QDir::tempPath() + u"/nova conf XXXXXX"_s);
        const QString etc = dir.path();
        QDir().mkpath(etc + u"/nova.conf.d"_s);
        auto write = [](const QString &path, const QByteArray &content) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        };
        write(etc + u"/nova.conf"_s,
            "[image_cache]\nmanager_interval = 60\nremove_unused_original_minimum_age_seconds = 300\n");
        write(etc + u"/nova.conf.d/20-late.conf"_s, "[image_cache]\nmanager_interval = 90\n");
        write(etc + u"/nova.conf.d/10-early.conf"_s,
            "[image_cache]\nmanager_interval = 30\nremove_unused_base_images = off\n");
        write(etc + u"/nova.conf.d/notes.txt"_s, "[image_cache]\nmanager_interval = 1\n");
        QDir().mkpath(etc + u"/nova.conf.d/dir.conf"_s);

        host::HostConfig h{u"c1"_s, u"qemu:///system"_s, u"/var/lib/nova/instances"_s};
        h.novaConf = {etc + u"/nova.conf"_s, etc + u"/missing.conf"_s, etc + u"/nova.conf.d/*.conf"_s};
        host::LocalTransport local;
        const NovaConfig config = readNovaConf(h, local);
        QCOMPARE(config.filesRead,
            (QStringList{
                etc + u"/nova.conf"_s, etc + u"/nova.conf.d/10-early.conf"_s, etc + u"/nova.conf.d/20-late.conf"_s}));
        QCOMPARE(config.managerIntervalSeconds, 90);
        QCOMPARE(config.originalMinimumAgeSeconds, 300);
        QCOMPARE(config.removeUnused, false);
        QCOMPARE(config.problems.size(), 1); // dir.conf is no regular file
        QVERIFY(config.problems.first().contains(u"dir.conf"_s));
        QVERIFY(config.source().startsWith(u"nova.conf on c1: "_s));

        h.novaConf = {etc + u"/absent.conf"_s, etc + u"/absent.d/*.conf"_s};
        const NovaConfig none = readNovaConf(h, local);
        QVERIFY(!none.fromFiles());
        QCOMPARE(none.originalMinimumAgeSeconds, 86400);
        QVERIFY2(
            none.source().startsWith(u"Nova's defaults (no readable nova.conf on c1"_s), qPrintable(none.source()));
    }
};

QTEST_GUILESS_MAIN(TestNovaConf)
#include "tst_novaconf.moc"
