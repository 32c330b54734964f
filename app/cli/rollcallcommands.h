#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// rollcall start|answer|miss|skip|undo|dismiss|end|status, action add|set|list and
// decision add|list: the roll call with CAN reports, the Deputy's missed list, the actions the IC
// delegates and the decisions taken. A role is named by its key; a role several people hold
// (five SMEs) by its key and --person, or by the person's handle alone.
class RollCallCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::RollCallCommands)
public:
    static int rollCall(CliContext &context, const QStringList &arguments);
    static int action(CliContext &context, const QStringList &arguments);
    static int decision(CliContext &context, const QStringList &arguments);
    static QString helpText();

private:
    static int start(CliContext &context, const QStringList &arguments);
    static int mark(CliContext &context, const QStringList &arguments, const QString &sub);
    static int dismiss(CliContext &context, const QStringList &arguments);
    static int end(CliContext &context, const QStringList &arguments);
    static int status(CliContext &context, const QStringList &arguments);
    static int addAction(CliContext &context, const QStringList &arguments);
    static int setAction(CliContext &context, const QStringList &arguments);
    static int listActions(CliContext &context, const QStringList &arguments);
    static int addDecision(CliContext &context, const QStringList &arguments);
    static int listDecisions(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
