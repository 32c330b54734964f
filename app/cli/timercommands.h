#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// timer start|every|stopwatch|list|ack|snooze|pause|resume|restart|cancel|defaults. Deadlines
// are absolute UTC instants in the database, so 'timer list' computes what is left (or how long
// it is overdue) from the clock now, whichever program started the timer and however long ago.
class TimerCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::TimerCommands)
public:
    static int run(CliContext &context, const QStringList &arguments);
    static QString helpText();

private:
    static int start(CliContext &context, const QStringList &arguments, const QString &kind);
    static int list(CliContext &context, const QStringList &arguments);
    static int change(CliContext &context, const QStringList &arguments, const QString &sub);
    static int defaults(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
