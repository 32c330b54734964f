#include "serveractions.h"

#include "preferences.h"
#include "server/serverkeyring.h"

#include <QAction>
#include <QWidget>

namespace cp {

ServerActions::ServerActions(Preferences &preferences, QWidget &window)
    : QObject(&window), m_preferences(preferences), m_window(window), m_connect(new QAction(this))
{
    m_connect->setObjectName(QStringLiteral("connectServerAction"));
    m_connect->setEnabled(false);
    connect(m_connect, &QAction::triggered, this, &ServerActions::askConnect);
}

void ServerActions::setConnector(ConnectServerDialog::Connector connector)
{
    m_connector = std::move(connector);
    m_connect->setEnabled(bool(m_connector));
}

void ServerActions::askConnect()
{
    if (!m_connector)
        return;
    auto *dialog = new ConnectServerDialog(m_preferences.recentServers(), m_connector, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { finishConnect(*dialog); });
    dialog->open();
}

void ServerActions::finishConnect(const ConnectServerDialog &dialog)
{
    const ServerAddress &address = dialog.address();
    m_preferences.addRecentServer(address);
    QString notice = tr("Connected to %1.").arg(address.displayName());
    if (dialog.keepPassword()) {
        const StoreError kept = ServerKeyring::setPassword(address.keyringKey(), dialog.password());
        notice =
            kept.ok()
                ? tr("Connected to %1; the password is kept in the desktop keyring.").arg(address.displayName())
                : tr("Connected to %1, but the password was not kept: %2").arg(address.displayName(), kept.message());
    }
    emit connected(notice);
}

void ServerActions::retranslateUi()
{
    m_connect->setText(tr("&Connect to a team server…"));
    m_connect->setToolTip(tr("Open the incidents of a team server (PostgreSQL), shared live with the team"));
}

} // namespace cp
