#include "statementdeadline.h"

#include "libpq.h"
#include "serverconnection.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cp {

// Data segments this end sent (retransmissions not counted twice) and received. Outside the
// anonymous namespace: WatchedConnection, declared in the header, holds two.
struct TcpCounts
{
    quint32 sent = 0;
    quint32 received = 0;
    bool operator==(const TcpCounts &other) const { return sent == other.sent && received == other.received; }
};

namespace {

// How often the watchdog looks: the deadline is seconds long, a quarter of one is close enough.
constexpr std::chrono::milliseconds LookInterval(250);

// The kernel's counts, or false when the socket is not TCP (a Unix socket: nothing lies between).
bool readTcpCounts(int fd, TcpCounts *counts)
{
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0 ||
        length < offsetof(tcp_info, tcpi_data_segs_out) + sizeof info.tcpi_data_segs_out)
        return false;
    counts->sent = info.tcpi_data_segs_out - info.tcpi_total_retrans;
    counts->received = info.tcpi_data_segs_in;
    return true;
}

// Every request gets at least one segment back: more sent than received since a quiet moment
// means an answer is owed.
bool owes(const TcpCounts &now, const TcpCounts &quiet)
{
    return quint32(now.sent - quiet.sent) > quint32(now.received - quiet.received);
}

int socketOf(const QSqlDatabase &db)
{
    PGconn *connection = ServerConnection::libpqHandle(db);
    // The driver's connection: libpq is loaded, it made it.
    const LibPq *pq = LibPq::instance();
    return connection && pq ? pq->socket(connection) : -1;
}

} // namespace

// One watched connection; every field after 'deadlineMs' is guarded by the watchdog's mutex.
struct WatchedConnection
{
    QString name;
    int fd = -1; // the watchdog's own duplicate of the connection's socket
    const Clock *clock = nullptr;
    qint64 deadlineMs = 0;
    bool tcp = false;
    int statements = 0; // running through Statement
    qint64 statementSinceMs = 0;
    TcpCounts quiet;         // when nothing was owed
    qint64 owedSinceMs = -1; // outside statements: owed since (first seen), -1 when nothing is
    TcpCounts owedAt;        // the counts then; any change is progress
    bool expired = false;
};

namespace {

class Watchdog
{
public:
    static Watchdog &instance()
    {
        static Watchdog watchdog;
        return watchdog;
    }

    ~Watchdog()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    void add(const std::shared_ptr<WatchedConnection> &watched)
    {
        const std::lock_guard lock(m_mutex);
        m_watched.push_back(watched);
        m_count.store(int(m_watched.size()));
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
        m_wake.notify_all();
    }

    void remove(const std::shared_ptr<WatchedConnection> &watched)
    {
        const std::lock_guard lock(m_mutex);
        std::erase(m_watched, watched);
        m_count.store(int(m_watched.size()));
        // Closed under the lock: the watchdog never looks at a number the process has reused.
        ::close(watched->fd);
        watched->fd = -1;
    }

    std::shared_ptr<WatchedConnection> find(const QString &name)
    {
        if (m_count.load() == 0) // a file's statements: no lock taken
            return nullptr;
        const std::lock_guard lock(m_mutex);
        for (const auto &watched : m_watched) {
            if (watched->name == name)
                return watched;
        }
        return nullptr;
    }

    std::mutex &mutex() { return m_mutex; }

    int waiting()
    {
        const std::lock_guard lock(m_mutex);
        int count = 0;
        for (const auto &watched : m_watched)
            count += !watched->expired && (watched->statements > 0 || watched->owedSinceMs >= 0);
        return count;
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            if (m_watched.empty())
                m_wake.wait(lock);
            else
                m_wake.wait_for(lock, LookInterval);
            for (const auto &watched : m_watched)
                look(*watched);
        }
    }

    static void look(WatchedConnection &w)
    {
        if (w.expired || w.fd < 0)
            return;
        const qint64 now = w.clock->monotonicMs();
        bool overdue = false;
        if (w.statements > 0) {
            overdue = now - w.statementSinceMs >= w.deadlineMs;
        } else if (w.tcp) {
            TcpCounts counts;
            if (!readTcpCounts(w.fd, &counts))
                return;
            if (!owes(counts, w.quiet)) {
                w.quiet = counts; // a notification that came meanwhile is not an answer to what follows
                w.owedSinceMs = -1;
            } else if (w.owedSinceMs < 0 || !(counts == w.owedAt)) {
                w.owedSinceMs = now;
                w.owedAt = counts;
            } else {
                overdue = now - w.owedSinceMs >= w.deadlineMs;
            }
        }
        if (!overdue)
            return;
        // libpq, waiting in poll() or recv(), sees the end of the connection at once.
        ::shutdown(w.fd, SHUT_RDWR);
        w.expired = true;
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::thread m_thread;
    std::vector<std::shared_ptr<WatchedConnection>> m_watched;
    std::atomic<int> m_count{0};
    bool m_stopping = false;
};

} // namespace

StatementDeadline::StatementDeadline(const QSqlDatabase &db, const Clock &clock, qint64 deadlineMs)
    : m_deadlineMs(deadlineMs)
{
    const int fd = socketOf(db);
    if (fd < 0)
        return;
    auto watched = std::make_shared<WatchedConnection>();
    watched->fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (watched->fd < 0)
        return;
    watched->name = db.connectionName();
    watched->clock = &clock;
    watched->deadlineMs = deadlineMs;
    watched->tcp = readTcpCounts(watched->fd, &watched->quiet);
    m_watched = watched;
    Watchdog::instance().add(m_watched);
}

StatementDeadline::~StatementDeadline()
{
    if (m_watched)
        Watchdog::instance().remove(m_watched);
}

bool StatementDeadline::expired() const
{
    if (!m_watched)
        return false;
    const std::lock_guard lock(Watchdog::instance().mutex());
    return m_watched->expired;
}

int StatementDeadline::waitingConnections()
{
    return Watchdog::instance().waiting();
}

StatementDeadline::Statement::Statement(const QString &connectionName)
    : m_watched(Watchdog::instance().find(connectionName))
{
    if (!m_watched)
        return;
    const std::lock_guard lock(Watchdog::instance().mutex());
    if (m_watched->statements++ == 0)
        m_watched->statementSinceMs = m_watched->clock->monotonicMs();
}

StatementDeadline::Statement::~Statement()
{
    if (!m_watched)
        return;
    std::lock_guard lock(Watchdog::instance().mutex());
    if (--m_watched->statements > 0 || m_watched->fd < 0)
        return;
    // The statement has its answer: from here on, only what is sent later is owed.
    if (m_watched->tcp)
        readTcpCounts(m_watched->fd, &m_watched->quiet);
    m_watched->owedSinceMs = -1;
}

bool StatementDeadline::Statement::expired() const
{
    if (!m_watched)
        return false;
    const std::lock_guard lock(Watchdog::instance().mutex());
    return m_watched->expired;
}

StoreError StatementDeadline::Statement::failure(const QSqlError &error, const QString &doing) const
{
    if (!expired())
        return StoreError::fromSql(error, doing);
    return {StoreError::Code::Unreachable, doing + QStringLiteral(": ") + overdueText(m_watched->deadlineMs)};
}

QString StatementDeadline::overdueText(qint64 deadlineMs)
{
    return tr("the server did not answer within %1 s").arg((deadlineMs + 999) / 1000);
}

} // namespace cp
