#pragma once

#include <QWidget>

class QListView;

namespace cowherd::ui {

class HostListModel;

// The list of hosts on the left; choosing one shows its cache.
class HostSidebar final : public QWidget
{
    Q_OBJECT

public:
    explicit HostSidebar(HostListModel *model, QWidget *parent = nullptr);

    QString currentHost() const;
    void setCurrentHost(const QString &hostName);
    QListView *view() const { return m_view; }

Q_SIGNALS:
    void currentHostChanged(const QString &hostName);

private:
    HostListModel *m_model;
    QListView *m_view;
};

} // namespace cowherd::ui
