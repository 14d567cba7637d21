#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace cowherd::ui {

// Cloud passwords in the desktop keyring (Secret Service, KWallet) through QtKeychain, one
// entry per cloud. Asynchronous: the keyring may ask its user to unlock it. Never falls back
// to a plain file: without a keyring the password is asked each time, and unavailableReason()
// says why it could not be kept. Nothing here logs a secret or puts it in a message.
class CloudKeyring final : public QObject
{
    Q_OBJECT

public:
    explicit CloudKeyring(QObject *parent = nullptr);

    // found is false when the keyring has no entry or cannot be reached (see unavailableReason()).
    void readPassword(const QString &cloud, std::function<void(bool found, const QString &password)> done);
    // kept is false when it could not be stored; reason says why (never containing the secret).
    void storePassword(
        const QString &cloud, const QString &password, std::function<void(bool kept, const QString &reason)> done);
    enum class Forgotten
    {
        Removed,
        NothingStored,
        Failed
    };
    Q_ENUM(Forgotten)
    // Deletes the cloud's entry; reason says why it failed (Failed), never containing a secret.
    void forgetPassword(const QString &cloud, std::function<void(Forgotten outcome, const QString &reason)> done = {});

    // Empty while the keyring has worked (or was not tried); otherwise why it cannot keep passwords.
    QString unavailableReason() const { return m_unavailable; }

    static QString serviceName();
    static QString keyFor(const QString &cloud);

private:
    QString m_unavailable;
};

} // namespace cowherd::ui
