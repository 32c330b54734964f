#pragma once

#include "db/storeerror.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace cp {

// The CommandPost schema on a team server and who may do what in it. The tables are the same
// numbered steps as in a SQLite file (Schema::steps with the PostgreSQL dialect), kept in the
// schema "commandpost" and owned by the group role commandpost_admins; the version reached is in
// commandpost.schema_info. Three group roles carry the permissions, and PostgreSQL enforces them:
//   responders  read everything, write incidents (no DELETE but the one undo that needs it)
//   observers   read only (trainees, executives, the shadow view)
//   admins      own the schema (migrations), write the roster and directory
// A login gets its permissions by being a member of exactly one of them. A responder's rows carry
// its roster name (person_login), stamped by triggers on the server.
class ServerSchema
{
    Q_DECLARE_TR_FUNCTIONS(cp::ServerSchema)

public:
    enum class Group
    {
        Responder,
        Observer,
        Admin
    };

    struct Member
    {
        QString login;
        Group group;
    };

    static QString groupRole(Group group); // "commandpost_responders" …
    // One row, one value: the author the server stamps this login's inserts with (its roster
    // person, else its login name) when it is a responder and no admin, the condition of the
    // author triggers; NULL when it writes as given.
    static QString stampedAuthorQuery();
    static QString groupKey(Group group); // "responder" …: the word --as takes
    static std::optional<Group> groupFromKey(const QString &key);

    // Creates the group roles (the first time, by a login that may create roles), the schema and
    // every table, or upgrades them, then sets the grants; all steps are transactions, so a failure
    // leaves the last complete step. Returns the version reached.
    static Result<int> install(QSqlDatabase &db);
    // 0 when the server has no CommandPost schema.
    static Result<int> installedVersion(QSqlDatabase &db);
    // Refuses a server without the schema, or with an older or newer one, naming what to do.
    static StoreError checkUsable(QSqlDatabase &db, const QString &serverName);

    // Makes 'login' (an existing login role) a member of the group, and of no other.
    static StoreError grant(QSqlDatabase &db, const QString &login, Group group);
    // Says which roster person a login is (bound values: login, person id): a responder's rows
    // then carry that person's name, stamped by the server (its triggers), whatever the client
    // sends. Run by the roster's repository.
    static QString linkLoginStatement();
    // NotFound when the server has no such login, Invalid when it names a group role.
    static StoreError requireLogin(QSqlDatabase &db, const QString &login);
    // Takes every CommandPost group from 'login'; NotFound when it had none.
    static StoreError revoke(QSqlDatabase &db, const QString &login);
    static Result<QList<Member>> members(QSqlDatabase &db); // by login
    // The group of the connection's own login (admin before responder before observer).
    static Result<std::optional<Group>> currentGroup(QSqlDatabase &db);
};

} // namespace cp
