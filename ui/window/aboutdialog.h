#pragma once

#include <QDialog>

class QLabel;

namespace cowherd::ui {

// Help > About: the icon, the name, the version (from CMake's project(VERSION)), what Cowherd
// does and its licence.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // For tests: the texts as shown.
    QString versionText() const;
    QString licenseText() const;

private:
    QLabel *m_version = nullptr;
    QLabel *m_license = nullptr;
};

} // namespace cowherd::ui
