#include "commandtable.h"

#include "actioncommands.h"
#include "backupcommands.h"
#include "businesscommands.h"
#include "checkcommand.h"
#include "exchangecommands.h"
#include "incidentcommands.h"
#include "initcommand.h"
#include "logcommand.h"
#include "messagecommands.h"
#include "peoplecommands.h"
#include "rolecommands.h"
#include "rollcallcommands.h"
#include "servercommands.h"
#include "stakeholdercommands.h"
#include "templatecommands.h"
#include "timelinecommand.h"
#include "timercommands.h"

namespace cp::cli {

namespace {

// "  left                          right": the right column starts at column 32, on the next line
// when the left one is too long.
QString listLine(const QString &left, const QString &right)
{
    constexpr qsizetype Column = 32;
    const QString line = QStringLiteral("  ") + left;
    if (right.isEmpty())
        return line + QLatin1Char('\n');
    if (line.size() <= Column - 2)
        return line.leftJustified(Column) + right + QLatin1Char('\n');
    return line + QLatin1Char('\n') + QString(Column, QLatin1Char(' ')) + right + QLatin1Char('\n');
}

QString withSynopsis(const QString &words, const QString &synopsis)
{
    return synopsis.isEmpty() ? words : words + QLatin1Char(' ') + synopsis;
}

} // namespace

CommandTable::CommandTable(Command::Handler help)
{
    m_sections = {
        InitCommand::commands() + IncidentCommands::commands() + LogCommand::commands() + TimelineCommand::commands() +
            CheckCommand::commands() + BackupCommands::commands(),
        // The response structure, the roster and the role templates.
        RoleCommands::commands() + PeopleCommands::commands() + TemplateCommands::commands(),
        // Countdowns, cadences and stopwatches.
        TimerCommands::commands(),
        // The roll call with CAN reports, the missed list, actions and decisions.
        RollCallCommands::commands() + ActionCommands::commands(),
        // Business incident mode: emergency operations, messages, departments, inbound questions.
        BusinessCommands::commands() + MessageCommands::commands() + StakeholderCommands::commands(),
        // Exports in every format, the whole-incident import, the postmortem owner.
        ExchangeCommands::commands(),
        // Team mode: setting up a PostgreSQL server and its permissions.
        ServerCommands::commands(),
        {Command(QStringLiteral("help"), QStringLiteral("[COMMAND]"), tr("this help, or a command's"))
             .describe(tr("Prints the help, or a command's: 'commandpost-cli help timer start' is "
                          "'commandpost-cli timer start --help'."))
             .argument(QStringLiteral("COMMAND"), tr("A command, or a command and its subcommand."),
                       QStringLiteral("[COMMAND]"), true)
             .run(std::move(help))},
    };
}

QList<const Command *> CommandTable::commands() const
{
    QList<const Command *> all;
    for (const QList<Command> &section : m_sections) {
        for (const Command &command : section)
            all << &command;
    }
    return all;
}

const Command *CommandTable::find(const QString &first, const QString &second) const
{
    const Command *single = nullptr;
    for (const Command *command : commands()) {
        if (command->group() != first)
            continue;
        if (command->subcommand().isEmpty())
            single = command;
        else if (!second.isEmpty() && command->answersTo(second))
            return command;
    }
    return single;
}

QList<const Command *> CommandTable::group(const QString &name) const
{
    QList<const Command *> members;
    for (const Command *command : commands()) {
        if (command->group() == name && !command->subcommand().isEmpty())
            members << command;
    }
    return members;
}

QStringList CommandTable::subcommandNames(const QString &name) const
{
    QStringList names;
    for (const Command *command : group(name))
        names << command->subcommand();
    return names;
}

QString CommandTable::commandList() const
{
    QStringList paragraphs;
    for (const QList<Command> &section : m_sections) {
        QString paragraph;
        for (const Command &command : section)
            paragraph += listLine(withSynopsis(command.name(), command.synopsis()), command.summary());
        paragraphs << paragraph;
    }
    return paragraphs.join(QLatin1Char('\n'));
}

QString CommandTable::groupHelp(const QString &name) const
{
    QString text =
        tr("Usage: commandpost-cli %1 %2 [options]\n").arg(name, subcommandNames(name).join(QLatin1Char('|')));
    QString note;
    for (const Command *command : group(name)) {
        text += listLine(withSynopsis(command->subcommand(), command->synopsis()), command->summary());
        if (note.isEmpty())
            note = command->note();
    }
    if (!note.isEmpty())
        text += note + QLatin1Char('\n');
    return text + tr("Run 'commandpost-cli %1 SUBCOMMAND --help' for details.\n").arg(name);
}

bool CommandTable::needsGui(int argc, char **argv) const
{
    // Any word naming such a command is enough: a QGuiApplication too many costs nothing.
    for (int i = 1; i < argc; ++i) {
        const QString word = QString::fromLocal8Bit(argv[i]);
        for (const Command *command : commands()) {
            if (command->isGuiNeeded() && command->group() == word)
                return true;
        }
    }
    return false;
}

} // namespace cp::cli
