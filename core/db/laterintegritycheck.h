#pragma once

#include <QMutex>
#include <QObject>
#include <QStringList>

#include <memory>

class QThread;
struct sqlite3;

namespace cp {

// SQLite's quick_check of a whole database file on a read-only connection of its own, in a thread
// of its own: a session that checked at open only what it reads there (a large timeline would hold
// up the window for the length of a full check) has the rest checked while the window is in use.
// The check starts after startDelayMs, so that it neither competes with the window's first frame
// for a core nor adds its page cache to the window's memory then; a write starts it at once.
class LaterIntegrityCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LaterIntegrityCheck)

public:
    LaterIntegrityCheck(const QString &path, int startDelayMs, QObject *parent = nullptr);
    ~LaterIntegrityCheck() override; // interrupts the check and waits for its thread

    // Starts the check if it has not started yet and blocks until it has run; what it found
    // (empty: healthy). finished() follows in the event loop all the same.
    QStringList waitForProblems();
    bool hasStarted() const;
    bool isDone() const;

signals:
    void finished(const QStringList &problems);

private:
    void start();
    void run();

    QString m_path;
    QStringList m_problems;
    QMutex m_connectionMutex;
    sqlite3 *m_connection = nullptr; // the check's, while it runs: interrupted from this thread
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
    bool m_started = false;
};

} // namespace cp
