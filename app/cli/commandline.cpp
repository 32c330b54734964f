#include "commandline.h"

#include "clicontext.h"
#include "server/serveraddress.h"

namespace cp::cli {

CommandLine::CommandLine(CliContext &context, QString command, QString synopsis, const QString &description)
    : m_context(context), m_command(std::move(command)), m_synopsis(std::move(synopsis))
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(databaseOption());
    m_parser.addOption(serverOption());
    m_parser.addOption(busyTimeoutOption());
    m_parser.addOption(helpOption());
}

void CommandLine::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
}

void CommandLine::addPositionalArgument(const QString &name, const QString &description, const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

std::optional<int> CommandLine::parse(const QStringList &arguments)
{
    if (!m_parser.parse(QStringList{QStringLiteral("commandpost-cli")} + arguments))
        return usageError(parserError(m_parser));
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_context.out() << helpText();
        return m_context.finish();
    }
    if (auto problem = applyGlobalOptions(m_parser, m_context))
        return usageError(*problem);
    return std::nullopt;
}

int CommandLine::usageError(const QString &message) const
{
    return m_context.usageError(message, m_command);
}

std::optional<qint64> CommandLine::requiredId(const QString &option, int *exitCode) const
{
    if (!m_parser.isSet(option)) {
        *exitCode = usageError(tr("--%1 is required").arg(option));
        return std::nullopt;
    }
    const auto id = parseId(m_parser.value(option));
    if (!id)
        *exitCode = usageError(tr("--%1 needs an id, not '%2'").arg(option, m_parser.value(option)));
    return id;
}

std::optional<QString> CommandLine::requiredValue(const QString &option, int *exitCode) const
{
    if (!m_parser.isSet(option)) {
        *exitCode = usageError(tr("--%1 is required").arg(option));
        return std::nullopt;
    }
    const QString value = m_parser.value(option).trimmed();
    if (value.isEmpty()) {
        *exitCode = usageError(tr("--%1 needs a value").arg(option));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> CommandLine::format(const QStringList &allowed, int *exitCode) const
{
    const QString value =
        m_parser.isSet(QStringLiteral("format")) ? m_parser.value(QStringLiteral("format")) : allowed.value(0);
    if (allowed.contains(value))
        return value;
    QStringList choices = allowed;
    const QString last = choices.takeLast();
    *exitCode =
        usageError(tr("--format must be %1 or %2, not '%3'").arg(choices.join(QStringLiteral(", ")), last, value));
    return std::nullopt;
}

bool CommandLine::noExtraArguments(int allowed, int *exitCode) const
{
    const QStringList args = m_parser.positionalArguments();
    if (args.size() <= allowed)
        return true;
    *exitCode = usageError(tr("unexpected argument '%1'").arg(args.at(allowed)));
    return false;
}

std::optional<QStringList> CommandLine::requiredValues(const QStringList &options, int *exitCode) const
{
    QStringList values;
    for (const QString &option : options) {
        const auto value = requiredValue(option, exitCode);
        if (!value)
            return std::nullopt;
        values << *value;
    }
    return values;
}

std::optional<CommandLine::Required> CommandLine::required(const QString &idOption, const QStringList &valueOptions,
                                                           int *exitCode) const
{
    if (!noExtraArguments(0, exitCode))
        return std::nullopt;
    const auto id = requiredId(idOption, exitCode);
    if (!id)
        return std::nullopt;
    auto values = requiredValues(valueOptions, exitCode);
    if (!values)
        return std::nullopt;
    return Required{*id, std::move(*values)};
}

QString CommandLine::author() const
{
    return m_parser.isSet(QStringLiteral("author")) ? m_parser.value(QStringLiteral("author"))
                                                    : CliContext::defaultAuthor();
}

QCommandLineOption CommandLine::authorOption()
{
    return QCommandLineOption(QStringLiteral("author"),
                              tr("Who makes the change (default: $COMMANDPOST_AUTHOR, else the login name, else "
                                 "\"cli\")."),
                              tr("NAME"));
}

QCommandLineOption CommandLine::formatOption(const QStringList &allowed)
{
    QStringList choices = allowed;
    const QString last = choices.takeLast();
    return QCommandLineOption(
        QStringLiteral("format"),
        tr("Output format: %1 or %2 (default %3).").arg(choices.join(QStringLiteral(", ")), last, allowed.constFirst()),
        tr("FORMAT"), allowed.constFirst());
}

QString CommandLine::helpText() const
{
    // Qt's first line names the executable only; replace it with the full command.
    QString text = m_parser.helpText();
    const qsizetype firstBreak = text.indexOf(QLatin1Char('\n'));
    text = tr("Usage: commandpost-cli %1 %2").arg(m_command, m_synopsis) + text.mid(firstBreak);
    return text;
}

QCommandLineOption CommandLine::databaseOption()
{
    return QCommandLineOption(QStringLiteral("db"),
                              tr("The database file (default: the one the CommandPost window uses)."), tr("FILE"));
}

QCommandLineOption CommandLine::serverOption()
{
    return QCommandLineOption(QStringLiteral("server"),
                              tr("A team server (PostgreSQL) instead of a file: a libpq connection string, a "
                                 "postgresql:// URI or service=NAME (default: $COMMANDPOST_SERVER)."),
                              tr("SERVER"));
}

QCommandLineOption CommandLine::busyTimeoutOption()
{
    return QCommandLineOption(QStringLiteral("busy-timeout"),
                              tr("How long a write waits for another program's lock, in milliseconds (default %1).")
                                  .arg(CliContext::DefaultBusyTimeoutMs),
                              tr("MS"));
}

QCommandLineOption CommandLine::helpOption()
{
    return QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
}

std::optional<QString> CommandLine::applyGlobalOptions(const QCommandLineParser &parser, CliContext &context)
{
    if (parser.isSet(QStringLiteral("db"))) {
        const QString path = parser.value(QStringLiteral("db"));
        if (path.isEmpty())
            return tr("--db needs a file name");
        context.setDatabasePath(path);
    }
    if (parser.isSet(QStringLiteral("server"))) {
        if (parser.isSet(QStringLiteral("db")))
            return tr("--db names a file and --server a team server; give one of them");
        const QString server = parser.value(QStringLiteral("server"));
        if (server.trimmed().isEmpty())
            return tr("--server needs a server address");
        if (auto address = ServerAddress::parse(server); !address)
            return address.error().message();
        context.setServer(server);
    }
    if (parser.isSet(QStringLiteral("busy-timeout"))) {
        bool ok = false;
        const int ms = parser.value(QStringLiteral("busy-timeout")).toInt(&ok);
        if (!ok || ms < 0)
            return tr("--busy-timeout needs a number of milliseconds, not '%1'")
                .arg(parser.value(QStringLiteral("busy-timeout")));
        context.setBusyTimeoutMs(ms);
    }
    return std::nullopt;
}

QString parserError(const QCommandLineParser &parser)
{
    QString text = parser.errorText().trimmed();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1); // "Unknown option 'x'." reads better followed by the pointer to --help
    return text;
}

std::optional<qint64> parseId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.trimmed().toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

} // namespace cp::cli
