#include "tables/detailspane.h"

#include "common/displayformat.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cowherd::ui {

namespace {

constexpr int KeyRole = Qt::UserRole;

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QLabel *titleLabel(QWidget *parent)
{
    auto *label = valueLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    label->setWordWrap(false);
    // Names are long unbreakable hashes; they must not dictate the pane's width.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setMinimumWidth(1);
    return label;
}

QString sizesText(qint64 virtualSize, qint64 allocatedSize)
{
    return DetailsPane::tr("%1 virtual, %2 allocated")
        .arg(DisplayFormat::size(virtualSize), DisplayFormat::size(allocatedSize));
}

void setProblems(QLabel *label, const QList<Problem> &problems)
{
    label->setVisible(!problems.isEmpty());
    label->setText(DetailsPane::tr("Problems:\n%1").arg(DisplayFormat::problems(problems)));
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QStackedWidget(parent)
{
    setObjectName(QStringLiteral("detailsPane"));
    m_emptyPage = new QLabel(tr("Select a base file or an instance to see its details."), this);
    static_cast<QLabel *>(m_emptyPage)->setAlignment(Qt::AlignCenter);
    static_cast<QLabel *>(m_emptyPage)->setWordWrap(true);
    m_basePage = createBasePage();
    m_instancePage = createInstancePage();
    addWidget(m_emptyPage);
    addWidget(m_basePage);
    addWidget(m_instancePage);
}

QWidget *DetailsPane::createBasePage()
{
    auto *page = new QWidget(this);
    m_baseTitle = titleLabel(page);
    m_baseTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_baseKind = valueLabel(page);
    m_baseFormat = valueLabel(page);
    m_baseVirtual = valueLabel(page);
    m_baseAllocated = valueLabel(page);
    m_baseModified = valueLabel(page);
    m_baseImageId = valueLabel(page);
    m_basePath = valueLabel(page);
    m_basePath->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_baseProblems = valueLabel(page);
    m_baseProblems->setStyleSheet(QStringLiteral("color: #a33;"));
    m_referencesTitle = valueLabel(page);
    m_references = new QListWidget(page);
    m_references->setObjectName(QStringLiteral("referenceList"));

    auto *form = new QFormLayout;
    form->addRow(tr("Kind:"), m_baseKind);
    form->addRow(tr("Format:"), m_baseFormat);
    form->addRow(tr("Virtual size:"), m_baseVirtual);
    form->addRow(tr("Allocated:"), m_baseAllocated);
    form->addRow(tr("Modified:"), m_baseModified);
    form->addRow(tr("Image id:"), m_baseImageId);
    form->addRow(tr("Directory:"), m_basePath);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_baseTitle);
    layout->addLayout(form);
    layout->addWidget(m_baseProblems);
    layout->addWidget(m_referencesTitle);
    layout->addWidget(m_references, 1);

    const auto activate = [this](QListWidgetItem *item) { Q_EMIT instanceActivated(item->data(KeyRole).toString()); };
    connect(m_references, &QListWidget::itemClicked, this, activate);
    connect(m_references, &QListWidget::itemActivated, this, activate);
    return page;
}

QWidget *DetailsPane::createInstancePage()
{
    auto *page = new QWidget(this);
    m_instanceTitle = titleLabel(page);
    m_instanceName = valueLabel(page);
    m_instanceName->setObjectName(QStringLiteral("instanceName"));
    m_instanceState = valueLabel(page);
    m_instanceProject = valueLabel(page);
    m_instanceProject->setObjectName(QStringLiteral("instanceProject"));
    m_instanceFlavor = valueLabel(page);
    m_instanceFlavor->setObjectName(QStringLiteral("instanceFlavor"));
    m_instanceImage = valueLabel(page);
    m_instanceImage->setObjectName(QStringLiteral("instanceImage"));
    m_instanceDirectory = valueLabel(page);
    m_instanceProblems = valueLabel(page);
    m_instanceProblems->setStyleSheet(QStringLiteral("color: #a33;"));
    m_disks = new QTreeWidget(page);
    m_disks->setObjectName(QStringLiteral("diskTree"));
    m_disks->setHeaderLabels({tr("Disk and backing chain"), tr("Format")});
    m_disks->header()->setStretchLastSection(false);
    m_disks->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_disks->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_disks->setTextElideMode(Qt::ElideMiddle);

    auto *form = new QFormLayout;
    m_instanceForm = form;
    form->addRow(tr("Name:"), m_instanceName);
    form->addRow(tr("State:"), m_instanceState);
    form->addRow(tr("Project:"), m_instanceProject);
    form->addRow(tr("Flavor:"), m_instanceFlavor);
    form->addRow(tr("Image:"), m_instanceImage);
    form->addRow(tr("Directory:"), m_instanceDirectory);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_instanceTitle);
    layout->addLayout(form);
    layout->addWidget(m_instanceProblems);
    layout->addWidget(m_disks, 1);
    m_instanceLayout = layout;

    const auto activate = [this](QTreeWidgetItem *item) {
        const QString base = item->data(0, KeyRole).toString();
        if (!base.isEmpty())
            Q_EMIT baseActivated(base);
    };
    connect(m_disks, &QTreeWidget::itemActivated, this, activate);
    return page;
}

void DetailsPane::showNothing()
{
    m_shownBase.clear();
    m_shownInstance.clear();
    setCurrentWidget(m_emptyPage);
}

void DetailsPane::showBase(const cache::CacheSnapshot &snapshot, const QString &name)
{
    const cache::BaseFile *base = snapshot.base(name);
    if (!base) {
        showNothing();
        return;
    }
    m_shownBase = name;
    m_shownInstance.clear();
    m_baseTitle->setText(base->name);
    m_baseTitle->setToolTip(base->name);
    m_baseKind->setText(base->kind != cache::BaseKind::Resized || base->originalName.isEmpty()
            ? DisplayFormat::kindName(base->kind)
            : tr("%1 (of %2)").arg(DisplayFormat::kindName(base->kind), base->originalName));
    m_baseFormat->setText(base->format.isEmpty() ? tr("unreadable") : base->format);
    m_baseVirtual->setText(
        tr("%1 (%2 bytes)").arg(DisplayFormat::size(base->virtualSize), QLocale().toString(base->virtualSize)));
    m_baseAllocated->setText(
        tr("%1 on disk, %2 apparent")
            .arg(DisplayFormat::size(base->allocatedSize), DisplayFormat::size(base->apparentSize)));
    m_baseModified->setText(
        base->mtime.isValid() ? QLocale().toString(base->mtime.toLocalTime(), QLocale::ShortFormat) : tr("unknown"));
    QStringList imageIds = base->imageIds;
    if (!base->imageId.isEmpty() && !imageIds.contains(base->imageId))
        imageIds.prepend(base->imageId);
    m_baseImageId->setText(imageIds.isEmpty() ? tr("unknown") : imageIds.join(u'\n'));
    // The name is the title already; the directory is what tells hosts and mounts apart.
    m_basePath->setText(base->path.section(u'/', 0, -2));
    m_basePath->setToolTip(base->path);
    setProblems(m_baseProblems, base->problems);

    m_referencesTitle->setText(base->references.isEmpty()
            ? tr("No instance uses this base file.")
            : tr("Used by %n instance(s):", nullptr, int(base->references.size())));
    m_references->clear();
    for (const auto &uuid : base->references) {
        const cache::Instance *instance = snapshot.instance(uuid);
        const QString name = instance ? DisplayFormat::instanceName(*instance) : QString();
        const QString text = name.isEmpty() ? uuid : tr("%1 — %2").arg(name, uuid);
        auto *item = new QListWidgetItem(text, m_references);
        item->setData(KeyRole, uuid);
        item->setToolTip(tr("Show this instance"));
    }
    setCurrentWidget(m_basePage);
}

void DetailsPane::showInstance(const cache::CacheSnapshot &snapshot, const QString &uuid)
{
    const cache::Instance *instance = snapshot.instance(uuid);
    if (!instance) {
        showNothing();
        return;
    }
    m_shownInstance = uuid;
    m_shownBase.clear();
    m_instanceTitle->setText(instance->uuid);
    m_instanceName->setText(instance->name.isEmpty() && !instance->nova ? tr("(not defined in libvirt)")
                                                                        : DisplayFormat::instanceName(*instance));
    const auto &nova = instance->nova;
    for (QLabel *label : {m_instanceProject, m_instanceFlavor, m_instanceImage})
        m_instanceForm->setRowVisible(label, nova.has_value());
    if (nova) {
        m_instanceProject->setText(
            nova->projectName.isEmpty() ? nova->projectUuid : tr("%1 (%2)").arg(nova->projectName, nova->projectUuid));
        m_instanceFlavor->setText(DisplayFormat::flavor(*nova));
        m_instanceImage->setText(nova->imageId.isEmpty() ? tr("none (booted from a volume)") : nova->imageId);
    }
    m_instanceState->setText(DisplayFormat::instanceState(instance->state));
    m_instanceDirectory->setText(instance->directory.isEmpty() ? tr("(none)") : instance->directory);
    setProblems(m_instanceProblems, instance->problems);

    QHash<QString, QString> baseByPath;
    for (const auto &base : snapshot.bases)
        baseByPath.insert(base.path, base.name);

    m_disks->clear();
    for (const auto &disk : instance->disks) {
        auto *diskItem = new QTreeWidgetItem(m_disks);
        const QString fileName = disk.path.section(u'/', -1);
        diskItem->setText(0, disk.target.isEmpty() ? fileName : tr("%1 (%2)").arg(fileName, disk.target));
        diskItem->setText(1, disk.format);
        diskItem->setToolTip(0,
            tr("%1\n%2").arg(disk.path, sizesText(disk.virtualSize, disk.allocatedSize))
                + (disk.problems.isEmpty() ? QString()
                                           : QStringLiteral("\n\n") + DisplayFormat::problems(disk.problems)));
        if (!disk.problems.isEmpty())
            diskItem->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        QTreeWidgetItem *parentItem = diskItem;
        for (const auto &link : disk.backingChain) {
            // The chain reads as nesting: each image backs the one above it.
            auto *linkItem = new QTreeWidgetItem(parentItem);
            const QString baseName = baseByPath.value(link.path);
            linkItem->setText(0, baseName.isEmpty() ? link.path : tr("base file %1").arg(baseName));
            linkItem->setText(1, link.format);
            linkItem->setToolTip(0, link.path);
            if (!baseName.isEmpty()) {
                linkItem->setData(0, KeyRole, baseName);
                linkItem->setToolTip(0, tr("%1\nDouble-click to show this base file").arg(link.path));
            }
            parentItem = linkItem;
        }
    }
    m_disks->expandAll();
    setCurrentWidget(m_instancePage);
}

void DetailsPane::addInstanceWidget(QWidget *widget)
{
    m_instanceLayout->addWidget(widget);
}

} // namespace cowherd::ui
