#include "cliapp.h"

#include "backupcommands.h"
#include "businesscommands.h"
#include "checkcommand.h"
#include "clicontext.h"
#include "commandline.h"
#include "exchangecommands.h"
#include "exitcode.h"
#include "incidentcommands.h"
#include "initcommand.h"
#include "logcommand.h"
#include "peoplecommands.h"
#include "rolecommands.h"
#include "rollcallcommands.h"
#include "templatecommands.h"
#include "timelinecommand.h"
#include "timercommands.h"

#include <QCommandLineParser>

namespace cp::cli {

QList<CliApp::Command> CliApp::commands()
{
    return {
        {QStringLiteral("init"), &InitCommand::run},
        {QStringLiteral("incident"), &IncidentCommands::run},
        {QStringLiteral("log"), &LogCommand::run},
        {QStringLiteral("timeline"), &TimelineCommand::run},
        {QStringLiteral("check"), &CheckCommand::run},
        {QStringLiteral("backup"), &BackupCommands::backup},
        {QStringLiteral("restore"), &BackupCommands::restore},
        // The response structure, the roster and the role templates.
        {QStringLiteral("roles"), &RoleCommands::roles},
        {QStringLiteral("assign"), &RoleCommands::assign},
        {QStringLiteral("handover"), &RoleCommands::handOver},
        {QStringLiteral("release"), &RoleCommands::release},
        {QStringLiteral("take-command"), &RoleCommands::takeCommand},
        {QStringLiteral("subteam"), &RoleCommands::subTeam},
        {QStringLiteral("people"), &PeopleCommands::run},
        {QStringLiteral("departments"), &PeopleCommands::runDepartments},
        {QStringLiteral("templates"), &TemplateCommands::run},
        // Countdowns, cadences and stopwatches.
        {QStringLiteral("timer"), &TimerCommands::run},
        // The roll call with CAN reports, the missed list, actions and decisions.
        {QStringLiteral("rollcall"), &RollCallCommands::rollCall},
        {QStringLiteral("action"), &RollCallCommands::action},
        {QStringLiteral("decision"), &RollCallCommands::decision},
        // Business incident mode: emergency operations, messages, departments, inbound questions.
        {QStringLiteral("business"), &BusinessCommands::business},
        {QStringLiteral("message"), &BusinessCommands::message},
        {QStringLiteral("notify"), &BusinessCommands::notify},
        {QStringLiteral("inbound"), &BusinessCommands::inbound},
        // Exports in every format, the whole-incident import, the postmortem owner.
        {QStringLiteral("export"), &ExchangeCommands::exportIncident},
        {QStringLiteral("import"), &ExchangeCommands::importIncident},
        {QStringLiteral("postmortem"), &ExchangeCommands::postmortem},
    };
}

QString CliApp::helpText() const
{
    return tr("Usage: commandpost-cli [--db FILE] [--busy-timeout MS] COMMAND [options]\n"
              "\n"
              "Scripts a CommandPost incident database without a display. Output is meant for scripts:\n"
              "ids alone, tab-separated text, CSV or JSON.\n"
              "\n"
              "Commands:\n"
              "  init                          create the database (or upgrade it) and print its path\n"
              "  incident new --title T --severity SEV-n [--kind K] [--summary S] [--template KEY|none] [--author A]\n"
              "                                declare an incident with its roles; prints its id\n"
              "  incident list [--format text|json]\n"
              "  incident show ID [--format text|json]\n"
              "  incident set ID [--severity SEV-n] [--status S] [--title T] [--summary S] [--author A]\n"
              "  log --incident ID [--kind K] [--author A] [--at TIME] [--key] [--tag T]... TEXT...\n"
              "                                add a timeline entry; prints its id once saved\n"
              "  log --incident ID --stdin     one entry per non-empty input line; prints each id once saved\n"
              "  timeline --incident ID [--format text|csv|json]\n"
              "  check                         verify the database read-only; prints counts and \"ok\"\n"
              "  backup [-o FILE]              a consistent, verified copy of the live database (0600)\n"
              "  restore FILE [--no-safety-copy]  replace the content with a backup (refused while a window has it)\n"
              "\n"
              "  roles --incident ID [--format text|json]   the role tree, who holds what, the chat topic\n"
              "  roles apply --incident ID --template KEY [--under ROLEKEY]\n"
              "  assign --incident ID --role KEY --person WHO [--author A]   prints the assignment id\n"
              "  handover --incident ID --role KEY --to WHO [--from WHO] [--author A]\n"
              "  release --incident ID --role KEY --person WHO [--author A]\n"
              "  take-command --incident ID [--outgoing-becomes-deputy] [--author A]\n"
              "                                the Deputy takes command; prints the catch-up summary\n"
              "  subteam add --incident ID --name NAME [--author A]   prints the new role keys\n"
              "  people list [--format text|json|csv]\n"
              "  people add --name N --handle H [--team T] [--department D] [--contact C]\n"
              "             [--trained ROLE,...] [--trainee]   prints the new person's id\n"
              "  people import FILE.csv        a people or departments file, all or nothing; prints the count\n"
              "  departments list [--format text|json|csv]\n"
              "  templates list [--format text|json]\n"
              "  templates show KEY [--format text|json]\n"
              "\n"
              "  timer start --incident ID --in 5m --label T [--owner ROLE]      a countdown; prints its id\n"
              "  timer every --incident ID --period 20m --label T [--owner ROLE] a recurring cadence\n"
              "  timer stopwatch --incident ID --label T [--since declared|TIME]\n"
              "  timer list --incident ID [--all] [--format text|json]   remaining/overdue computed now\n"
              "  timer ack|pause|resume|restart|cancel ID        timer snooze ID --by 3m\n"
              "  timer defaults --incident ID                  the cadences of the incident's severity\n"
              "\n"
              "  rollcall start --incident ID [--roles K1,K2|--subteam NAME] [--timebox 5m]   prints its id\n"
              "  rollcall answer ROLE --incident ID [--person WHO] --condition C [--text T] [--actions T]\n"
              "                  [--needs T] [--needs-action]   a CAN report; Needs become an action in one step\n"
              "  rollcall miss|skip|undo ROLE --incident ID    rollcall dismiss ITEM    rollcall end --incident ID\n"
              "  rollcall status --incident ID [--round N] [--format text|json]   the round and the missed list\n"
              "  action add --incident ID (--text T|--from-item ITEM) [--owner ROLE] [--owner-person WHO]\n"
              "             [--status S] [--timebox 15m] [--follow-up]    action set ID …    action list …\n"
              "  decision add --incident ID --proposal T [--objections none|TEXT] [--outcome O]    decision list …\n"
              "\n"
              "  business declare --incident ID | --title T --severity SEV-n   emergency operations\n"
              "  business add|halt|restart|normal|skip|brief|status …   the checklist, the grid, the briefing\n"
              "  message draft|revise|review|approve|authorise|send|list|show …   the approval chain\n"
              "  notify --incident ID [DEPARTMENT] [--method HOW]   a department told; without one, the list\n"
              "  inbound log|answer|list …      media and social questions\n"
              "\n"
              "  export --incident ID --format md|html|pdf|json|csv|ics201|ics207|ics214 [-o FILE]\n"
              "                                postmortem draft, whole incident, timeline or ICS-style form\n"
              "  import FILE.json              a whole-incident document as a new incident; prints its id\n"
              "  postmortem set --incident ID --owner WHO [--due TIME]   prints the due time\n"
              "  postmortem show --incident ID [--format text|json]\n"
              "\n"
              "  help [COMMAND]                this help, or a command's\n"
              "\n"
              "Global options (also accepted after the command):\n"
              "  --db FILE          the database (default: %1)\n"
              "  --busy-timeout MS  how long a write waits for another program's lock (default %2)\n"
              "  -h, --help         show help; 'commandpost-cli COMMAND --help' for one command\n"
              "  -v, --version      show the version\n"
              "\n"
              "Environment:\n"
              "  COMMANDPOST_AUTHOR the author when --author is not given (else the login name, else \"cli\")\n"
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
    if (name == QLatin1String("help"))
        return help(rest.mid(1));
    for (const Command &command : commands()) {
        if (command.name == name)
            return command.handler(m_context, rest.mid(1));
    }
    return m_context.usageError(tr("unknown command '%1'").arg(name));
}

} // namespace cp::cli
