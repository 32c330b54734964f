#pragma once

#include "db/storeerror.h"

#include <QList>
#include <QPair>
#include <QString>

class QSqlDatabase;

namespace cp {

// Where a team server is, as a person names it: a libpq connection string
// ("host=db.example.org dbname=commandpost sslmode=verify-full"), a URI
// ("postgresql://bo@db.example.org/commandpost") or a service from pg_service.conf ("service=ops").
// libpq itself parses it, so every keyword libpq knows works and a typo is refused before any
// connection is tried. What is not named comes from the libpq environment (PGHOST, PGUSER …),
// the service file and ~/.pgpass, as for psql.
class ServerAddress
{
    Q_DECLARE_TR_FUNCTIONS(cp::ServerAddress)

public:
    ServerAddress() = default;

    // The address in 'text', or why it is not one (one line, naming the problem).
    static Result<ServerAddress> parse(const QString &text);
    // $COMMANDPOST_SERVER, when set.
    static QString fromEnvironment();

    bool isEmpty() const { return m_parameters.isEmpty(); }
    // The value of one libpq keyword ("host", "dbname" …); empty when not named.
    QString value(const QString &keyword) const;
    bool hasPassword() const { return !value(QStringLiteral("password")).isEmpty(); }
    // A copy with this password (from the keyring); never written anywhere.
    ServerAddress withPassword(const QString &password) const;
    // For messages and titles: "bo@db.example.org:5432/commandpost", never the password. Parts
    // not named here are left to libpq's defaults and shown as such.
    QString displayName() const;
    // The key under which the desktop keyring keeps this login's password: user@host:port/dbname
    // with libpq's defaults filled in from the environment.
    QString keyringKey() const;
    // The address as a connection string without its password ("host=db dbname=commandpost"), as
    // a list of recent servers keeps it; parse() reads it back.
    QString textWithoutPassword() const;
    // Every keyword a connection is made with, libpq's way: those named, the password included, plus
    // CommandPost's defaults (a connect timeout unless one is set, the application's name).
    QList<QPair<QString, QString>> connectParameters() const;
    // Puts the address into a QPSQL connection: the password in its own field, every other keyword
    // of connectParameters() as a connect option.
    void applyTo(QSqlDatabase &database) const;

private:
    QList<QPair<QString, QString>> m_parameters; // keyword, value: only those named
};

} // namespace cp
