#include "serverschema.h"

#include "db/schema.h"
#include "db/writetransaction.h"
#include "serverconnection.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace cp {

namespace {

const QList<ServerSchema::Group> AllGroups = {ServerSchema::Group::Admin, ServerSchema::Group::Responder,
                                              ServerSchema::Group::Observer};

// Only these tables may lose rows, and only through the store's own undo (an unskipped cell).
const QStringList DeletableTables = {QStringLiteral("message_skip")};
// The roster and the directory are the admins'; responders read them.
const QStringList AdminOnlyTables = {QStringLiteral("person"), QStringLiteral("department"),
                                     QStringLiteral("schema_info"), QStringLiteral("person_login")};

// Where each kind of row names who did something, and when: the author column and the time it
// goes with. On a server these are stamped with the login's roster name by the server itself, on
// INSERT and on every UPDATE that records a new act (the time or the name changes: an answer, an
// end, a hand-over), so a responder cannot write as somebody else; a name left as it was (another
// field of the row changed) keeps its author.
struct AuthorColumn
{
    QString table;
    QString author;
    QString at; // empty: the row's one act is its insertion
};

const QList<AuthorColumn> AuthorColumns = {
    {QStringLiteral("timeline_entry"), QStringLiteral("author"), QStringLiteral("captured_at")},
    {QStringLiteral("timeline_revision"), QStringLiteral("superseded_by"), QStringLiteral("superseded_at")},
    {QStringLiteral("incident_change"), QStringLiteral("changed_by"), QStringLiteral("changed_at")},
    {QStringLiteral("role_duty"), QStringLiteral("done_by"), QStringLiteral("done_at")},
    {QStringLiteral("assignment"), QStringLiteral("started_by"), QStringLiteral("started_at")},
    {QStringLiteral("assignment"), QStringLiteral("ended_by"), QStringLiteral("ended_at")},
    {QStringLiteral("timer"), QStringLiteral("created_by"), QStringLiteral("created_at")},
    {QStringLiteral("postmortem"), QStringLiteral("assigned_by"), QStringLiteral("assigned_at")},
    {QStringLiteral("roll_call"), QStringLiteral("started_by"), QStringLiteral("started_at")},
    {QStringLiteral("roll_call"), QStringLiteral("ended_by"), QStringLiteral("ended_at")},
    {QStringLiteral("roll_call_item"), QStringLiteral("answered_by"), QStringLiteral("answered_at")},
    {QStringLiteral("roll_call_item"), QStringLiteral("cleared_by"), QStringLiteral("cleared_at")},
    {QStringLiteral("incident_action"), QStringLiteral("created_by"), QStringLiteral("created_at")},
    {QStringLiteral("incident_decision"), QStringLiteral("recorded_by"), QString()},
    {QStringLiteral("business_mode"), QStringLiteral("declared_by"), QStringLiteral("declared_at")},
    {QStringLiteral("business_mode"), QStringLiteral("normal_by"), QStringLiteral("normal_at")},
    {QStringLiteral("business_activity"), QStringLiteral("added_by"), QString()},
    {QStringLiteral("business_activity"), QStringLiteral("halted_by"), QStringLiteral("halted_at")},
    {QStringLiteral("business_activity"), QStringLiteral("restarted_by"), QStringLiteral("restarted_at")},
    {QStringLiteral("briefing_answer"), QStringLiteral("answered_by"), QStringLiteral("answered_at")},
    {QStringLiteral("message"), QStringLiteral("created_by"), QStringLiteral("created_at")},
    {QStringLiteral("message_version"), QStringLiteral("drafted_by"), QStringLiteral("drafted_at")},
    {QStringLiteral("message_step"), QStringLiteral("done_by"), QStringLiteral("done_at")},
    {QStringLiteral("message_skip"), QStringLiteral("skipped_by"), QStringLiteral("skipped_at")},
    {QStringLiteral("stakeholder_notice"), QStringLiteral("told_by"), QStringLiteral("told_at")},
    {QStringLiteral("stakeholder_notice"), QStringLiteral("withdrawn_by"), QStringLiteral("withdrawn_at")},
    {QStringLiteral("inbound_question"), QStringLiteral("logged_by"), QStringLiteral("received_at")},
    {QStringLiteral("inbound_question"), QStringLiteral("answered_by"), QStringLiteral("answered_at")},
};

// Team-mode only, after the numbered steps: which roster person each login is, and the triggers
// that make the login the author. A responder's rows carry its roster name (its login name while
// it has none), whatever the client sent; admins write as given (imports keep their authors).
// The login is a responder and no admin; a group role missing from the cluster counts as not held.
QString stampedCondition()
{
    const auto member = [](ServerSchema::Group group) {
        return QStringLiteral("EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = '%1' AND pg_has_role(session_user, "
                              "r.oid, 'MEMBER'))")
            .arg(ServerSchema::groupRole(group));
    };
    return member(ServerSchema::Group::Responder) + QStringLiteral(" AND NOT ") + member(ServerSchema::Group::Admin);
}

// stamp_author's arguments are pairs: an author column and its time column ('' for none).
QStringList authorStatements()
{
    const QString schema = ServerConnection::schemaName();
    QStringList statements = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1.person_login (login TEXT PRIMARY KEY, person_id BIGINT NOT "
                       "NULL REFERENCES %1.person(id))")
            .arg(schema),
        QStringLiteral("CREATE OR REPLACE FUNCTION %1.session_author() RETURNS TEXT LANGUAGE sql STABLE AS $$ "
                       "SELECT COALESCE((SELECT p.name FROM %1.person p JOIN %1.person_login l ON l.person_id = p.id "
                       "WHERE l.login = session_user), session_user::text) $$")
            .arg(schema),
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION %1.stamp_author() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "DECLARE fresh jsonb := to_jsonb(NEW); stale jsonb; stamps jsonb := '{}'; i int := 0; "
            "BEGIN "
            "IF NOT pg_has_role(session_user, 'commandpost_responders', 'MEMBER') OR "
            "pg_has_role(session_user, 'commandpost_admins', 'MEMBER') THEN RETURN NEW; END IF; "
            "IF TG_OP = 'UPDATE' THEN stale := to_jsonb(OLD); END IF; "
            "WHILE i < TG_NARGS LOOP "
            "IF COALESCE(fresh->>TG_ARGV[i], '') <> '' AND (TG_OP = 'INSERT' "
            "OR fresh->TG_ARGV[i] IS DISTINCT FROM stale->TG_ARGV[i] "
            "OR (TG_ARGV[i + 1] <> '' AND fresh->TG_ARGV[i + 1] IS DISTINCT FROM stale->TG_ARGV[i + 1])) THEN "
            "stamps := stamps || jsonb_build_object(TG_ARGV[i], %1.session_author()); END IF; "
            "i := i + 2; END LOOP; "
            "IF stamps <> '{}' THEN NEW := jsonb_populate_record(NEW, stamps); END IF; "
            "RETURN NEW; END $$")
            .arg(schema),
    };
    QStringList tables;
    QHash<QString, QStringList> arguments;
    for (const AuthorColumn &column : AuthorColumns) {
        if (!arguments.contains(column.table))
            tables << column.table;
        arguments[column.table] << QStringLiteral("'%1'").arg(column.author) << QStringLiteral("'%1'").arg(column.at);
    }
    for (const QString &table : std::as_const(tables))
        statements << QStringLiteral("CREATE OR REPLACE TRIGGER %2_author BEFORE INSERT OR UPDATE ON %1.%2 FOR EACH "
                                     "ROW EXECUTE FUNCTION %1.stamp_author(%3)")
                          .arg(schema, table, arguments.value(table).join(QStringLiteral(", ")));
    return statements;
}

// A name in double quotes, as PostgreSQL reads an identifier; GRANT and CREATE ROLE take no
// bound values, so a login is always quoted this way and nothing in it is read as SQL.
QString quoteIdentifier(const QString &name)
{
    QString inner = name;
    inner.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + inner + QLatin1Char('"');
}

StoreError run(QSqlDatabase &db, const QString &sql, const QString &doing, const QVariantList &values = {})
{
    auto q = runStatement(db, sql, values, doing);
    return q ? StoreError() : q.error();
}

Result<bool> exists(QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &doing)
{
    auto q = runStatement(db, sql, values, doing);
    if (!q)
        return q.error();
    return q->next();
}

// The group roles, created once; a concurrent init on another database of the cluster may create
// one first, which is as good.
StoreError createGroups(QSqlDatabase &db)
{
    const QString doing = ServerSchema::tr("Creating the CommandPost group roles");
    for (ServerSchema::Group group : AllGroups) {
        const QString role = ServerSchema::groupRole(group);
        auto found = exists(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {role}, doing);
        if (!found)
            return found.error();
        if (*found)
            continue;
        if (StoreError error = run(db, QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(quoteIdentifier(role)), doing);
            !error.ok()) {
            auto again = exists(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {role}, doing);
            if (!again || !*again)
                return error;
        }
    }
    // Admins hand out the responder and observer roles ('server grant'); making an admin takes a
    // login that may create roles.
    const QString admins = quoteIdentifier(ServerSchema::groupRole(ServerSchema::Group::Admin));
    for (ServerSchema::Group group : {ServerSchema::Group::Responder, ServerSchema::Group::Observer}) {
        if (StoreError error = run(db,
                                   QStringLiteral("GRANT %1 TO %2 WITH ADMIN OPTION")
                                       .arg(quoteIdentifier(ServerSchema::groupRole(group)), admins),
                                   doing);
            !error.ok())
            return error;
    }
    return {};
}

Result<bool> groupsExist(QSqlDatabase &db)
{
    auto q = runStatement(db, QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname IN (?, ?, ?)"),
                          {ServerSchema::groupRole(ServerSchema::Group::Admin),
                           ServerSchema::groupRole(ServerSchema::Group::Responder),
                           ServerSchema::groupRole(ServerSchema::Group::Observer)},
                          ServerSchema::tr("Looking for the CommandPost group roles"));
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toInt() == 3;
}

// Runs one migration step (or the bootstrap) as the admins' group, so that what it creates is
// theirs, serialised against any other init and every writer by the dialect's write lock
// (WriteTransaction::begin takes it). 'asCaller' runs first, as the
// login itself (creating the schema takes the database's CREATE right, which the group lacks).
StoreError inAdminTransaction(QSqlDatabase &db, const QString &doing, const QStringList &statements,
                              const QStringList &asCaller = {})
{
    static const SqlDialect postgres(SqlDialect::Engine::Postgres);
    WriteTransaction tx(db, postgres, doing);
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    for (const QString &statement : asCaller) {
        if (StoreError error = tx.run(statement); !error.ok())
            return error;
    }
    if (StoreError error = tx.run(QStringLiteral("SET LOCAL ROLE %1")
                                      .arg(quoteIdentifier(ServerSchema::groupRole(ServerSchema::Group::Admin))));
        !error.ok())
        return error;
    for (const QString &statement : statements) {
        if (StoreError error = tx.run(statement); !error.ok())
            return error;
    }
    return tx.commit();
}

StoreError grantTables(QSqlDatabase &db)
{
    const QString schema = ServerConnection::schemaName();
    const QString responders = quoteIdentifier(ServerSchema::groupRole(ServerSchema::Group::Responder));
    const QString observers = quoteIdentifier(ServerSchema::groupRole(ServerSchema::Group::Observer));
    QStringList statements = {
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2, %3").arg(schema, responders, observers),
        QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2, %3").arg(schema, responders, observers),
        QStringLiteral("GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA %1 TO %2").arg(schema, responders),
        QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(schema, responders),
    };
    for (const QString &table : DeletableTables)
        statements << QStringLiteral("GRANT DELETE ON %1.%2 TO %3").arg(schema, table, responders);
    for (const QString &table : AdminOnlyTables)
        statements << QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON %1.%2 FROM %3").arg(schema, table, responders);
    return inAdminTransaction(db, ServerSchema::tr("Granting the CommandPost roles their tables"), statements);
}

} // namespace

QString ServerSchema::groupRole(Group group)
{
    switch (group) {
    case Group::Responder:
        return QStringLiteral("commandpost_responders");
    case Group::Observer:
        return QStringLiteral("commandpost_observers");
    case Group::Admin:
        return QStringLiteral("commandpost_admins");
    }
    return {};
}

QString ServerSchema::groupKey(Group group)
{
    switch (group) {
    case Group::Responder:
        return QStringLiteral("responder");
    case Group::Observer:
        return QStringLiteral("observer");
    case Group::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<ServerSchema::Group> ServerSchema::groupFromKey(const QString &key)
{
    for (Group group : AllGroups) {
        if (groupKey(group) == key.trimmed().toLower())
            return group;
    }
    return std::nullopt;
}

Result<int> ServerSchema::installedVersion(QSqlDatabase &db)
{
    const QString doing = tr("Reading the CommandPost schema version");
    auto table =
        exists(db, QStringLiteral("SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = 'schema_info'"),
               {ServerConnection::schemaName()}, doing);
    if (!table)
        return table.error();
    if (!*table)
        return 0;
    auto q = runStatement(db, QStringLiteral("SELECT version FROM %1.schema_info").arg(ServerConnection::schemaName()),
                          {}, doing);
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

StoreError ServerSchema::checkUsable(QSqlDatabase &db, const QString &serverName)
{
    auto version = installedVersion(db);
    if (!version)
        return version.error();
    if (*version == 0)
        return {StoreError::Code::FileMissing,
                tr("%1 has no CommandPost schema yet; an admin creates it with 'commandpost-cli --server SERVER server "
                   "init'.")
                    .arg(serverName)};
    if (*version > Schema::latestVersion())
        return {StoreError::Code::TooNew,
                tr("%1 was set up by a newer CommandPost (schema %2; this version knows up to "
                   "%3). Update CommandPost to use it.")
                    .arg(serverName)
                    .arg(*version)
                    .arg(Schema::latestVersion())};
    if (*version < Schema::latestVersion())
        return {StoreError::Code::TooOld, tr("%1 uses an older CommandPost schema (%2); an admin upgrades it with "
                                             "'commandpost-cli --server SERVER server init'.")
                                              .arg(serverName)
                                              .arg(*version)};
    return {};
}

Result<int> ServerSchema::install(QSqlDatabase &db)
{
    auto groups = groupsExist(db);
    if (!groups)
        return groups.error();
    if (!*groups) {
        if (StoreError error = createGroups(db); !error.ok())
            return error;
    }
    const QString schema = ServerConnection::schemaName();
    if (StoreError error = inAdminTransaction(
            db, tr("Creating the CommandPost schema"),
            {QStringLiteral("CREATE TABLE IF NOT EXISTS %1.schema_info (application TEXT NOT NULL, version INTEGER NOT "
                            "NULL)")
                 .arg(schema),
             QStringLiteral(
                 "INSERT INTO %1.schema_info (application, version) SELECT 'CommandPost', 0 WHERE NOT EXISTS "
                 "(SELECT 1 FROM %1.schema_info)")
                 .arg(schema)},
            {QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1 AUTHORIZATION %2")
                 .arg(schema, quoteIdentifier(groupRole(Group::Admin)))});
        !error.ok())
        return error;

    const SqlDialect postgres(SqlDialect::Engine::Postgres);
    for (const MigrationStep &step : Schema::steps(postgres)) {
        // Read again under the lock each time: another admin may be upgrading at the same moment.
        QStringList statements = step.statements;
        statements.prepend(QStringLiteral("SET LOCAL search_path TO %1").arg(schema));
        statements << QStringLiteral("UPDATE %1.schema_info SET version = %2").arg(schema).arg(step.version);
        auto current = installedVersion(db);
        if (!current)
            return current.error();
        if (*current >= step.version)
            continue;
        if (StoreError error =
                inAdminTransaction(db, tr("Upgrading the server to schema %1").arg(step.version), statements);
            !error.ok())
            return error;
    }
    if (StoreError error = inAdminTransaction(db, tr("Making the login the author"), authorStatements()); !error.ok())
        return error;
    if (StoreError error = grantTables(db); !error.ok())
        return error;
    return installedVersion(db);
}

StoreError ServerSchema::grant(QSqlDatabase &db, const QString &login, Group group)
{
    const QString doing = tr("Granting %1 the %2 role").arg(login, groupKey(group));
    if (StoreError error = requireLogin(db, login); !error.ok())
        return error;
    static const SqlDialect postgres(SqlDialect::Engine::Postgres);
    WriteTransaction tx(db, postgres, doing);
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    for (Group other : AllGroups) {
        if (other == group)
            continue;
        auto member =
            tx.exec(QStringLiteral("SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                                   "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = ? AND u.rolname = ?"),
                    {groupRole(other), login});
        if (!member)
            return member.error();
        const bool isMember = member->next();
        member->finish();
        if (isMember) {
            if (StoreError error = tx.run(
                    QStringLiteral("REVOKE %1 FROM %2").arg(quoteIdentifier(groupRole(other)), quoteIdentifier(login)));
                !error.ok())
                return error;
        }
    }
    if (StoreError error =
            tx.run(QStringLiteral("GRANT %1 TO %2").arg(quoteIdentifier(groupRole(group)), quoteIdentifier(login)));
        !error.ok())
        return error;
    return tx.commit();
}

StoreError ServerSchema::requireLogin(QSqlDatabase &db, const QString &login)
{
    auto found = runStatement(db, QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"), {login},
                              tr("Looking for the login %1").arg(login));
    if (!found)
        return found.error();
    if (!found->next())
        return {StoreError::Code::NotFound,
                tr("The server has no login '%1'; create it first (e.g. 'createuser --pwprompt %1' or CREATE ROLE … "
                   "LOGIN on a managed server).")
                    .arg(login)};
    if (!found->value(0).toBool())
        return {StoreError::Code::Invalid, tr("'%1' is a group role, not a login.").arg(login)};
    return {};
}

StoreError ServerSchema::revoke(QSqlDatabase &db, const QString &login)
{
    auto before = members(db);
    if (!before)
        return before.error();
    QList<Group> held;
    for (const Member &member : *before) {
        if (member.login == login)
            held << member.group;
    }
    if (held.isEmpty())
        return {StoreError::Code::NotFound, tr("'%1' holds no CommandPost role on this server.").arg(login)};
    static const SqlDialect postgres(SqlDialect::Engine::Postgres);
    WriteTransaction tx(db, postgres, tr("Taking the CommandPost roles from %1").arg(login));
    if (StoreError error = tx.begin(); !error.ok())
        return error;
    for (Group group : held) {
        if (StoreError error = tx.run(
                QStringLiteral("REVOKE %1 FROM %2").arg(quoteIdentifier(groupRole(group)), quoteIdentifier(login)));
            !error.ok())
            return error;
    }
    return tx.commit();
}

QString ServerSchema::linkLoginStatement()
{
    return QStringLiteral("INSERT INTO %1.person_login (login, person_id) VALUES (?, ?) ON CONFLICT (login) DO UPDATE "
                          "SET person_id = EXCLUDED.person_id")
        .arg(ServerConnection::schemaName());
}

Result<QList<ServerSchema::Member>> ServerSchema::members(QSqlDatabase &db)
{
    auto q =
        runStatement(db,
                     QStringLiteral("SELECT u.rolname, r.rolname FROM pg_auth_members m "
                                    "JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                                    "WHERE r.rolname IN (?, ?, ?) AND u.rolcanlogin ORDER BY u.rolname, r.rolname"),
                     {groupRole(Group::Admin), groupRole(Group::Responder), groupRole(Group::Observer)},
                     tr("Listing who holds the CommandPost roles"));
    if (!q)
        return q.error();
    QList<Member> list;
    while (q->next()) {
        for (Group group : AllGroups) {
            if (groupRole(group) == q->value(1).toString())
                list.append({q->value(0).toString(), group});
        }
    }
    return list;
}

Result<std::optional<ServerSchema::Group>> ServerSchema::currentGroup(QSqlDatabase &db)
{
    for (Group group : AllGroups) {
        auto q = runStatement(db, QStringLiteral("SELECT pg_has_role(session_user, ?, 'MEMBER')"), {groupRole(group)},
                              tr("Reading the login's CommandPost role"));
        if (!q)
            return q.error();
        if (q->next() && q->value(0).toBool())
            return std::optional<Group>(group);
    }
    return std::optional<Group>();
}

QString ServerSchema::stampedAuthorQuery()
{
    return QStringLiteral("SELECT CASE WHEN %1 THEN %2.session_author() END")
        .arg(stampedCondition(), ServerConnection::schemaName());
}

} // namespace cp
