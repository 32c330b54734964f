#include "serveraddress.h"

#include "libpq.h"

#include <QSqlDatabase>

#include <memory>

namespace cp {

namespace {

// How long a connection attempt may take before it is reported, unless the address or
// PGCONNECT_TIMEOUT says otherwise: an unreachable server must not freeze a window or a script.
constexpr int DefaultConnectTimeoutSeconds = 10;

// A value in libpq's connection-string syntax: quoted, with \ and ' escaped.
QString conninfoQuoted(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

QString environmentOr(const char *variable, const QString &fallback)
{
    const QString value = qEnvironmentVariable(variable);
    return value.isEmpty() ? fallback : value;
}

} // namespace

Result<ServerAddress> ServerAddress::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return StoreError(StoreError::Code::Invalid,
                          tr("The server address is empty; name it as a libpq connection "
                             "string (host=… dbname=…), a postgresql:// URI or service=NAME."));
    const LibPq *pq = LibPq::instance();
    if (!pq)
        return StoreError(StoreError::Code::Io, LibPq::problem());
    char *error = nullptr;
    // Freed on every return, the refusals inside the loop included.
    const std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
        pq->conninfoParse(trimmed.toUtf8().constData(), &error), pq->conninfoFree);
    if (!options) {
        QString reason = error ? QString::fromUtf8(error).simplified() : tr("out of memory");
        pq->freemem(error);
        return StoreError(StoreError::Code::Invalid, tr("'%1' is not a server address: %2").arg(trimmed, reason));
    }
    ServerAddress address;
    for (const PQconninfoOption *option = options.get(); option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString keyword = QString::fromUtf8(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        // Qt's driver joins its connect options with ';', so a value cannot carry one (the password
        // travels in a field of its own).
        if (keyword != QLatin1String("password") && value.contains(QLatin1Char(';')))
            return StoreError(
                StoreError::Code::Invalid,
                tr("The server address's %1 contains ';', which CommandPost cannot pass on.").arg(keyword));
        address.m_parameters.append({keyword, value});
    }
    if (address.m_parameters.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("'%1' names no server.").arg(trimmed));
    return address;
}

QString ServerAddress::fromEnvironment()
{
    return qEnvironmentVariable("COMMANDPOST_SERVER").trimmed();
}

QString ServerAddress::value(const QString &keyword) const
{
    for (const auto &[key, value] : m_parameters) {
        if (key == keyword)
            return value;
    }
    return {};
}

ServerAddress ServerAddress::withPassword(const QString &password) const
{
    ServerAddress copy = *this;
    copy.m_parameters.removeIf([](const auto &p) { return p.first == QLatin1String("password"); });
    copy.m_parameters.append({QStringLiteral("password"), password});
    return copy;
}

QString ServerAddress::displayName() const
{
    const QString service = value(QStringLiteral("service"));
    if (!service.isEmpty() && value(QStringLiteral("host")).isEmpty())
        return QStringLiteral("service=%1").arg(service);
    return keyringKey();
}

QString ServerAddress::keyringKey() const
{
    auto part = [this](const char *keyword, const char *variable, const QString &fallback) {
        const QString named = value(QString::fromLatin1(keyword));
        return named.isEmpty() ? environmentOr(variable, fallback) : named;
    };
    const QString user = part("user", "PGUSER", environmentOr("USER", QStringLiteral("postgres")));
    const QStringList hosts = part("host", "PGHOST", QStringLiteral("localhost")).split(QLatin1Char(','));
    const QStringList ports = part("port", "PGPORT", QStringLiteral("5432")).split(QLatin1Char(','));
    const QString database = part("dbname", "PGDATABASE", user);
    // Several hosts (a primary and its standbys): libpq gives each its port, or one port to all.
    QStringList servers;
    for (qsizetype i = 0; i < hosts.size(); ++i)
        servers << hosts.at(i) + QLatin1Char(':') + (ports.size() == hosts.size() ? ports.at(i) : ports.constFirst());
    return QStringLiteral("%1@%2/%3").arg(user, servers.join(QLatin1Char(',')), database);
}

QString ServerAddress::textWithoutPassword() const
{
    QStringList parts;
    for (const auto &[keyword, value] : m_parameters) {
        if (keyword == QLatin1String("password"))
            continue;
        const bool plain = !value.isEmpty() && !value.contains(QLatin1Char(' ')) &&
                           !value.contains(QLatin1Char('\\')) && !value.contains(QLatin1Char('\''));
        parts << keyword + QLatin1Char('=') + (plain ? value : conninfoQuoted(value));
    }
    return parts.join(QLatin1Char(' '));
}

QList<QPair<QString, QString>> ServerAddress::connectParameters() const
{
    QList<QPair<QString, QString>> parameters = m_parameters;
    const bool timeoutNamed =
        !qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT") || !value(QStringLiteral("connect_timeout")).isEmpty();
    if (!timeoutNamed)
        parameters.append({QStringLiteral("connect_timeout"), QString::number(DefaultConnectTimeoutSeconds)});
    parameters.append({QStringLiteral("fallback_application_name"), QStringLiteral("commandpost")});
    return parameters;
}

void ServerAddress::applyTo(QSqlDatabase &database) const
{
    QStringList options;
    for (const auto &[keyword, value] : connectParameters()) {
        if (keyword == QLatin1String("password"))
            database.setPassword(value);
        else
            options << keyword + QLatin1Char('=') + conninfoQuoted(value);
    }
    database.setConnectOptions(options.join(QLatin1Char(';')));
}

} // namespace cp
