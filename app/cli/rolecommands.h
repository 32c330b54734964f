#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// The incident's response structure: roles [apply], assign, handover, release, take-command,
// subteam add. Roles are named by their key within the incident ("ic", "scribe"), people by
// handle or name (as 'people list' shows them).
class RoleCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::RoleCommands)
public:
    static int roles(CliContext &context, const QStringList &arguments);
    static int assign(CliContext &context, const QStringList &arguments);
    static int handOver(CliContext &context, const QStringList &arguments);
    static int release(CliContext &context, const QStringList &arguments);
    static int takeCommand(CliContext &context, const QStringList &arguments);
    static int subTeam(CliContext &context, const QStringList &arguments);

private:
    static int show(CliContext &context, const QStringList &arguments);
    static int apply(CliContext &context, const QStringList &arguments);
    static int addSubTeam(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
