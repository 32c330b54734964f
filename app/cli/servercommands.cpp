#include "servercommands.h"

#include "cliformat.h"
#include "server/servercheck.h"
#include "server/serverconnection.h"
#include "server/serverkeyring.h"
#include "server/serverschema.h"

#include <istream>
#include <memory>
#include <string>

namespace cp::cli {

namespace {

// The server the command names, connected; nullptr once the problem was reported (*exitCode).
std::unique_ptr<cp::ServerConnection> connect(CommandCall &call, int *exitCode)
{
    const QString server = call.context().server();
    if (server.isEmpty()) {
        *exitCode = call.usageError(ServerCommands::tr("name the server with --server SERVER or COMMANDPOST_SERVER"));
        return nullptr;
    }
    auto address = ServerAddress::parse(server);
    if (!address) {
        *exitCode = call.fail(address.error());
        return nullptr;
    }
    auto connection = std::make_unique<cp::ServerConnection>();
    if (StoreError error = connection->open(*address); !error.ok()) {
        *exitCode = call.fail(error);
        return nullptr;
    }
    return connection;
}

// connect() for a command that takes no arguments.
std::unique_ptr<cp::ServerConnection> connectWithoutArguments(CommandCall &call, int *exitCode)
{
    if (!call.line().noExtraArguments(0, exitCode))
        return nullptr;
    return connect(call, exitCode);
}

// The LOGIN argument: exactly one.
std::optional<QString> loginArgument(CommandCall &call, int *exitCode)
{
    const QStringList args = call.line().positionalArguments();
    if (args.isEmpty()) {
        *exitCode = call.usageError(ServerCommands::tr("name the login"));
        return std::nullopt;
    }
    if (!call.line().noExtraArguments(1, exitCode))
        return std::nullopt;
    const QString login = args.constFirst().trimmed();
    if (login.isEmpty()) {
        *exitCode = call.usageError(ServerCommands::tr("name the login"));
        return std::nullopt;
    }
    return login;
}

} // namespace

QList<Command> ServerCommands::commands()
{
    const QString roles = tr("responder (reads, writes incidents), observer (reads only) or admin (schema, roster)");
    return {
        Command(QStringLiteral("server init"), QString(),
                tr("create or upgrade the CommandPost schema on a team server"))
            .describe(tr("Creates the CommandPost schema (the same numbered steps as a database file) and the group "
                         "roles commandpost_responders, commandpost_observers and commandpost_admins on the server, "
                         "or upgrades a schema an older CommandPost made, then prints the schema version. The first "
                         "run needs a login that may create roles and schemas (the database's owner on a managed "
                         "server); later upgrades need an admin."))
            .run(&ServerCommands::init),
        Command(QStringLiteral("server grant"), QStringLiteral("LOGIN --as ROLE"),
                tr("give a server login a CommandPost role"))
            .describe(tr("Makes LOGIN (a login role that exists on the server) a %1, and nothing else: a login "
                         "holds one CommandPost role. Admins may hand out responder and observer; making an admin "
                         "takes a login that may create roles.")
                          .arg(roles))
            .argument(QStringLiteral("LOGIN"), tr("The server login (its PostgreSQL role name)."))
            .option({QStringLiteral("as"), tr("responder, observer or admin."), tr("ROLE")})
            .run(&ServerCommands::grant),
        Command(QStringLiteral("server revoke"), QStringLiteral("LOGIN"), tr("take a login's CommandPost role"))
            .describe(tr("Takes every CommandPost role from LOGIN; it can no longer read or write incidents. The "
                         "login itself stays on the server."))
            .argument(QStringLiteral("LOGIN"), tr("The server login."))
            .run(&ServerCommands::revoke),
        Command(QStringLiteral("server link"), QStringLiteral("LOGIN --person WHO"),
                tr("say which roster person a server login is"))
            .describe(tr("Links LOGIN to a person of the roster (handle or name): everything a responder with that "
                         "login writes carries the person's name, set by the server whatever the client sends. A "
                         "responder without a link writes as its login name. Admins only."))
            .argument(QStringLiteral("LOGIN"), tr("The server login."))
            .option({QStringLiteral("person"), tr("The roster person: a handle or a name."), tr("WHO")})
            .writes()
            .run(&ServerCommands::link),
        Command(QStringLiteral("server members"), QString(), tr("list the logins and their CommandPost roles"))
            .describe(tr("Prints one line per login: its name and its role (responder, observer or admin)."))
            .formats({QStringLiteral("text"), QStringLiteral("json")})
            .run(&ServerCommands::members),
        Command(QStringLiteral("server password"), QString(), tr("keep this login's password in the desktop keyring"))
            .describe(tr("Reads a password from the first line of standard input and keeps it in the desktop "
                         "keyring for the server's login (user@host:port/database), where CommandPost finds it when "
                         "the server asks for a password that ~/.pgpass and PGPASSWORD do not give. It is never "
                         "written to a settings file. --forget removes it."))
            .option({QStringLiteral("forget"), tr("Remove the kept password instead.")})
            .run(&ServerCommands::password),
        Command(QStringLiteral("server check"), QString(),
                tr("check the server's CommandPost data read-only; prints counts and \"ok\""))
            .describe(tr("Checks the team server without changing its data: PostgreSQL's amcheck on every index "
                         "and table of the CommandPost schema (its extension is created when missing and the login "
                         "may), and the change log (every entry has its change, change ids are unique and in the "
                         "order the entries were made, every delivered outbox entry is on the timeline once). "
                         "Prints the counts, then \"ok\"; any problem is listed (\"problem<TAB>…\") and the exit "
                         "code is not zero. Run it as a superuser for amcheck; without it the storage is not "
                         "checked and the command says so (exit 77)."))
            .run(&ServerCommands::check),
    };
}

int ServerCommands::init(CommandCall &call)
{
    int exitCode = 0;
    auto connection = connectWithoutArguments(call, &exitCode);
    if (!connection)
        return exitCode;
    auto version = ServerSchema::install(connection->database());
    if (!version)
        return call.fail(version.error());
    call.out() << tr("%1: CommandPost schema %2").arg(connection->address().displayName()).arg(*version)
               << QLatin1Char('\n');
    return call.finish();
}

int ServerCommands::grant(CommandCall &call)
{
    int exitCode = 0;
    const auto login = loginArgument(call, &exitCode);
    if (!login)
        return exitCode;
    if (!call.isSet(QStringLiteral("as")))
        return call.usageError(tr("--as is required: responder, observer or admin"));
    const auto group = ServerSchema::groupFromKey(call.value(QStringLiteral("as")));
    if (!group)
        return call.usageError(
            tr("--as must be responder, observer or admin, not '%1'").arg(call.value(QStringLiteral("as"))));
    auto connection = connect(call, &exitCode);
    if (!connection)
        return exitCode;
    return call.finish(ServerSchema::grant(connection->database(), *login, *group));
}

int ServerCommands::revoke(CommandCall &call)
{
    int exitCode = 0;
    const auto login = loginArgument(call, &exitCode);
    if (!login)
        return exitCode;
    auto connection = connect(call, &exitCode);
    if (!connection)
        return exitCode;
    return call.finish(ServerSchema::revoke(connection->database(), *login));
}

int ServerCommands::link(CommandCall &call)
{
    int exitCode = 0;
    const auto login = loginArgument(call, &exitCode);
    if (!login)
        return exitCode;
    if (call.value(QStringLiteral("person")).trimmed().isEmpty())
        return call.usageError(tr("--person is required: a handle or a name from the roster"));
    if (call.context().server().isEmpty())
        return call.usageError(tr("name the server with --server SERVER or COMMANDPOST_SERVER"));
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto person = store->roster().findPerson(call.value(QStringLiteral("person")));
    if (!person)
        return call.fail(person.error());
    return call.finish(store->roster().linkLogin(*login, person->id));
}

int ServerCommands::members(CommandCall &call)
{
    int exitCode = 0;
    auto connection = connectWithoutArguments(call, &exitCode);
    if (!connection)
        return exitCode;
    return call.printRows(
        ServerSchema::members(connection->database()),
        [](const ServerSchema::Member &m) {
            return QJsonObject{{QStringLiteral("login"), m.login},
                               {QStringLiteral("role"), ServerSchema::groupKey(m.group)}};
        },
        [](const ServerSchema::Member &m) { return m.login + QLatin1Char('\t') + ServerSchema::groupKey(m.group); });
}

int ServerCommands::password(CommandCall &call)
{
    int exitCode = 0;
    if (!call.line().noExtraArguments(0, &exitCode))
        return exitCode;
    const QString server = call.context().server();
    if (server.isEmpty())
        return call.usageError(tr("name the server with --server SERVER or COMMANDPOST_SERVER"));
    auto address = ServerAddress::parse(server);
    if (!address)
        return call.fail(address.error());
    if (call.isSet(QStringLiteral("forget")))
        return call.finish(ServerKeyring::forget(address->keyringKey()));
    std::string line;
    if (!std::getline(call.context().in(), line) || line.empty())
        return call.fail(StoreError(StoreError::Code::Invalid, tr("No password on standard input; nothing was kept.")));
    return call.finish(ServerKeyring::setPassword(address->keyringKey(), QString::fromStdString(line)));
}

int ServerCommands::check(CommandCall &call)
{
    int exitCode = 0;
    auto connection = connectWithoutArguments(call, &exitCode);
    if (!connection)
        return exitCode;
    auto report = ServerCheck::run(connection->database());
    if (!report)
        return call.fail(report.error());
    QTextStream &out = call.out();
    out << QStringLiteral("server\t") << connection->address().displayName() << QLatin1Char('\n');
    out << QStringLiteral("schema\t") << report->schemaVersion << QLatin1Char('\n');
    out << QStringLiteral("incidents\t") << report->incidents << QLatin1Char('\n');
    out << QStringLiteral("entries\t") << report->entries << QLatin1Char('\n');
    out << QStringLiteral("changes\t") << report->changes << QLatin1Char('\n');
    out << QStringLiteral("deliveries\t") << report->deliveries << QLatin1Char('\n');
    if (report->storageNotChecked.isEmpty()) {
        out << QStringLiteral("indexes\t") << report->indexesChecked << QLatin1Char('\n');
        out << QStringLiteral("tables\t") << report->tablesChecked << QLatin1Char('\n');
    }
    for (const QString &problem : std::as_const(report->problems))
        out << QStringLiteral("problem\t") << CliFormat::field(problem) << QLatin1Char('\n');
    if (!report->problems.isEmpty())
        return call.fail(StoreError(StoreError::Code::Corrupt,
                                    tr("%1: %n problem(s) found, the first: %2", nullptr, int(report->problems.size()))
                                        .arg(connection->address().displayName(), report->problems.constFirst())));
    if (!report->storageNotChecked.isEmpty())
        return call.fail(StoreError(StoreError::Code::Denied,
                                    tr("%1: the change log is consistent, but the storage was not checked: %2")
                                        .arg(connection->address().displayName(), report->storageNotChecked)));
    out << QStringLiteral("ok\n");
    return call.finish();
}

} // namespace cp::cli
