#include "host/libvirtconnection.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd::host;

class TestDomainXml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void disksAndChains()
    {
        const QByteArray xml = R"(<domain type='kvm' id='3'>
  <name>web-1</name><uuid>0C0FFEE0-0000-4000-8000-C0C0C0C0C0C0</uuid>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/nova/instances/u1/disk'/>
      <backingStore type='file'>
        <format type='qcow2'/>
        <source file='/var/lib/nova/instances/_base/mid'/>
        <backingStore type='file'>
          <format type='raw'/>
          <source file='/var/lib/nova/instances/_base/abc'/>
          <backingStore/>
        </backingStore>
      </backingStore>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file='/var/lib/nova/instances/u1/disk.config'/>
      <target dev='sda' bus='sata'/>
    </disk>
    <interface type='network'><source network='default'/></interface>
  </devices>
</domain>)";
        auto info = parseDomainXml(xml);
        QVERIFY(info);
        QCOMPARE(info->name, u"web-1"_s);
        QCOMPARE(info->uuid, u"0c0ffee0-0000-4000-8000-c0c0c0c0c0c0"_s);
        QCOMPARE(info->type, u"kvm"_s);
        QCOMPARE(info->disks.size(), 2);
        const DomainDisk &root = info->disks.at(0);
        QCOMPARE(root.device, u"disk"_s);
        QCOMPARE(root.target, u"vda"_s);
        QCOMPARE(root.format, u"qcow2"_s);
        QCOMPARE(root.path, u"/var/lib/nova/instances/u1/disk"_s);
        QCOMPARE(root.backingStore.size(), 2);
        QCOMPARE(root.backingStore.at(0).path, u"/var/lib/nova/instances/_base/mid"_s);
        QCOMPARE(root.backingStore.at(0).format, u"qcow2"_s);
        QCOMPARE(root.backingStore.at(1).path, u"/var/lib/nova/instances/_base/abc"_s);
        QCOMPARE(root.backingStore.at(1).format, u"raw"_s);
        QCOMPARE(info->disks.at(1).device, u"cdrom"_s);
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("not xml") << QByteArray("\x00\xff garbage", 11);
        QTest::addRow("other root") << QByteArray("<network><name>x</name></network>");
        QTest::addRow("unclosed") << QByteArray("<domain><name>x</name><devices><disk>");
        QByteArray deep = "<domain><devices><disk><source file='/a'/>";
        for (int i = 0; i < 5000; ++i)
            deep += "<backingStore><source file='/b'/>";
        QTest::addRow("deep chain") << deep;
    }
    void hostile()
    {
        QFETCH(QByteArray, xml);
        auto info = parseDomainXml(xml);
        // Either a clear error or a bounded result; never a crash or an endless chain.
        if (info)
            for (const DomainDisk &d : info->disks)
                QVERIFY(d.backingStore.size() <= 32);
        else
            QVERIFY(!info.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDomainXml)
#include "tst_domainxml.moc"
