// Nova's <nova:instance> metadata in domain XML, shaped as Nova Zed's libvirt driver writes it
// (LibvirtConfigGuestMetaNovaInstance and friends) and as libvirt gives it back.
#include "host/libvirtconnection.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace cowherd::host;

namespace {

const QString ns11 = u"http://openstack.org/xmlns/libvirt/nova/1.1"_s;
const QString ns10 = u"http://openstack.org/xmlns/libvirt/nova/1.0"_s;

// A domain as `virsh dumpxml` shows one of Nova's: metadata before the devices.
QByteArray domain(const QString &metadata)
{
    return uR"(<domain type='qemu' id='3'>
  <name>instance-00000005</name>
  <uuid>6C1A2A64-3E57-4B8E-9A54-35D0E1B7C0A1</uuid>
  <metadata>
%1
  </metadata>
  <memory unit='KiB'>131072</memory>
  <vcpu placement='static'>1</vcpu>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none'/>
      <source file='/var/lib/nova/instances/6c1a2a64-3e57-4b8e-9a54-35d0e1b7c0a1/disk'/>
      <backingStore type='file'>
        <format type='raw'/>
        <source file='/var/lib/nova/instances/_base/0a7c6cfc1a6f1e0b5a0dfb7d7f4b8c2d9e3f4a5b'/>
        <backingStore/>
      </backingStore>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>
)"_s.arg(metadata)
        .toUtf8();
}

QString novaInstance(const QString &ns, const QString &name, const QString &root)
{
    return uR"(    <nova:instance xmlns:nova="%1">
      <nova:package version="26.2.2"/>
      <nova:name>%2</nova:name>
      <nova:creationTime>2024-05-02 09:14:07</nova:creationTime>
      <nova:flavor name="m1.tiny">
        <nova:memory>128</nova:memory>
        <nova:disk>1</nova:disk>
        <nova:swap>512</nova:swap>
        <nova:ephemeral>0</nova:ephemeral>
        <nova:vcpus>1</nova:vcpus>
      </nova:flavor>
      <nova:owner>
        <nova:user uuid="a1b2c3d4e5f60718293a4b5c6d7e8f90">admin</nova:user>
        <nova:project uuid="0f9e8d7c6b5a49382716f5e4d3c2b1a0">demo</nova:project>
      </nova:owner>
      %3
      <nova:ports>
        <nova:port uuid="5b1f4c2e-1111-2222-3333-444455556666">
          <nova:ip type="fixed" address="10.0.0.5" ipVersion="4"/>
        </nova:port>
      </nova:ports>
    </nova:instance>)"_s.arg(ns, name, root);
}

const QString imageRoot = u"<nova:root type=\"image\" uuid=\"9a3c6f0e-2b1d-4c5e-8f7a-6b5c4d3e2f10\"/>"_s;

} // namespace

class TestNovaMetadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zedInstance()
    {
        auto info = parseDomainXml(domain(novaInstance(ns11, u"web-1"_s, imageRoot)));
        QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
        QVERIFY(info->nova);
        const NovaInstanceInfo &n = *info->nova;
        QCOMPARE(n.name, u"web-1"_s);
        QCOMPARE(n.uuid, u"6c1a2a64-3e57-4b8e-9a54-35d0e1b7c0a1"_s); // the domain's uuid, lower case
        QCOMPARE(n.projectName, u"demo"_s);
        QCOMPARE(n.projectUuid, u"0f9e8d7c6b5a49382716f5e4d3c2b1a0"_s);
        QCOMPARE(n.userName, u"admin"_s);
        QCOMPARE(n.userUuid, u"a1b2c3d4e5f60718293a4b5c6d7e8f90"_s);
        QCOMPARE(n.flavorName, u"m1.tiny"_s);
        QCOMPARE(n.memoryMiB, 128);
        QCOMPARE(n.diskGiB, 1);
        QCOMPARE(n.swapMiB, 512);
        QCOMPARE(n.ephemeralGiB, 0);
        QCOMPARE(n.vcpus, 1);
        QCOMPARE(n.imageId, u"9a3c6f0e-2b1d-4c5e-8f7a-6b5c4d3e2f10"_s);
        QCOMPARE(n.created, QDateTime(QDate(2024, 5, 2), QTime(9, 14, 7), Qt::UTC));
        QCOMPARE(n.package, u"26.2.2"_s);
        QCOMPARE(n.namespaceUri, ns11);
        // The rest of the domain is still read.
        QCOMPARE(info->name, u"instance-00000005"_s);
        QCOMPARE(info->disks.size(), 1);
        QCOMPARE(info->disks.first().backingStore.size(), 1);
    }

    void variants_data()
    {
        QTest::addColumn<QString>("metadata");
        QTest::addColumn<bool>("nova");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("imageId");
        QTest::addRow("namespace 1.0") << novaInstance(ns10, u"old"_s, imageRoot) << true << u"old"_s
                                       << u"9a3c6f0e-2b1d-4c5e-8f7a-6b5c4d3e2f10"_s;
        QTest::addRow("booted from a volume: no root")
            << novaInstance(ns11, u"vol"_s, QString()) << true << u"vol"_s << QString();
        QTest::addRow("a volume root is no image")
            << novaInstance(ns11, u"vol"_s, u"<nova:root type=\"volume\" uuid=\"x\"/>"_s) << true << u"vol"_s
            << QString();
        QTest::addRow("escaped name") << novaInstance(ns11, u"a &amp; &lt;b&gt;"_s, imageRoot) << true << u"a & <b>"_s
                                      << u"9a3c6f0e-2b1d-4c5e-8f7a-6b5c4d3e2f10"_s;
        QTest::addRow("another prefix, same namespace")
            << novaInstance(ns11, u"p"_s, imageRoot).replace(u"nova:"_s, u"n:"_s).replace(u"xmlns:nova"_s, u"xmlns:n"_s)
            << true << u"p"_s << u"9a3c6f0e-2b1d-4c5e-8f7a-6b5c4d3e2f10"_s;
        QTest::addRow("nova prefix, other namespace")
            << novaInstance(u"http://example.org/not-nova"_s, u"x"_s, imageRoot) << false << QString() << QString();
        QTest::addRow("someone else's metadata")
            << u"<app:info xmlns:app=\"http://example.org/app\"><app:name>x</app:name></app:info>"_s << false
            << QString() << QString();
        QTest::addRow("empty metadata") << QString() << false << QString() << QString();
        QTest::addRow("a long name is cut") << novaInstance(ns11, QString(100'000, u'n'), imageRoot) << true
                                            << QString(1024, u'n') << u"9a3c6f0e-2b1d-4c5e-8f7a-6b5c4d3e2f10"_s;
    }
    void variants()
    {
        QFETCH(QString, metadata);
        QFETCH(bool, nova);
        QFETCH(QString, name);
        QFETCH(QString, imageId);
        auto info = parseDomainXml(domain(metadata));
        QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
        QCOMPARE(bool(info->nova), nova);
        QCOMPARE(info->disks.size(), 1); // metadata never hides the devices
        if (!nova)
            return;
        QCOMPARE(info->nova->name, name);
        QCOMPARE(info->nova->imageId, imageId);
    }

    void badValues()
    {
        QString meta = novaInstance(ns11, u"w"_s, imageRoot);
        meta.replace(u"<nova:memory>128</nova:memory>"_s, u"<nova:memory>lots</nova:memory>"_s);
        meta.replace(u"2024-05-02 09:14:07"_s, u"yesterday"_s);
        auto info = parseDomainXml(domain(meta));
        QVERIFY(info && info->nova);
        QCOMPARE(info->nova->memoryMiB, -1);
        QVERIFY(!info->nova->created.isValid());
        QCOMPARE(info->nova->diskGiB, 1);
    }

    void malformed()
    {
        QByteArray xml = domain(novaInstance(ns11, u"w"_s, imageRoot));
        xml.replace("</nova:owner>", "</nova:ownr>");
        QVERIFY(!parseDomainXml(xml));
    }
};

QTEST_GUILESS_MAIN(TestNovaMetadata)
#include "tst_novametadata.moc"
