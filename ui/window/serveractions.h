#pragma once

#include "dialogs/connectserverdialog.h"

#include <QObject>

class QAction;
class QWidget;

namespace cp {

class Preferences;

// File ▸ Connect to a team server…: the dialog, then the switch. A window's docks hold its store
// for their whole life, so the window does not change stores under them: whoever opened the window
// (app/gui/main.cpp) gives the connector that opens the new store, and on connected() closes this
// window and opens one on the server. The server goes on the recent list (never its password); a
// password typed is kept in the desktop keyring when asked.
class ServerActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerActions)

public:
    ServerActions(Preferences &preferences, QWidget &window);

    QAction *connectAction() const { return m_connect; }
    // Without a connector (a window no program opened, in tests) the action is disabled.
    void setConnector(ConnectServerDialog::Connector connector);
    void askConnect();

    void retranslateUi();

signals:
    // The new store is open; 'notice' is for the new window's status bar.
    void connected(const QString &notice);

private:
    void finishConnect(const ConnectServerDialog &dialog);

    Preferences &m_preferences;
    QWidget &m_window;
    ConnectServerDialog::Connector m_connector;
    QAction *m_connect;
};

} // namespace cp
