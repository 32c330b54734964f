#pragma once

#include "command.h"
#include "domain/business.h"

#include <QJsonObject>

namespace cp::cli {

// message draft|revise|review|approve|authorise|send|list|show: a business message through its
// approval chain (Technical SLT, Legal, Messaging, ELT, IC, sent), one step a command. A step is
// refused until the one before it is done, and unless a holder of its role takes it: --author
// holds the role, or enters it --for one who does, or the IC takes it with --override REASON.
class MessageCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::MessageCommands)
public:
    static QList<Command> commands();

    // The step a message waits for, or "changes-requested"; its JSON object ('business status' too).
    static QString stateOf(const Message &m);
    static QJsonObject json(const Message &m);

private:
    static int draft(CommandCall &call);
    static int revise(CommandCall &call);
    static int step(CommandCall &call, const QString &sub);
    static int list(CommandCall &call);
    static int show(CommandCall &call);
    // --for WHO (and --override REASON on a step) as the store's StepSigner.
    static QCommandLineOption forOption(const QString &whose);
    enum class Overridable
    {
        No,
        Yes
    };
    static std::optional<StepSigner> signerOf(const CommandLine &line, Overridable overridable, int *exitCode);
};

} // namespace cp::cli
