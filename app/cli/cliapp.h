#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// commandpost-cli [global options] COMMAND [options]: parses the global options, then hands the
// rest of the line to the command named.
class CliApp final
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::CliApp)
    Q_DISABLE_COPY_MOVE(CliApp)

public:
    explicit CliApp(CliContext &context) : m_context(context) {}

    // arguments as QCoreApplication::arguments() gives them, the program first.
    int run(const QStringList &arguments);

    QString helpText() const;

private:
    using Handler = int (*)(CliContext &, const QStringList &);
    struct Command
    {
        QString name;
        Handler handler;
    };
    static QList<Command> commands();
    int help(const QStringList &topic);

    CliContext &m_context;
};

} // namespace cp::cli
