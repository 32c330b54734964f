#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace cp::test {

// A PostgreSQL cluster of the test's own, in a temporary folder, that the test may stop and
// start at will (pg_ctl stop -m immediate: the server dies as on a power cut, no goodbye to its
// clients). It listens on 127.0.0.1 on a free port; its superuser is "cp" and trusted. Run as
// root, the server runs as the "postgres" user (PostgreSQL refuses root). The folder and the
// server go with the object. fsync is off: the faults here kill processes, not the machine, and
// what the server wrote is in the kernel's cache either way.
class PgCluster
{
    Q_DISABLE_COPY_MOVE(PgCluster)

public:
    PgCluster();
    ~PgCluster();

    // initdb and start; false with the reason.
    bool create(QString *why);
    // Makes this cluster a streaming-replication standby of 'primary' (pg_basebackup -R -X stream
    // from it) and starts it, read-only, on a port of its own (kept from an earlier life: see
    // discard()); false with the reason.
    bool createStandbyOf(const PgCluster &primary, QString *why);
    // pg_ctl promote: the standby ends recovery and takes writes.
    bool promote(QString *why);
    // Stops the server (immediate) and removes its data, keeping its port, so createStandbyOf()
    // brings it back at the same address: the old primary of a failover rejoining as a standby.
    bool discard(QString *why);
    bool start(QString *why);
    // mode: "immediate" (a crash), "fast" or "smart".
    bool stop(QString *why, const QString &mode = QStringLiteral("immediate"));
    bool isRunning() const { return m_running; }
    int port() const { return m_port; }
    // A SERVER string for 'dbname' on this cluster as its superuser.
    QString address(const QString &dbname = QStringLiteral("postgres")) const;
    // A database with the CommandPost schema; its SERVER string, or empty with the reason.
    QString createCommandPostDatabase(QString *why);

    // The folder of PostgreSQL's programs (initdb, pg_ctl), or empty when none is installed.
    static QString binDir();
    // A TCP port on 127.0.0.1 nobody listens on right now.
    static int freePort();

private:
    int run(const QString &program, const QStringList &arguments, QString *output);
    bool prepareFolder(QString *why);
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    QTemporaryDir m_dir;
    int m_port = 0;
    bool m_running = false;
};

} // namespace cp::test

// Makes and starts 'cluster', or skips the test when PostgreSQL's programs are missing — fails it
// instead when the run says a server is required (CP_REQUIRE_PG=1, as './dev test' sets).
#define CP_REQUIRE_PG_CLUSTER(cluster)                                                                                 \
    do {                                                                                                               \
        QString why_;                                                                                                  \
        if (!(cluster).create(&why_)) {                                                                                \
            if (qEnvironmentVariable("CP_REQUIRE_PG") == QLatin1String("1"))                                           \
                QFAIL(qPrintable(why_));                                                                               \
            QSKIP(qPrintable(QStringLiteral("No PostgreSQL cluster of the test's own: ") + why_));                     \
        }                                                                                                              \
    } while (false)
