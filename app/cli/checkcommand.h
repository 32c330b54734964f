#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// check: opens the database read-only, runs SQLite's full integrity check and the reference
// check, prints what it found and "ok", or the problems and a non-zero exit.
class CheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::CheckCommand)
public:
    static int run(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
