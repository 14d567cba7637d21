#include "hosts/addhostdialog.h"

#include "cache/cachelayout.h"
#include "host/libvirtconnection.h"
#include "host/libvirturi.h"
#include "host/transport.h"
#include "host/transportfactory.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtConcurrent/QtConcurrent>

using namespace Qt::StringLiterals;

namespace cowherd::ui {

namespace {

// Transport choices: the libvirt URI scheme and whether it reaches another machine.
struct TransportChoice
{
    const char *label;
    QString scheme;
    bool remote;
};

QList<TransportChoice> transportChoices()
{
    return {
        {QT_TRANSLATE_NOOP("AddHostDialog", "SSH (qemu+ssh)"), u"qemu+ssh"_s, true},
        {QT_TRANSLATE_NOOP("AddHostDialog", "TLS (qemu+tls)"), u"qemu+tls"_s, true},
        {QT_TRANSLATE_NOOP("AddHostDialog", "TCP (qemu+tcp)"), u"qemu+tcp"_s, true},
        {QT_TRANSLATE_NOOP("AddHostDialog", "This machine, system (qemu:///system)"), u"qemu"_s, false},
        {QT_TRANSLATE_NOOP("AddHostDialog", "This machine, session (qemu:///session)"), u"qemu-session"_s, false},
        {QT_TRANSLATE_NOOP("AddHostDialog", "Test driver (test:///default)"), u"test"_s, false},
    };
}

QString ok(const QString &what, const QString &detail)
{
    return QCoreApplication::translate("AddHostDialog", "✔ %1: %2").arg(what, detail);
}

QString bad(const QString &what, const QString &detail)
{
    return QCoreApplication::translate("AddHostDialog", "✘ %1: %2").arg(what, detail);
}

// The check's texts: a class context, so that lupdate files them where translate() looks.
struct HostCheckText
{
    Q_DECLARE_TR_FUNCTIONS(AddHostDialog)
};

} // namespace

HostCheck checkHost(const host::HostConfig &hostConfig)
{
    HostCheck check;
    auto fail = [&](const QString &what, const QString &why) {
        check.ok = false;
        check.lines.append(bad(what, why));
    };
    auto uri = host::parseLibvirtUri(hostConfig.uri);
    if (!uri) {
        fail(HostCheckText::tr("URI"), uri.error().message);
        return check;
    }
    check.lines.append(
        ok(HostCheckText::tr("URI"), uri->isLocal() ? HostCheckText::tr("this machine") : uri->sshDestination()));

    if (auto conn = host::LibvirtConnection::open(hostConfig.uri)) {
        auto kvm = conn->hasKvm();
        check.lines.append(ok(HostCheckText::tr("libvirt"),
            kvm && *kvm ? HostCheckText::tr("connected, KVM available") : HostCheckText::tr("connected")));
    } else {
        fail(HostCheckText::tr("libvirt"), conn.error().message);
    }

    auto transport = host::transportFor(hostConfig);
    if (!transport) {
        fail(HostCheckText::tr("files"), transport.error().message);
        return check;
    }
    host::Transport &t = **transport;
    auto version = t.run({u"qemu-img"_s, u"--version"_s});
    if (version && version->succeeded())
        check.lines.append(ok(
            HostCheckText::tr("qemu-img"), QString::fromUtf8(version->standardOutput).section(u'\n', 0, 0).trimmed()));
    else
        fail(HostCheckText::tr("qemu-img"),
            version ? HostCheckText::tr("not installed or not working") : version.error().message);

    const QString base = cache::basePath(hostConfig.instancesPath);
    if (auto made = t.makeDirectory(base); !made) {
        fail(HostCheckText::tr("write access to _base"), made.error().message);
    } else {
        const QString probe = base + u"/.cowherd-write-test"_s;
        auto writer = t.createFile(probe);
        if (writer && (*writer)->write("cowherd") && (*writer)->commit()) {
            t.removeFile(probe);
            check.lines.append(ok(HostCheckText::tr("write access to _base"), base));
        } else {
            fail(HostCheckText::tr("write access to _base"),
                writer ? HostCheckText::tr("cannot write %1").arg(probe) : writer.error().message);
        }
    }
    if (auto free = t.freeSpace(hostConfig.instancesPath))
        check.lines.append(ok(HostCheckText::tr("free space"), QLocale().formattedDataSize(*free)));
    else
        fail(HostCheckText::tr("free space"), free.error().message);
    return check;
}

AddHostDialog::AddHostDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_transport(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_hostName(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_uri(new QLineEdit(this))
    , m_instancesPath(new QLineEdit(host::HostConfig::defaultInstancesPath(), this))
    , m_test(new QPushButton(tr("&Test"), this))
    , m_report(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add host"));
    for (const TransportChoice &choice : transportChoices())
        m_transport->addItem(tr(choice.label), choice.scheme);
    m_user->setPlaceholderText(tr("from ~/.ssh/config"));
    m_hostName->setPlaceholderText(tr("lab3, or an alias from ~/.ssh/config"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(
        tr("Test checks libvirt, the files over SSH, qemu-img, write access to _base and free space."));
    m_name->setAccessibleName(tr("Host name"));
    m_uri->setAccessibleName(tr("libvirt URI"));
    m_instancesPath->setAccessibleName(tr("Instances path"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("T&ransport:"), m_transport);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Host:"), m_hostName);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("libvirt &URI:"), m_uri);
    form->addRow(tr("&Instances path:"), m_instancesPath);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_report);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_user, m_hostName})
        connect(edit, &QLineEdit::textEdited, this, &AddHostDialog::updateUri);
    connect(m_port, &QSpinBox::valueChanged, this, &AddHostDialog::updateUri);
    connect(m_transport, &QComboBox::currentIndexChanged, this, &AddHostDialog::updateUri);
    for (QLineEdit *edit : {m_name, m_uri, m_instancesPath})
        connect(edit, &QLineEdit::textChanged, this, &AddHostDialog::updateState);
    connect(m_test, &QPushButton::clicked, this, &AddHostDialog::test);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_check, &QFutureWatcher<HostCheck>::finished, this, [this] {
        const HostCheck result = m_check.result();
        m_report->setPlainText(result.lines.join(u'\n'));
        m_test->setEnabled(true);
        Q_EMIT tested(result.ok);
    });
    updateUri();
    resize(560, 480);
}

AddHostDialog::~AddHostDialog()
{
    m_check.waitForFinished();
}

QString AddHostDialog::builtUri() const
{
    const QString scheme = m_transport->currentData().toString();
    if (scheme == u"qemu")
        return u"qemu:///system"_s;
    if (scheme == u"qemu-session")
        return u"qemu:///session"_s;
    if (scheme == u"test")
        return u"test:///default"_s;
    QString authority = m_hostName->text().trimmed();
    if (!m_user->text().trimmed().isEmpty())
        authority = m_user->text().trimmed() + u'@' + authority;
    if (m_port->value() > 0)
        authority += u':' + QString::number(m_port->value());
    return scheme + u"://"_s + authority + u"/system"_s;
}

void AddHostDialog::updateUri()
{
    const bool remote = transportChoices().value(m_transport->currentIndex()).remote;
    for (QWidget *w :
        {static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_hostName), static_cast<QWidget *>(m_port)})
        w->setEnabled(remote);
    m_uri->setText(builtUri());
    if (m_name->text().isEmpty() || m_name->isModified() == false)
        m_name->setText(remote ? m_hostName->text().trimmed() : m_transport->currentText().section(u' ', 0, 1));
    updateState();
}

void AddHostDialog::updateState()
{
    const bool complete = !m_name->text().trimmed().isEmpty() && host::parseLibvirtUri(m_uri->text().trimmed())
        && m_instancesPath->text().startsWith(u'/');
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
    m_test->setEnabled(complete && !m_check.isRunning());
}

host::HostConfig AddHostDialog::host() const
{
    return {m_name->text().trimmed(), m_uri->text().trimmed(), m_instancesPath->text().trimmed()};
}

void AddHostDialog::test()
{
    m_test->setEnabled(false);
    m_report->setPlainText(tr("Testing %1…").arg(m_uri->text()));
    m_check.setFuture(QtConcurrent::run(checkHost, host()));
}

} // namespace cowherd::ui
