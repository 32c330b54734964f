#pragma once

#include <QObject>

class QSocketNotifier;

namespace cp {

// Turns SIGTERM, SIGINT and SIGHUP (a logout, a shutdown, Ctrl+C in a terminal) into a Qt signal
// delivered by the event loop, so the window can close as if the user closed it. The handler
// itself only writes one byte to a socket pair (the self-pipe trick): nothing else is safe
// inside a signal handler. One instance per process; the previous handlers come back when it
// is destroyed.
class TerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignals)

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    // False when the socket pair or a handler could not be set up (then the default handlers
    // stay, and a signal ends the process as before).
    bool isInstalled() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace cp
