#pragma once

#include "commandtable.h"

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// commandpost-cli [global options] COMMAND [options]: parses the global options, then hands the
// rest of the line to the command the table names.
class CliApp final
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::CliApp)
    Q_DISABLE_COPY_MOVE(CliApp)

public:
    explicit CliApp(CliContext &context);

    // arguments as QCoreApplication::arguments() gives them, the program first.
    int run(const QStringList &arguments);

    QString helpText() const;
    const CommandTable &table() const { return m_table; }

private:
    int help(const QStringList &topic);
    // A group's word without a known subcommand after it: its help, or what is wrong.
    int group(const QString &name, const QString &sub);

    CliContext &m_context;
    CommandTable m_table;
};

} // namespace cp::cli
