#pragma once

#include "db/storeerror.h"
#include "serveraddress.h"

#include <QObject>
#include <QPointer>

template <typename T> class QFutureWatcher;

namespace cp {

// Learns whether a team server answers without making its caller wait: libpq's connect (the name
// lookup, TCP, TLS, the login) may take up to the connect timeout on a dead or black-holed host,
// and a window must keep turning meanwhile. The try (ServerConnection::probe) runs on a thread of
// its own with a throwaway libpq connection; finished() reports it on the caller's thread. A
// QSqlDatabase belongs to the thread that made it, so the caller then opens its own connection
// there, quickly: the server has just answered.
//
// The thread is detached: a try nobody waits for any more (cancelled, its probe gone, the program
// quitting) ends on its own within the connect timeout and reports to no one.
class ServerProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProbe)

public:
    explicit ServerProbe(QObject *parent = nullptr);
    ~ServerProbe() override;

    // Starts a try; the answer of one still under way is dropped.
    void start(const ServerAddress &address);
    // Drops the answer of the try under way (finished() is not emitted for it).
    void cancel();
    bool isRunning() const { return !m_watcher.isNull(); }

signals:
    // Success: the server answers. Otherwise why not (Unreachable), in ServerConnection's words.
    void finished(const cp::StoreError &answer);

private:
    QPointer<QFutureWatcher<StoreError>> m_watcher;
};

} // namespace cp
