#include "pgtestserver.h"

#include "server/serverschema.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace cp::test {

namespace {

// Unique within the cluster across the tests that run side by side.
QString uniqueName(const QString &stem)
{
    static std::atomic<int> counter{0};
    return QStringLiteral("cp_%1_%2_%3").arg(stem).arg(QCoreApplication::applicationPid()).arg(++counter);
}

} // namespace

PgTestServer::PgTestServer() = default;

PgTestServer::~PgTestServer()
{
    if (!m_admin.isOpen())
        return;
    for (const QString &database : std::as_const(m_databases))
        exec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(database), nullptr);
    for (const QString &login : std::as_const(m_logins))
        exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login), nullptr);
}

bool PgTestServer::connect(QString *why)
{
    if (m_admin.isOpen())
        return true;
    auto address = ServerAddress::parse(QStringLiteral("dbname=postgres connect_timeout=5"));
    if (StoreError error = m_admin.open(*address); !error.ok()) {
        *why = error.message();
        return false;
    }
    return true;
}

bool PgTestServer::exec(const QString &sql, QString *why)
{
    QSqlQuery query(m_admin.database());
    if (query.exec(sql))
        return true;
    if (why)
        *why = sql + QStringLiteral(": ") + query.lastError().text();
    return false;
}

QString PgTestServer::createDatabase(QString *why, const QString &templateName)
{
    const QString name = uniqueName(QStringLiteral("db"));
    const QString copy = templateName.isEmpty() ? QString() : QStringLiteral(" TEMPLATE \"%1\"").arg(templateName);
    if (!exec(QStringLiteral("CREATE DATABASE \"%1\"%2").arg(name, copy), why))
        return {};
    m_databases << name;
    return QStringLiteral("dbname=%1").arg(name);
}

QString PgTestServer::createCommandPostDatabase(QString *why)
{
    const QString server = createDatabase(why);
    if (server.isEmpty())
        return {};
    ServerConnection admin;
    StoreError error = admin.open(*ServerAddress::parse(server));
    if (error.ok()) {
        auto installed = ServerSchema::install(admin.database());
        error = installed.error();
    }
    if (!error.ok()) {
        if (why)
            *why = error.message();
        return {};
    }
    return server;
}

QString PgTestServer::createLogin(const QString &stem, QString *why)
{
    const QString name = uniqueName(stem);
    if (!exec(QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD '%2'").arg(name, password(name)), why))
        return {};
    m_logins << name;
    return name;
}

QString PgTestServer::createMember(const QString &server, const QString &stem, ServerSchema::Group group, QString *why)
{
    const QString login = createLogin(stem, why);
    if (login.isEmpty())
        return {};
    ServerConnection admin;
    StoreError error = admin.open(*ServerAddress::parse(server));
    if (error.ok())
        error = ServerSchema::grant(admin.database(), login, group);
    if (!error.ok()) {
        if (why)
            *why = error.message();
        return {};
    }
    return login;
}

QString PgTestServer::as(const QString &server, const QString &login)
{
    return QStringLiteral("%1 user=%2 password=%3").arg(server, login, password(login));
}

int PgTestServer::psql(const QString &server, const QString &login, const QString &command, QString *err)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), password(login));
    environment.insert(QStringLiteral("PGUSER"), login);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("psql"),
                  {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                   QStringLiteral("-d"), server, QStringLiteral("-c"), command});
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        if (err)
            *err = QStringLiteral("psql did not finish: ") + process.errorString();
        return -1;
    }
    if (err)
        *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace cp::test
