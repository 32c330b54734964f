#pragma once

#include "db/storeerror.h"
#include "server/serveraddress.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace cp {

class ServerProbe;

// File ▸ Connect to a team server…: where the server is (a libpq connection string, a
// postgresql:// URI or service=NAME, the recent ones offered) and, when ~/.pgpass, PGPASSWORD and
// the keyring have none, its password, which may be kept in the desktop keyring. Connect tries the
// server through the connector it is given; a refusal (unreachable, a login refused, no
// CommandPost schema) is said in the dialog in the same words as commandpost-cli, and the dialog
// stays open. The dialog never waits for the network: it first learns on another thread that the
// server answers (ServerProbe), saying "Connecting to …" meanwhile; Cancel gives the try up, and
// Connect again starts it over. Only then does the connector open the store, quickly.
class ConnectServerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectServerDialog)

public:
    // Opens the store on the address (its password included); the error says why not.
    using Connector = std::function<StoreError(const ServerAddress &address)>;

    ConnectServerDialog(const QStringList &recentServers, Connector connector, QWidget *parent = nullptr);

    // After a connection: the address connected to (with the password typed, if any), the password
    // typed (empty: none) and whether it is to be kept in the keyring.
    const ServerAddress &address() const { return m_address; }
    QString password() const;
    bool keepPassword() const;

    void accept() override;
    void reject() override;

private:
    void takeAnswer(const StoreError &answer);
    // A refusal in the error colour; a word on progress (isError false) in the quiet one.
    void showError(const QString &text, bool isError = true);

    Connector m_connector;
    ServerProbe *m_probe;
    ServerAddress m_trying; // the address of the try under way
    ServerAddress m_address;
    QComboBox *m_server;
    QLineEdit *m_password;
    QCheckBox *m_keep;
    QLabel *m_error;
};

} // namespace cp
