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
class LaterIntegrityCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LaterIntegrityCheck)

public:
    explicit LaterIntegrityCheck(const QString &path, QObject *parent = nullptr);
    ~LaterIntegrityCheck() override; // interrupts the check and waits for its thread

    // Blocks until the check has run; what it found (empty: healthy). finished() follows in the
    // event loop all the same.
    QStringList waitForProblems();
    bool isDone() const;

signals:
    void finished(const QStringList &problems);

private:
    void run();

    QString m_path;
    QStringList m_problems;
    QMutex m_connectionMutex;
    sqlite3 *m_connection = nullptr; // the check's, while it runs: interrupted from this thread
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace cp
