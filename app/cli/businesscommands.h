#pragma once

#include "command.h"

namespace cp::cli {

// Business incident mode: business declare|add|halt|restart|normal|skip|brief|status,
// message draft|revise|review|approve|authorise|send|list|show, notify, inbound log|answer|list.
// Every change is one store command (one transaction) and lands on the timeline.
class BusinessCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::BusinessCommands)
public:
    static QList<Command> commands();

private:
    static int declare(CommandCall &call);
    static int addActivity(CommandCall &call);
    static int tick(CommandCall &call, const QString &sub);
    static int normal(CommandCall &call);
    static int skip(CommandCall &call);
    static int brief(CommandCall &call);
    static int status(CommandCall &call);
    static int draft(CommandCall &call);
    static int revise(CommandCall &call);
    static int step(CommandCall &call, const QString &sub);
    static int listMessages(CommandCall &call);
    static int showMessage(CommandCall &call);
    static int notify(CommandCall &call);
    static int logInbound(CommandCall &call);
    static int answerInbound(CommandCall &call);
    static int listInbound(CommandCall &call);
};

} // namespace cp::cli
