#include "serverconnection.h"

#include "db/writetransaction.h"
#include "libpq.h"
#include "serverkeyring.h"

#include <QSqlDriver>
#include <QSqlError>

#include <atomic>
#include <vector>

namespace cp {

namespace {

QString uniqueName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("cp-server-%1").arg(++counter);
}

bool asksForPassword(const QString &text)
{
    return text.contains(QLatin1String("no password supplied"));
}

// A refused login is a different thing to fix than a server that cannot be reached.
bool isRefusedLogin(const QString &text)
{
    for (const char *phrase : {"password authentication failed", "no password supplied", "authentication failed",
                               "no pg_hba.conf entry", "permission denied for database"}) {
        if (text.contains(QLatin1String(phrase)))
            return true;
    }
    return text.contains(QLatin1String("role \"")) && text.contains(QLatin1String("does not exist"));
}

// What libpq said about a failed connection (QPSQL keeps it as the error's database text).
QString detailOf(const QSqlError &error)
{
    return (error.databaseText().isEmpty() ? error.text() : error.databaseText()).simplified();
}

StoreError connectError(const QString &detail, const ServerAddress &address, bool keyringTried)
{
    const QString server = address.displayName();
    if (asksForPassword(detail))
        return {StoreError::Code::Denied,
                ServerConnection::tr("%1 asks for a password and none was found: put it in ~/.pgpass or PGPASSWORD%2.")
                    .arg(server, keyringTried ? ServerConnection::tr(", or keep it in the desktop keyring with "
                                                                     "'commandpost-cli server password'")
                                              : QString())};
    if (isRefusedLogin(detail))
        return {StoreError::Code::Denied, ServerConnection::tr("%1 refused the login: %2").arg(server, detail)};
    return {StoreError::Code::Unreachable, ServerConnection::tr("Cannot connect to %1: %2").arg(server, detail)};
}

// Qt's PostgreSQL driver frees each prepared statement with DEALLOCATE, and warns when a statement
// the server refused has aborted the transaction, so the DEALLOCATE is refused too. The refusal
// itself is reported as the one line it is; this echo of it is dropped (the statement goes with
// the session).
QtMessageHandler previousHandler = nullptr;

void dropDeallocateEcho(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("Unable to free statement")))
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}

void installDeallocateFilter()
{
    static const bool installed = [] {
        previousHandler = qInstallMessageHandler(dropDeallocateEcho);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace

ServerConnection::ServerConnection() = default;

ServerConnection::~ServerConnection()
{
    close();
}

StoreError ServerConnection::open(const ServerAddress &address)
{
    close();
    m_address = address;
    m_name = uniqueName();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    StoreError error = openDatabase(m_db, address);
    if (!error.ok())
        close();
    return error;
}

void ServerConnection::close()
{
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

StoreError ServerConnection::openDatabase(QSqlDatabase &db, const ServerAddress &address)
{
    if (!db.isValid())
        return {StoreError::Code::Internal,
                tr("Qt's PostgreSQL driver (QPSQL) is not installed; on Debian install libqt6sql6-psql.")};
    installDeallocateFilter();
    address.applyTo(db);
    bool keyringTried = false;
    if (!db.open()) {
        const QString detail = detailOf(db.lastError());
        if (!asksForPassword(detail) || address.hasPassword())
            return connectError(detail, address, false);
        // The one place a password comes from outside libpq: the desktop keyring.
        keyringTried = true;
        auto kept = ServerKeyring::password(address.keyringKey());
        if (!kept)
            return connectError(detail, address, true);
        address.withPassword(*kept).applyTo(db);
        if (!db.open())
            return connectError(detailOf(db.lastError()), address, keyringTried);
    }
    // Every table is found in the CommandPost schema; the server's notices ("already exists,
    // skipping") are not for the user.
    for (const QString &setting : {QStringLiteral("SET search_path TO %1").arg(schemaName()),
                                   QStringLiteral("SET client_min_messages TO warning")}) {
        auto done = runStatement(db, setting, {}, tr("Connecting to %1").arg(address.displayName()));
        if (!done) {
            db.close();
            return done.error();
        }
    }
    return {};
}

pg_conn *ServerConnection::libpqHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.isOpen() && db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<pg_conn *const *>(handle.data());
}

StoreError ServerConnection::probe(const ServerAddress &address)
{
    QList<QByteArray> keywords;
    QList<QByteArray> values;
    for (const auto &[keyword, value] : address.connectParameters()) {
        keywords << keyword.toUtf8();
        values << value.toUtf8();
    }
    std::vector<const char *> keywordArray;
    std::vector<const char *> valueArray;
    for (qsizetype i = 0; i < keywords.size(); ++i) {
        keywordArray.push_back(keywords.at(i).constData());
        valueArray.push_back(values.at(i).constData());
    }
    keywordArray.push_back(nullptr);
    valueArray.push_back(nullptr);
    const LibPq *pq = LibPq::instance();
    if (!pq)
        return {StoreError::Code::Internal, LibPq::problem()};
    PGconn *connection = pq->connectdbParams(keywordArray.data(), valueArray.data(), 0);
    const bool connected = connection && pq->status(connection) == CONNECTION_OK;
    const QString detail =
        connection ? QString::fromUtf8(pq->errorMessage(connection)).simplified() : tr("libpq is out of memory");
    pq->finish(connection);
    // A refusal the server sent (FATAL: …) or its request for a password: it is there.
    if (connected || detail.contains(QLatin1String("FATAL:")) || asksForPassword(detail))
        return {};
    return connectError(detail, address, false);
}

} // namespace cp
