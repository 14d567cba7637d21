#include "images/importdialog.h"

#include "task/taskmanager.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cowherd::ui {

namespace {

bool isUrl(const QString &text)
{
    return text.startsWith(QStringLiteral("http://"), Qt::CaseInsensitive)
        || text.startsWith(QStringLiteral("https://"), Qt::CaseInsensitive);
}

} // namespace

ImportDialog::ImportDialog(task::TaskManager *tasks, const host::HostConfig &host, QWidget *parent)
    : QDialog(parent)
    , m_tasks(tasks)
    , m_host(host)
    , m_source(new QLineEdit(this))
    , m_sha256(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_keepFormat(new QCheckBox(tr("&Keep the image's format (do not convert to raw)"), this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import an image into %1").arg(host.name));

    auto *intro = new QLabel(tr("The image is fetched into %1/_base on %2 as a task, named as “cowherdctl fetch” "
                                "names it: a file by the sha256 of its content, a URL by its address or the sha256 "
                                "you give.")
                                 .arg(host.instancesPath, host.name),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_source->setObjectName(QStringLiteral("importSource"));
    m_source->setAccessibleName(tr("Image source"));
    m_source->setPlaceholderText(tr("/srv/images/disk.qcow2, disk.tar.xz!disk.qcow2 or https://…"));
    m_source->setToolTip(tr("A disk image; a .gz, .xz, .zst or .bz2 image; a .tar, .zip or .ova archive, with "
                            "!member to name the disk inside it; or an http(s) URL"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Choose an image file or archive"));
    connect(browse, &QPushButton::clicked, this, [this] {
        // Not the native dialog: it may stat network mounts on this thread.
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose an image or archive"), m_source->text(),
            tr("Images and archives (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso *.gz *.xz *.zst *.bz2 *.tar "
               "*.tgz *.zip *.ova);;All files (*)"),
            nullptr, QFileDialog::DontUseNativeDialog);
        if (!file.isEmpty())
            setSource(file);
    });
    m_sha256->setObjectName(QStringLiteral("importSha256"));
    m_sha256->setAccessibleName(tr("Expected sha256"));
    m_sha256->setPlaceholderText(tr("optional: 64 hexadecimal digits"));
    m_sha256->setToolTip(tr("The sha256 the file or download must have (for an archive: of the archive file, as "
                            "in a vendor's SHA256SUMS)"));
    m_caFile->setAccessibleName(tr("Extra CA certificates"));
    m_caFile->setPlaceholderText(tr("optional: a PEM file for https; verification is never turned off"));

    m_hint->setObjectName(QStringLiteral("importHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);

    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(browse);
    auto *form = new QFormLayout;
    auto *sourceLabel = new QLabel(tr("&Source:"), this);
    sourceLabel->setBuddy(m_source);
    form->addRow(sourceLabel, sourceRow);
    form->addRow(tr("sha&256:"), m_sha256);
    form->addRow(tr("&CA file:"), m_caFile);
    form->addRow(QString(), m_keepFormat);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_importButton = buttons->button(QDialogButtonBox::Ok);
    m_importButton->setText(tr("&Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_source, m_sha256, m_caFile})
        connect(edit, &QLineEdit::textChanged, this, &ImportDialog::validate);
    validate();
    resize(620, 300);
}

QString ImportDialog::problem() const
{
    const QString source = m_source->text().trimmed();
    if (source.isEmpty())
        return tr("Name a file, an archive (with !member) or a URL.");
    if (source.startsWith(QStringLiteral("glance:")))
        return tr("Glance images are pre-cached from the list of their cloud, not imported.");
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-fA-F]{64}$"));
    const QString sha = m_sha256->text().trimmed();
    if (!sha.isEmpty() && !hex64.match(sha).hasMatch())
        return tr("A sha256 has 64 hexadecimal digits.");
    if (!m_caFile->text().trimmed().isEmpty() && !isUrl(source))
        return tr("A CA file only applies to https URLs.");
    return {};
}

void ImportDialog::validate()
{
    const QString why = problem();
    m_importButton->setEnabled(why.isEmpty());
    if (!why.isEmpty())
        m_hint->setText(why);
    else if (isUrl(m_source->text().trimmed()))
        m_hint->setText(m_sha256->text().trimmed().isEmpty()
                ? tr("Downloaded with TLS verification; the base file is named after the URL.")
                : tr("Downloaded and checked against the sha256; the base file is named after it."));
    else
        m_hint->setText(tr("Read (and decompressed) on this computer, then copied to %1.").arg(m_host.name));
}

ImportSpec ImportDialog::spec() const
{
    ImportSpec s;
    s.source = m_source->text().trimmed();
    s.options.sha256 = m_sha256->text().trimmed().toLower();
    s.options.caFile = m_caFile->text().trimmed();
    s.forceRaw = !m_keepFormat->isChecked();
    return s;
}

void ImportDialog::accept()
{
    if (!problem().isEmpty())
        return;
    const ImportSpec s = spec();
    m_submitted = m_tasks->submit(tr("Import %1").arg(s.source), m_host.name, ImageTasks::import(m_host, s));
    Q_EMIT importSubmitted(m_submitted);
    QDialog::accept();
}

void ImportDialog::setSource(const QString &source)
{
    m_source->setText(source);
}

void ImportDialog::setSha256(const QString &hex)
{
    m_sha256->setText(hex);
}

void ImportDialog::setKeepFormat(bool keep)
{
    m_keepFormat->setChecked(keep);
}

} // namespace cowherd::ui
