#include "hosts/hostsidebar.h"

#include "hosts/hostlistmodel.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace cowherd::ui {

namespace {

// Two lines per host: the name in bold, then URI and counts (or the scan state) smaller.
class HostItemDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const QRect textRect
            = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 4, -2, -4);
        const bool selected = opt.state.testFlag(QStyle::State_Selected);
        const QPalette::ColorRole role = selected ? QPalette::HighlightedText : QPalette::Text;
        QFont bold = opt.font;
        bold.setBold(true);
        QFont small = opt.font;
        small.setPointSizeF(opt.font.pointSizeF() * 0.9);

        painter->save();
        painter->setPen(opt.palette.color(QPalette::Normal, role));
        painter->setFont(bold);
        const QFontMetrics boldMetrics(bold);
        const QRect nameRect(textRect.topLeft(), QSize(textRect.width(), boldMetrics.height()));
        painter->drawText(
            nameRect, Qt::AlignLeft | Qt::AlignVCenter, boldMetrics.elidedText(name, Qt::ElideRight, nameRect.width()));
        painter->setFont(small);
        if (!selected)
            painter->setPen(opt.palette.color(QPalette::Disabled, QPalette::Text));
        const QFontMetrics smallMetrics(small);
        const QRect summaryRect(nameRect.bottomLeft() + QPoint(0, 2), QSize(textRect.width(), smallMetrics.height()));
        painter->drawText(summaryRect, Qt::AlignLeft | Qt::AlignVCenter,
            smallMetrics.elidedText(
                index.data(HostListModel::SummaryRole).toString(), Qt::ElideRight, summaryRect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const QFontMetrics metrics(option.font);
        size.setHeight(std::max(size.height(), 2 * metrics.height() + 14));
        return size;
    }
};

} // namespace

HostSidebar::HostSidebar(HostListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
{
    auto *title = new QLabel(tr("Hosts"), this);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);

    m_view->setObjectName(QStringLiteral("hostList"));
    m_view->setModel(model);
    m_view->setModelColumn(HostListModel::Name);
    m_view->setItemDelegate(new HostItemDelegate(m_view));
    m_view->setIconSize(QSize(24, 24));
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        Q_EMIT currentHostChanged(current.data(HostListModel::HostNameRole).toString());
    });
}

QString HostSidebar::currentHost() const
{
    return m_view->currentIndex().data(HostListModel::HostNameRole).toString();
}

void HostSidebar::setCurrentHost(const QString &hostName)
{
    const QModelIndex index = m_model->indexOf(hostName);
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
}

} // namespace cowherd::ui
