#include "pgcluster.h"

#include "server/serverconnection.h"
#include "server/serverschema.h"

#include <QDir>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cp::test {

namespace {

constexpr int ProgramTimeoutMs = 60 * 1000;

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

} // namespace

PgCluster::PgCluster() = default;

PgCluster::~PgCluster()
{
    if (m_running)
        stop(nullptr);
}

QString PgCluster::binDir()
{
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : std::as_const(found)) {
        const QString bin = versions.filePath(version + QStringLiteral("/bin"));
        if (QFileInfo::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    return {};
}

int PgCluster::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

int PgCluster::run(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    // The cluster's own settings, not those of a pg_virtualenv around the test run.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *variable : {"PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGDATA"})
        environment.remove(QString::fromLatin1(variable));
    process.setProcessEnvironment(environment);
    const QString path = binDir() + QLatin1Char('/') + program;
    if (runningAsRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), path} +
                          arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(ProgramTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        if (output)
            *output = program + QStringLiteral(" did not finish: ") + process.errorString();
        return -1;
    }
    if (output)
        *output = program + QStringLiteral(": ") + QString::fromLocal8Bit(process.readAll()).trimmed();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool PgCluster::prepareFolder(QString *why)
{
    if (binDir().isEmpty()) {
        *why = QStringLiteral("PostgreSQL's programs (initdb, pg_ctl) are not installed (postgresql-15)");
        return false;
    }
    if (!m_dir.isValid()) {
        *why = QStringLiteral("no temporary folder: ") + m_dir.errorString();
        return false;
    }
    if (runningAsRoot()) {
        const passwd *owner = ::getpwnam("postgres");
        if (!owner || ::chown(QFile::encodeName(m_dir.path()).constData(), owner->pw_uid, owner->pw_gid) != 0) {
            *why = QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir.path());
            return false;
        }
    }
    if (m_port == 0)
        m_port = freePort();
    return true;
}

bool PgCluster::create(QString *why)
{
    if (!prepareFolder(why))
        return false;
    QString output;
    if (run(QStringLiteral("initdb"),
            {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("cp"), QStringLiteral("-A"),
             QStringLiteral("trust"), QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8")},
            &output) != 0) {
        *why = output;
        return false;
    }
    return start(why);
}

bool PgCluster::createStandbyOf(const PgCluster &primary, QString *why)
{
    if (!prepareFolder(why))
        return false;
    QString output;
    if (run(QStringLiteral("pg_basebackup"),
            {QStringLiteral("-D"), dataDir(), QStringLiteral("-R"), QStringLiteral("-X"), QStringLiteral("stream"),
             QStringLiteral("-c"), QStringLiteral("fast"), QStringLiteral("--no-sync"), QStringLiteral("-h"),
             QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(primary.port()), QStringLiteral("-U"),
             QStringLiteral("cp")},
            &output) != 0) {
        *why = output;
        return false;
    }
    return start(why);
}

bool PgCluster::promote(QString *why)
{
    QString output;
    if (run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
             QStringLiteral("promote")},
            &output) != 0) {
        *why = output;
        return false;
    }
    return true;
}

bool PgCluster::discard(QString *why)
{
    if (m_running && !stop(why))
        return false;
    if (!QDir(dataDir()).removeRecursively()) {
        *why = QStringLiteral("cannot remove %1").arg(dataDir());
        return false;
    }
    return true;
}

bool PgCluster::start(QString *why)
{
    const QString options = QStringLiteral("-c port=%1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=%2 "
                                           "-c fsync=off -c max_connections=60")
                                .arg(m_port)
                                .arg(m_dir.path());
    QString output;
    if (run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
             QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
             QStringLiteral("start")},
            &output) != 0) {
        if (why)
            *why = output;
        return false;
    }
    m_running = true;
    return true;
}

bool PgCluster::stop(QString *why, const QString &mode)
{
    QString output;
    const int code = run(QStringLiteral("pg_ctl"),
                         {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), mode, QStringLiteral("-w"),
                          QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("stop")},
                         &output);
    if (code != 0) {
        if (why)
            *why = output;
        return false;
    }
    m_running = false;
    return true;
}

QString PgCluster::address(const QString &dbname) const
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=cp dbname=%2 connect_timeout=5").arg(m_port).arg(dbname);
}

QString PgCluster::createCommandPostDatabase(QString *why)
{
    {
        ServerConnection admin;
        StoreError error = admin.open(*ServerAddress::parse(address()));
        if (error.ok()) {
            QSqlQuery create(admin.database());
            if (!create.exec(QStringLiteral("CREATE DATABASE commandpost")))
                error = StoreError(StoreError::Code::Internal, create.lastError().text());
        }
        if (!error.ok()) {
            *why = error.message();
            return {};
        }
    }
    const QString server = address(QStringLiteral("commandpost"));
    ServerConnection admin;
    StoreError error = admin.open(*ServerAddress::parse(server));
    if (error.ok())
        error = ServerSchema::install(admin.database()).error();
    if (!error.ok()) {
        *why = error.message();
        return {};
    }
    return server;
}

} // namespace cp::test
