#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QList>

namespace cp::cli {

// Every command of commandpost-cli, in the order the help lists them, in sections. Dispatch, the
// help lists and the choice of application object all read it, so a command declared here is one
// that runs, is listed and has its --help, and nothing else is.
class CommandTable final
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::CommandTable)

public:
    // help: the handler of 'help [COMMAND]', which needs the application.
    explicit CommandTable(Command::Handler help = {});

    const QList<QList<Command>> &sections() const { return m_sections; }
    QList<const Command *> commands() const;

    // The command named by the first word (and the second, for a subcommand); nullptr when none.
    const Command *find(const QString &first, const QString &second) const;
    // The subcommands of a group ("timer"): the commands of two words starting with it.
    QList<const Command *> group(const QString &name) const;
    QStringList subcommandNames(const QString &group) const;

    // The "Commands:" block of 'commandpost-cli --help', a section a paragraph.
    QString commandList() const;
    // 'commandpost-cli GROUP --help': the usage line, the subcommands, the group's note.
    QString groupHelp(const QString &group) const;

    // Whether this command line runs a command that paints (see Command::needsGui()), before any
    // application object exists.
    bool needsGui(int argc, char **argv) const;

private:
    QList<QList<Command>> m_sections;
};

} // namespace cp::cli
