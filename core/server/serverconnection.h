#pragma once

#include "db/storeerror.h"
#include "serveraddress.h"

#include <QSqlDatabase>

struct pg_conn; // libpq's PGconn

namespace cp {

// One QPSQL connection to a team server, removed from Qt's registry when it goes. Opening
// it tries what libpq finds (the address, the environment, ~/.pgpass, the service file) and, when
// the server asks for a password nobody supplied, the desktop keyring. Every statement then runs
// in the CommandPost schema.
class ServerConnection final
{
    Q_DECLARE_TR_FUNCTIONS(cp::ServerConnection)
    Q_DISABLE_COPY_MOVE(ServerConnection)

public:
    // The PostgreSQL schema that holds every CommandPost table.
    static QString schemaName() { return QStringLiteral("commandpost"); }

    ServerConnection();
    ~ServerConnection();

    StoreError open(const ServerAddress &address);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &database() { return m_db; }
    const ServerAddress &address() const { return m_address; }

    // Opens 'db' (a QPSQL connection already added) on 'address', as open() does.
    static StoreError openDatabase(QSqlDatabase &db, const ServerAddress &address);
    // libpq's connection under an open QPSQL 'db' (Qt names its type "pg_conn*"); null otherwise.
    static pg_conn *libpqHandle(const QSqlDatabase &db);
    // Whether the server at 'address' answers, learned on a throwaway libpq connection closed at
    // once. It waits as long as libpq's connect does (up to the connect timeout), so a window asks
    // it on another thread (ServerProbe); it touches no QSqlDatabase and is safe on any thread. A
    // server that answers with a refusal (this login, a missing password the keyring may hold)
    // counts as answering: opening the real connection says what is wrong. Otherwise Unreachable
    // in the words open() uses.
    static StoreError probe(const ServerAddress &address);

private:
    QString m_name;
    QSqlDatabase m_db;
    ServerAddress m_address;
};

} // namespace cp
