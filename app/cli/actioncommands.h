#pragma once

#include "command.h"

#include <optional>

namespace cp::cli {

// action add|set|list and decision add|list: the actions the IC delegates (with an owner, a
// status, a time-box, a follow-up mark) and the decisions taken with the objections check.
class ActionCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::ActionCommands)
public:
    static QList<Command> commands();

    // An owner for an action: --owner ROLE and/or --owner-person WHO ("none" clears it on 'set').
    struct Owner
    {
        std::optional<QString> roleKey;
        std::optional<qint64> personId;
    };
    // The owner the line names, the person found; incidentId > 0: the role is checked to exist in the
    // incident (before anything is saved). Nothing after reporting the problem; *exitCode is its code.
    static std::optional<Owner> ownerFrom(const CommandLine &line, IncidentStore &store, CliContext &context,
                                          int *exitCode, qint64 incidentId = 0);

private:
    static int add(CommandCall &call);
    static int set(CommandCall &call);
    static int list(CommandCall &call);
    static int addDecision(CommandCall &call);
    static int listDecisions(CommandCall &call);
};

} // namespace cp::cli
