#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// incident new | list | show | set
class IncidentCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::IncidentCommands)
public:
    static int run(CliContext &context, const QStringList &arguments);
    static QString helpText();

private:
    static int create(CliContext &context, const QStringList &arguments);
    static int list(CliContext &context, const QStringList &arguments);
    static int show(CliContext &context, const QStringList &arguments);
    static int set(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
