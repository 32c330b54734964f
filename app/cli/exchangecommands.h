#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// export, import and postmortem: an incident as a file in every format, a whole-incident JSON
// document back in, and the postmortem's owner and due date.
class ExchangeCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::ExchangeCommands)
public:
    static int exportIncident(CliContext &context, const QStringList &arguments);
    static int importIncident(CliContext &context, const QStringList &arguments);
    static int postmortem(CliContext &context, const QStringList &arguments);
    // True when the command line asks for an export: PDF painting needs a QGuiApplication (on the
    // offscreen platform), every other command runs on a QCoreApplication.
    static bool needsGui(int argc, char **argv);
};

} // namespace cp::cli
