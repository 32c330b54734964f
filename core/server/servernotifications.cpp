#include "servernotifications.h"

#include "libpq.h"
#include "serverconnection.h"

#include <QAbstractEventDispatcher>
#include <QSqlDatabase>

#include <fcntl.h>
#include <unistd.h>

namespace cp {

ServerNotifications::ServerNotifications(QObject *parent) : QObject(parent)
{
    m_notifier.setEnabled(false);
    connect(&m_notifier, &QSocketNotifier::activated, this, &ServerNotifications::readSocket);
}

ServerNotifications::~ServerNotifications()
{
    stop();
}

bool ServerNotifications::watch(const QSqlDatabase &db)
{
    stop();
    const LibPq *pq = LibPq::instance();
    pg_conn *connection = ServerConnection::libpqHandle(db);
    if (!pq || !connection || pq->socket(connection) < 0)
        return false;
    m_socket = ::fcntl(pq->socket(connection), F_DUPFD_CLOEXEC, 0);
    if (m_socket < 0)
        return false;
    m_connection = connection;
    m_notifier.setSocket(m_socket);
    m_notifier.setEnabled(true);
    // Each turn of the event loop: before it waits, and at its start (a turn that does not wait, as
    // QCoreApplication::processEvents makes, never says it is about to).
    if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread())) {
        m_eachTurn = {
            connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &ServerNotifications::lookAtWhatWasRead),
            connect(dispatcher, &QAbstractEventDispatcher::awake, this, &ServerNotifications::lookAtWhatWasRead)};
    }
    return true;
}

void ServerNotifications::stop()
{
    if (!isWatching())
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_eachTurn))
        disconnect(connection);
    // Unwatched first: the event loop must never poll the number once it is closed.
    m_notifier.setEnabled(false);
    m_notifier.setSocket(-1);
    ::close(m_socket);
    m_socket = -1;
    m_connection = nullptr;
}

bool ServerNotifications::takePending()
{
    if (!isWatching())
        return false; // a session on a file never loads libpq
    const LibPq *pq = LibPq::instance();
    if (!pq)
        return false;
    bool any = false;
    while (PGnotify *notification = pq->notifies(m_connection)) {
        pq->freemem(notification);
        any = true;
    }
    return any;
}

void ServerNotifications::readSocket()
{
    if (!isWatching())
        return;
    const LibPq *pq = LibPq::instance();
    // A read that meets the end of the connection makes libpq close its socket (ours stays open).
    if (!pq->consumeInput(m_connection) || pq->status(m_connection) == CONNECTION_BAD) {
        stop();
        emit connectionClosed();
        return;
    }
    if (takePending())
        emit notified();
}

void ServerNotifications::lookAtWhatWasRead()
{
    // Said from the event loop as a wake-up from the socket is, not from inside its turn.
    if (takePending())
        QMetaObject::invokeMethod(this, &ServerNotifications::notified, Qt::QueuedConnection);
}

} // namespace cp
