#include "cliapp.h"

#include "clicontext.h"
#include "commandline.h"
#include "exitcode.h"

#include <QCommandLineParser>

namespace cp::cli {

CliApp::CliApp(CliContext &context)
    : m_context(context), m_table([this](CommandCall &call) { return help(call.line().positionalArguments()); })
{
}

QString CliApp::helpText() const
{
    return tr("Usage: commandpost-cli [--db FILE | --server SERVER] [--busy-timeout MS] COMMAND [options]\n"
              "\n"
              "Scripts a CommandPost incident database without a display. Output is meant for scripts:\n"
              "ids alone, tab-separated text, CSV or JSON.\n"
              "\n"
              "Commands:\n") +
           m_table.commandList() +
           tr("\n"
              "Global options (also accepted after the command):\n"
              "  --db FILE          the database (default: %1)\n"
              "  --server SERVER    a team server (PostgreSQL) instead: host=… dbname=…, postgresql://…\n"
              "                     or service=NAME; passwords from ~/.pgpass, PGPASSWORD or the keyring\n"
              "  --busy-timeout MS  how long a write waits for another program's lock (default %2)\n"
              "  -h, --help         show help; 'commandpost-cli COMMAND --help' for one command\n"
              "  -v, --version      show the version\n"
              "\n"
              "Environment:\n"
              "  COMMANDPOST_AUTHOR the author when --author is not given (else the login name, else \"cli\")\n"
              "  COMMANDPOST_SERVER the team server when neither --db nor --server is given\n"
              "\n")
               .arg(m_context.databasePath())
               .arg(CliContext::DefaultBusyTimeoutMs) +
           ExitCodes::helpTable();
}

int CliApp::help(const QStringList &topic)
{
    if (topic.isEmpty()) {
        m_context.out() << helpText();
        return m_context.finish();
    }
    return run(QStringList{QStringLiteral("commandpost-cli")} + topic + QStringList{QStringLiteral("--help")});
}

int CliApp::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    // Everything from the command name on belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addOption(CommandLine::databaseOption());
    parser.addOption(CommandLine::serverOption());
    parser.addOption(CommandLine::busyTimeoutOption());
    parser.addOption(CommandLine::helpOption());
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     tr("Show the version."));
    parser.addOption(version);
    if (!parser.parse(arguments))
        return m_context.usageError(parserError(parser));
    if (auto problem = CommandLine::applyGlobalOptions(parser, m_context))
        return m_context.usageError(*problem);
    if (parser.isSet(version)) {
        m_context.out() << QStringLiteral("commandpost-cli ") << QCoreApplication::applicationVersion()
                        << QLatin1Char('\n');
        return m_context.finish();
    }
    const QStringList rest = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help")))
        return help(rest.mid(0, 1));
    if (rest.isEmpty())
        return m_context.usageError(tr("no command given"));

    const QString name = rest.constFirst();
    const QString second = rest.value(1);
    if (const Command *command = m_table.find(name, second)) {
        const bool isSubcommand = !command->subcommand().isEmpty();
        return command->execute(m_context, rest.mid(isSubcommand ? 2 : 1));
    }
    if (!m_table.group(name).isEmpty())
        return group(name, second);
    return m_context.usageError(tr("unknown command '%1'").arg(name));
}

int CliApp::group(const QString &name, const QString &sub)
{
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        m_context.out() << m_table.groupHelp(name);
        return m_context.finish();
    }
    QStringList names = m_table.subcommandNames(name);
    const QString last = names.takeLast();
    const QString choices = names.isEmpty() ? last : tr("%1 or %2").arg(names.join(QStringLiteral(", ")), last);
    if (sub.isEmpty())
        return m_context.usageError(tr("'%1' needs a subcommand: %2").arg(name, choices), name);
    return m_context.usageError(tr("unknown subcommand '%1 %2'; use %3").arg(name, sub, choices), name);
}

} // namespace cp::cli
