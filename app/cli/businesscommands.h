#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;
class CommandLine;

// Business incident mode: business declare|add|halt|restart|normal|skip|brief|status,
// message draft|revise|review|approve|authorise|send|list|show, notify, inbound log|answer|list.
// Every change is one store command (one transaction) and lands on the timeline.
class BusinessCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::BusinessCommands)
public:
    static int business(CliContext &context, const QStringList &arguments);
    static int message(CliContext &context, const QStringList &arguments);
    static int notify(CliContext &context, const QStringList &arguments);
    static int inbound(CliContext &context, const QStringList &arguments);
    static QString businessHelp();
    static QString messageHelp();
    static QString inboundHelp();

private:
    static int declare(CliContext &context, const QStringList &arguments);
    static int addActivity(CliContext &context, const QStringList &arguments);
    static int tick(CliContext &context, const QStringList &arguments, const QString &sub);
    static int normal(CliContext &context, const QStringList &arguments);
    static int skip(CliContext &context, const QStringList &arguments);
    static int brief(CliContext &context, const QStringList &arguments);
    static int status(CliContext &context, const QStringList &arguments);
    static int draft(CliContext &context, const QStringList &arguments);
    static int revise(CliContext &context, const QStringList &arguments);
    static int step(CliContext &context, const QStringList &arguments, const QString &sub);
    static int listMessages(CliContext &context, const QStringList &arguments);
    static int showMessage(CliContext &context, const QStringList &arguments);
    static int logInbound(CliContext &context, const QStringList &arguments);
    static int answerInbound(CliContext &context, const QStringList &arguments);
    static int listInbound(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
