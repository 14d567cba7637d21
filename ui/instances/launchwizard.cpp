#include "instances/launchwizard.h"

#include "common/displayformat.h"
#include "task/taskmanager.h"
#include "task/whenfinished.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cowherd::ui {

namespace {

// A page whose Next/Finish follows a predicate, so the wizard needs no page subclass per step.
class CheckedPage final : public QWizardPage
{
public:
    explicit CheckedPage(std::function<bool()> complete, QWidget *parent = nullptr)
        : QWizardPage(parent)
        , m_complete(std::move(complete))
    { }
    bool isComplete() const override { return m_complete(); }
    void changed() { Q_EMIT completeChanged(); }
    std::function<void()> onEnter;
    void initializePage() override
    {
        if (onEnter)
            onEnter();
    }

private:
    std::function<bool()> m_complete;
};

} // namespace

LaunchWizard::LaunchWizard(
    task::TaskManager *tasks, const host::HostConfig &host, const cache::CacheSnapshot *snapshot, QWidget *parent)
    : QWizard(parent)
    , m_tasks(tasks)
    , m_host(host)
{
    setObjectName(QStringLiteral("launchWizard"));
    setWindowTitle(tr("Launch an instance on %1").arg(host.name));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(ImagePage, createImagePage(snapshot));
    setPage(SettingsPage, createSettingsPage());
    setPage(SummaryPage, createSummaryPage());
    setButtonText(QWizard::FinishButton, tr("&Launch"));
    resize(640, 380);
}

QWizardPage *LaunchWizard::createImagePage(const cache::CacheSnapshot *snapshot)
{
    auto *page = new CheckedPage([this] {
        if (m_fromGlance->isChecked())
            return !m_glanceImageId.isEmpty();
        return m_fromCache->isChecked()
            ? m_cachedImages->currentIndex() >= 0 && !m_cachedImages->currentData().toString().isEmpty()
            : !m_file->text().trimmed().isEmpty();
    });
    page->setTitle(tr("Image"));
    page->setSubTitle(
        tr("Launch from a base file already in the cache of %1, or from an image file.").arg(m_host.name));

    m_fromCache = new QRadioButton(tr("A base file in the &cache"), page);
    m_fromFile = new QRadioButton(tr("An image &file"), page);
    m_fromGlance = new QRadioButton(page);
    m_fromGlance->setObjectName(QStringLiteral("fromGlance"));
    m_fromGlance->hide(); // shown by setGlanceImage()
    auto *group = new QButtonGroup(page);
    group->addButton(m_fromCache);
    group->addButton(m_fromFile);
    group->addButton(m_fromGlance);

    m_cachedImages = new QComboBox(page);
    m_cachedImages->setAccessibleName(tr("Cached image"));
    if (snapshot) {
        for (const cache::BaseFile &base : snapshot->bases) {
            // Only originals with a known image id can be launched by id (cachedImage()).
            if (base.kind != cache::BaseKind::Original || base.imageId.isEmpty())
                continue;
            m_cachedImages->addItem(
                tr("%1 — %2 (%3, %4)")
                    .arg(base.name.left(12), base.imageId, base.format, DisplayFormat::size(base.virtualSize)),
                base.imageId);
            m_cachedImages->setItemData(m_cachedImages->count() - 1, base.name, Qt::UserRole + 1);
        }
    }
    if (m_cachedImages->count() == 0)
        m_cachedImages->addItem(tr("No base file with a known image id"), QString());

    m_file = new QLineEdit(page);
    m_file->setAccessibleName(tr("Image file"));
    m_file->setPlaceholderText(tr("/srv/images/cirros.img"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setAccessibleName(tr("Choose an image file"));
    connect(browse, &QPushButton::clicked, this, [this] {
        // A non-native dialog: the native one may stat network mounts on this thread.
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose an image"), m_file->text(),
            tr("Disk images (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso);;All files (*)"), nullptr,
            QFileDialog::DontUseNativeDialog);
        if (!file.isEmpty())
            setImageFile(file);
    });

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_fromCache);
    layout->addWidget(m_cachedImages);
    layout->addSpacing(12);
    layout->addWidget(m_fromFile);
    layout->addLayout(fileRow);
    layout->addSpacing(12);
    layout->addWidget(m_fromGlance);
    layout->addStretch(1);

    const bool haveCached = !m_cachedImages->itemData(0).toString().isEmpty();
    (haveCached ? m_fromCache : m_fromFile)->setChecked(true);
    auto sync = [this, page] {
        m_cachedImages->setEnabled(m_fromCache->isChecked());
        page->changed();
    };
    connect(m_fromCache, &QRadioButton::toggled, page, sync);
    connect(m_cachedImages, &QComboBox::currentIndexChanged, page, sync);
    connect(m_file, &QLineEdit::textChanged, page, sync);
    sync();
    return page;
}

QWizardPage *LaunchWizard::createSettingsPage()
{
    auto *page = new CheckedPage([this] { return m_name->hasAcceptableInput(); });
    page->setTitle(tr("Instance"));
    page->setSubTitle(tr("The size of the root disk decides whether a resized base file is made."));

    m_name = new QLineEdit(page);
    m_name->setAccessibleName(tr("Instance name"));
    m_name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[^/\\s][^/]{0,63}")), m_name));
    m_name->setText(QStringLiteral("demo-1"));
    m_size = new QSpinBox(page);
    m_size->setAccessibleName(tr("Root disk size in GiB"));
    m_size->setRange(0, 4096);
    m_size->setSpecialValueText(tr("the image's own size"));
    m_size->setSuffix(tr(" GiB"));
    m_memory = new QSpinBox(page);
    m_memory->setAccessibleName(tr("Memory in MiB"));
    m_memory->setRange(64, 1024 * 1024);
    m_memory->setSingleStep(128);
    m_memory->setValue(256);
    m_memory->setSuffix(tr(" MiB"));
    m_vcpus = new QSpinBox(page);
    m_vcpus->setAccessibleName(tr("Virtual CPUs"));
    m_vcpus->setRange(1, 256);
    m_network = new QComboBox(page);
    m_network->setAccessibleName(tr("Network"));
    m_network->setEditable(true);
    m_network->addItem(tr("none"), QStringLiteral("none"));
    m_network->addItem(tr("user (NAT, no setup)"), QStringLiteral("user"));
    m_network->addItem(QStringLiteral("default"), QStringLiteral("default"));
    m_network->setToolTip(tr("none, user, or the name of a libvirt network"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Root disk &size:"), m_size);
    form->addRow(tr("&Memory:"), m_memory);
    form->addRow(tr("v&CPUs:"), m_vcpus);
    form->addRow(tr("N&etwork:"), m_network);
    connect(m_name, &QLineEdit::textChanged, page, &CheckedPage::changed);
    return page;
}

QWizardPage *LaunchWizard::createSummaryPage()
{
    auto *page = new CheckedPage([this] { return m_previewReady && m_previewAllows; });
    page->setTitle(tr("What will happen"));
    page->setSubTitle(tr("Checked against the cache of %1 just now.").arg(m_host.name));
    page->setFinalPage(true);
    m_preview = new QLabel(page);
    m_preview->setObjectName(QStringLiteral("launchPreview"));
    m_preview->setAccessibleName(tr("What the launch will do"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_preview, 1);
    page->onEnter = [this] { computePreview(); };
    m_summaryPage = page;
    return page;
}

void LaunchWizard::computePreview()
{
    m_previewReady = false;
    m_previewAllows = false;
    m_preview->setText(tr("Looking at the cache of %1…").arg(m_host.name));
    static_cast<CheckedPage *>(m_summaryPage)->changed();
    const quint64 generation = ++m_previewGeneration;
    // cachedImage() probes files and may read a header: not on this thread.
    task::whenFinished(QtConcurrent::run([host = m_host, spec = spec()] { return InstanceTasks::preview(host, spec); }),
        this, [this, generation](const LaunchPreview &preview) {
            if (generation != m_previewGeneration)
                return;
            m_previewReady = true;
            m_previewAllows = preview.verdict != LaunchPreview::Verdict::Refused
                && preview.verdict != LaunchPreview::Verdict::Error;
            m_preview->setText(preview.text);
            static_cast<CheckedPage *>(m_summaryPage)->changed();
            Q_EMIT previewComputed(preview.text);
        });
}

LaunchSpec LaunchWizard::spec() const
{
    LaunchSpec s;
    if (m_fromGlance->isChecked()) {
        s.glanceImageId = m_glanceImageId;
        s.glanceSession = m_glanceSession;
        s.glanceLabel = m_glanceLabel;
    } else if (m_fromCache->isChecked()) {
        s.imageId = m_cachedImages->currentData().toString();
        s.baseName = m_cachedImages->currentData(Qt::UserRole + 1).toString();
    } else {
        s.sourcePath = m_file->text().trimmed();
    }
    s.name = m_name->text().trimmed();
    s.sizeGiB = m_size->value();
    s.memoryMiB = m_memory->value();
    s.vcpus = m_vcpus->value();
    const int index = m_network->findText(m_network->currentText());
    s.network = index >= 0 ? m_network->itemData(index).toString() : m_network->currentText().trimmed();
    if (s.network.isEmpty())
        s.network = QStringLiteral("none");
    return s;
}

QString LaunchWizard::previewText() const
{
    return m_preview->text();
}

void LaunchWizard::accept()
{
    if (!m_previewReady || !m_previewAllows)
        return;
    const LaunchSpec s = spec();
    m_submitted = m_tasks->submit(tr("Launch %1").arg(s.name), m_host.name, InstanceTasks::launch(m_host, s));
    Q_EMIT launchSubmitted(m_submitted);
    QWizard::accept();
}

void LaunchWizard::selectCachedImage(const QString &imageId)
{
    m_fromCache->setChecked(true);
    m_cachedImages->setCurrentIndex(m_cachedImages->findData(imageId));
}

void LaunchWizard::setGlanceImage(
    std::shared_ptr<source::CloudSession> session, const QString &imageId, const QString &label)
{
    m_glanceSession = std::move(session);
    m_glanceImageId = imageId;
    m_glanceLabel = label;
    m_fromGlance->setText(tr("From &Glance: %1").arg(label));
    m_fromGlance->show();
    m_fromGlance->setChecked(true);
    m_cachedImages->setEnabled(false);
    static_cast<CheckedPage *>(page(ImagePage))->changed();
}

void LaunchWizard::setImageFile(const QString &path)
{
    m_fromFile->setChecked(true);
    m_file->setText(path);
}

void LaunchWizard::setInstanceName(const QString &name)
{
    m_name->setText(name);
}

void LaunchWizard::setSizeGiB(int size)
{
    m_size->setValue(size);
}

void LaunchWizard::setMemoryMiB(int memory)
{
    m_memory->setValue(memory);
}

void LaunchWizard::setVcpus(int vcpus)
{
    m_vcpus->setValue(vcpus);
}

void LaunchWizard::setNetwork(const QString &network)
{
    m_network->setCurrentText(network);
}

} // namespace cowherd::ui
