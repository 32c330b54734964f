#include "laterintegritycheck.h"

#include "sqliteconnection.h"

#include <QThread>
#include <QTimer>

namespace cp {

LaterIntegrityCheck::LaterIntegrityCheck(const QString &path, int startDelayMs, QObject *parent)
    : QObject(parent), m_path(path)
{
    m_thread.reset(QThread::create([this] { run(); }));
    // Announced in the thread that owns this object, once the check's thread has ended.
    connect(m_thread.get(), &QThread::finished, this, [this] { emit finished(m_problems); });
    QTimer::singleShot(startDelayMs, this, &LaterIntegrityCheck::start);
}

void LaterIntegrityCheck::start()
{
    if (m_started)
        return;
    m_started = true;
    m_thread->start(QThread::LowPriority);
}

bool LaterIntegrityCheck::hasStarted() const
{
    return m_started;
}

LaterIntegrityCheck::~LaterIntegrityCheck()
{
    {
        // A window closing does not wait for the rest of a long check.
        const QMutexLocker lock(&m_connectionMutex);
        m_stopping = true;
        if (m_connection)
            sqlite3_interrupt(m_connection);
    }
    m_thread->wait();
}

bool LaterIntegrityCheck::isDone() const
{
    return m_thread->isFinished();
}

QStringList LaterIntegrityCheck::waitForProblems()
{
    start();
    m_thread->wait();
    return m_problems;
}

void LaterIntegrityCheck::run()
{
    SqliteConnection connection;
    QStringList lines;
    int rc = connection.open(m_path, SQLITE_OPEN_READONLY, 5000);
    if (rc == SQLITE_OK) {
        {
            const QMutexLocker lock(&m_connectionMutex);
            if (m_stopping)
                return;
            m_connection = connection.handle();
        }
        rc = connection.rows("PRAGMA quick_check", lines);
        const QMutexLocker lock(&m_connectionMutex);
        m_connection = nullptr;
    }
    if (rc == SQLITE_INTERRUPT)
        return;
    if (rc != SQLITE_OK) {
        // Damage that stops the check itself is damage too; a busy or vanished file is not.
        if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
            m_problems << connection.lastError();
        return;
    }
    for (const QString &line : std::as_const(lines)) {
        if (line != QStringLiteral("ok"))
            m_problems << line;
    }
}

} // namespace cp
