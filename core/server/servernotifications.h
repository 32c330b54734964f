#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <array>

class QSqlDatabase;
struct pg_conn; // libpq's PGconn

namespace cp {

// Wakes a team session when the server notifies its connection (LISTEN/NOTIFY), in place of Qt's
// QSqlDriver::subscribeToNotification. Qt's driver watches libpq's own socket, and libpq closes
// that socket the moment a read finds the server gone; until the connection is closed the event
// loop then polls a dead number ("QSocketNotifier: Invalid socket") or, once the process reuses
// it, another connection's socket. This watch keeps a duplicate of the socket, closed only by
// stop(), so what it watches is always the connection's; and a read that finds the connection
// dead stops the watch before the event loop looks again, and says so.
//
// libpq also takes notifications in along with any statement's answer, leaving nothing on the
// socket to wake anyone: on each turn of the event loop the watch looks at what libpq has read.
class ServerNotifications final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerNotifications)

public:
    explicit ServerNotifications(QObject *parent = nullptr);
    ~ServerNotifications() override;

    // Watches 'db', an open QPSQL connection that has run its LISTEN; false when it cannot.
    bool watch(const QSqlDatabase &db);
    bool isWatching() const { return m_connection != nullptr; }
    // Before the connection closes.
    void stop();
    // Takes what libpq has read so far; true when there was anything (a reader about to look
    // at everything anyway needs no wake-up for it).
    bool takePending();

signals:
    // Something was committed: look again.
    void notified();
    // A read found the connection dead; the watch has stopped.
    void connectionClosed();

private:
    void readSocket();
    void lookAtWhatWasRead();

    pg_conn *m_connection = nullptr;
    int m_socket = -1; // our duplicate of the connection's socket
    QSocketNotifier m_notifier{QSocketNotifier::Read};
    std::array<QMetaObject::Connection, 2> m_eachTurn;
};

} // namespace cp
